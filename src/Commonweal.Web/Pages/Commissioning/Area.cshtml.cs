using Commonweal.Commissioning;
using Commonweal.Data;
using Commonweal.Web.Api.Insight;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Commissioning;

/// <summary>An area: its outcodes, its recorded needs and conditions, and the plans for it. For the commissioner's members.</summary>
[Authorize]
public sealed class AreaModel(CommonwealDbContext db) : PageModel
{
    public NeedsArea Area { get; private set; } = null!;
    public string Commissioner { get; private set; } = "";
    public IReadOnlyList<CommissioningPlan> Plans { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var area = await db.NeedsAreas.AsNoTracking().Include(a => a.Needs).FirstOrDefaultAsync(a => a.Id == id);
        var viewer = InsightApi.ViewerOf(User);
        // Not found for those who may not see it, so that its existence is not disclosed.
        if (area is null || !CommissioningAccess.CanSeeArea(viewer, area))
        {
            return NotFound();
        }

        Area = area;
        Commissioner = await db.Organisations.Where(o => o.Id == area.CommissionerOrganisationId).Select(o => o.Name).FirstAsync();
        Plans = await db.CommissioningPlans.AsNoTracking().Where(p => p.AreaId == id).OrderByDescending(p => p.Year).ToListAsync();
        CanEdit = CommissioningAccess.CanEditFor(viewer, area.CommissionerOrganisationId);
        return Page();
    }
}
