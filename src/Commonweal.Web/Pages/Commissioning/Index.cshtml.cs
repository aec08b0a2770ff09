using Commonweal.Data;
using Commonweal.Web.Api.Insight;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Commissioning;

/// <summary>
/// Plans anyone may read (published), the viewer's own drafts, and for a commissioner its areas, the
/// pooled funds it belongs to and the links to record more.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(CommonwealDbContext db) : PageModel
{
    public sealed record PlanLink(Guid Id, string Title, string Commissioner, string Area, int Year, bool Published);

    public IReadOnlyList<PlanLink> Plans { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Pools { get; private set; } = [];

    /// <summary>The areas of the organisations the viewer commissions for.</summary>
    public IReadOnlyList<(Guid Id, string Name, string Outcodes)> Areas { get; private set; } = [];

    public bool Commissions { get; private set; }

    public async Task OnGetAsync(Guid? commissioner)
    {
        var viewer = InsightApi.ViewerOf(User);
        var member = viewer.MemberOf.ToList();
        var plans = db.CommissioningPlans.AsNoTracking().Where(p => p.PublishedAt != null || member.Contains(p.CommissionerOrganisationId));
        if (commissioner is { } c)
        {
            plans = plans.Where(p => p.CommissionerOrganisationId == c);
        }

        var rows = await plans
            .Select(p => new { p.Id, p.Title, p.CommissionerOrganisationId, Area = p.Area!.Name, p.Year, Published = p.PublishedAt != null })
            .ToListAsync();
        var ids = rows.Select(r => r.CommissionerOrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        Plans = rows.Select(r => new PlanLink(r.Id, r.Title, names[r.CommissionerOrganisationId], r.Area, r.Year, r.Published))
            .OrderByDescending(p => p.Year).ThenBy(p => p.Title, StringComparer.Ordinal).ToList();
        var commissioning = viewer.CommissionerIn.ToList();
        var pools = await db.PooledFunds.AsNoTracking().Where(p => p.Members.Any(m => commissioning.Contains(m.OrganisationId)))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync();
        Pools = pools.Select(p => (p.Id, p.Name)).ToList();
        Commissions = commissioning.Count > 0;
        var areas = await db.NeedsAreas.AsNoTracking().Where(a => commissioning.Contains(a.CommissionerOrganisationId))
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name, a.Outcodes }).ToListAsync();
        Areas = areas.Select(a => (a.Id, a.Name, string.Join(", ", a.Outcodes))).ToList();
    }
}
