using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Organisations;

/// <summary>An organisation's public page: only what it publishes about itself, never its members.</summary>
[AllowAnonymous]
public sealed class DetailsModel(CommonwealDbContext db) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id);
        if (organisation is null)
        {
            return NotFound();
        }

        Organisation = organisation;
        CanEdit = User.HasRoleIn(id, MembershipRole.Admin) || User.IsPlatformAdmin();
        return Page();
    }
}
