using System.ComponentModel.DataAnnotations;
using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Accounts.Register;

/// <summary>
/// Last step: check the organisation's details, then create the account (or, for a signed-in user,
/// just the organisation) and the admin membership, all in one transaction.
/// </summary>
[AllowAnonymous]
public sealed class AccountModel(CommonwealDbContext db, UserManager<User> users, SignInManager<User> signIn) : PageModel
{
    public OrganisationProfile Organisation { get; private set; } = new();

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public sealed class AccountInput
    {
        [Required(ErrorMessage = "Enter your full name")]
        [StringLength(Commonweal.Accounts.User.DisplayNameMaxLength, ErrorMessage = "Full name must be 100 characters or fewer")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        [StringLength(254, ErrorMessage = "Email address must be 254 characters or fewer")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Create a password")]
        [StringLength(200, ErrorMessage = "Password must be 200 characters or fewer")]
        public string? Password { get; set; }

        [Compare(nameof(Password), ErrorMessage = "Enter the same password twice")]
        public string? ConfirmPassword { get; set; }
    }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public IActionResult OnGet()
    {
        if (RegistrationJourney.Load(TempData) is not { } organisation)
        {
            return RedirectToPage("Index");
        }

        Organisation = organisation;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (RegistrationJourney.Load(TempData) is not { } organisation)
        {
            return RedirectToPage("Index");
        }

        Organisation = organisation;
        if (SignedIn)
        {
            // The account exists: only the organisation's fields matter.
            ModelState.Clear();
        }

        // Checked again: another registration may have taken the identifier meanwhile.
        var organisationCheck = await organisation.CheckAsync(db);
        if (!organisationCheck.IsValid)
        {
            ModelState.AddModelError("", $"{organisationCheck.Errors[0].ErrorMessage}. Go back and change the organisation's details");
        }

        if (!SignedIn && ModelState.IsValid && await users.FindByEmailAsync(Input.Email!) is not null)
        {
            ModelState.AddModelError("Input.Email", "An account with this email address already exists. Sign in first, then register the organisation");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = SignedIn ? await users.GetUserAsync(User) : null;
        if (user is null)
        {
            user = new User { DisplayName = Input.DisplayName!.Trim(), UserName = Input.Email!.Trim(), Email = Input.Email!.Trim(), CreatedAt = db.Now };
            var created = await users.CreateAsync(user, Input.Password!);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
                }

                return Page();
            }
        }

        var entity = new Organisation { Name = "" };
        organisation.ApplyTo(entity);
        db.Organisations.Add(entity);
        db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = entity.Id, Role = MembershipRole.Admin, CreatedAt = db.Now });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        RegistrationJourney.Clear(TempData);
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Banner"] = $"{entity.Name} is registered. You are its admin.";
        return Redirect($"/organisations/{entity.Id}");
    }
}
