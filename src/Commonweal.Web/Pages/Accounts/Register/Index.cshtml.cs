using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Accounts.Register;

[AllowAnonymous]
public sealed class IndexModel(CommonwealDbContext db) : PageModel
{
    [BindProperty]
    public OrganisationProfile Input { get; set; } = new();

    public void OnGet() => Input = RegistrationJourney.Load(TempData) ?? new OrganisationProfile();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        ModelState.AddErrors(await Input.CheckAsync(db), nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        RegistrationJourney.Save(TempData, Input);
        return RedirectToPage("Account");
    }
}
