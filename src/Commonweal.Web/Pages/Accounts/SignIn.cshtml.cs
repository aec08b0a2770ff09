using System.ComponentModel.DataAnnotations;
using Commonweal.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Accounts;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<User> signIn) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        [StringLength(254, ErrorMessage = "Email address must be 254 characters or fewer")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        [StringLength(200, ErrorMessage = "Password must be 200 characters or fewer")]
        public string? Password { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email!, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("Input.Email", "This account is locked after too many attempts. Try again in 15 minutes");
            return Page();
        }

        if (!result.Succeeded)
        {
            // One message for both cases, so that sign-in does not reveal which emails have accounts.
            ModelState.AddModelError("Input.Email", "Enter a correct email address and password");
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
