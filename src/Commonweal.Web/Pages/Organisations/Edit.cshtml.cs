using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Web.Accounts;
using Commonweal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Organisations;

/// <summary>An organisation's admins (and platform admins) keep its profile.</summary>
public sealed class EditModel(CommonwealDbContext db) : PageModel
{
    [BindProperty]
    public OrganisationProfile Input { get; set; } = new();

    public Organisation Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        Input = OrganisationProfile.From(Organisation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        if (ModelState.IsValid)
        {
            ModelState.AddErrors(await Input.CheckAsync(db, id), nameof(Input));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Input.ApplyTo(Organisation);
        await db.SaveChangesAsync();
        TempData["Banner"] = "Your changes have been saved.";
        return Redirect($"/organisations/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id);
        if (organisation is null)
        {
            return NotFound();
        }

        if (!User.HasRoleIn(id, MembershipRole.Admin) && !User.IsPlatformAdmin())
        {
            return Forbid();
        }

        Organisation = organisation;
        return null;
    }
}
