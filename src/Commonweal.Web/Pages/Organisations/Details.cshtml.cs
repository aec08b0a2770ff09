using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Web.Accounts;
using Commonweal.Web.Passport;
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

    public bool CanSeePassport { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id);
        if (organisation is null)
        {
            return NotFound();
        }

        Organisation = organisation;
        Services = (await db.Services.AsNoTracking().Where(s => s.OrganisationId == id && s.Status != Commonweal.Directory.ServiceStatus.Defunct)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync()).Select(s => (s.Id, s.Name)).ToList();
        CanEdit = User.HasRoleIn(id, MembershipRole.Admin) || User.IsPlatformAdmin();
        CanSeePassport = User.CanSeePassportOf(id);
        return Page();
    }
}
