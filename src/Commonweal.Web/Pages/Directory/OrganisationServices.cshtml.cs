using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Organisations;
using Commonweal.Web.Directory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Directory;

/// <summary>An organisation's own services, with the ones that need checking and changes awaiting review.</summary>
public sealed class OrganisationServicesModel(CommonwealDbContext db) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<Service> Services { get; private set; } = [];
    public IReadOnlySet<Guid> Pending { get; private set; } = new HashSet<Guid>();
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid organisationId)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId);
        if (organisation is null)
        {
            return NotFound();
        }

        if (!User.CanEditServicesOf(organisationId) && !User.IsDirectorySteward())
        {
            return Forbid();
        }

        Organisation = organisation;
        Today = DateOnly.FromDateTime(db.Now);
        Services = await db.Services.AsNoTracking().Where(s => s.OrganisationId == organisationId).OrderBy(s => s.Name).ToListAsync();
        Pending = (await db.ServiceChanges.Where(c => c.Status == ServiceChangeStatus.Pending && c.Service!.OrganisationId == organisationId)
            .Select(c => c.ServiceId).ToListAsync()).ToHashSet();
        return Page();
    }

    public IEnumerable<Service> Stale => Services.Where(s => s.IsStale(Today));
}
