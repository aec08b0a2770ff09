using Commonweal.Data;
using Commonweal.Web.Api.Insight;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Commissioning;

/// <summary>Plans anyone may read (published), the viewer's own drafts, and the pooled funds the viewer's commissioners belong to.</summary>
[AllowAnonymous]
public sealed class IndexModel(CommonwealDbContext db) : PageModel
{
    public sealed record PlanLink(Guid Id, string Title, string Commissioner, string Area, int Year, bool Published);

    public IReadOnlyList<PlanLink> Plans { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Pools { get; private set; } = [];

    public async Task OnGetAsync(Guid? commissioner)
    {
        var viewer = InsightApi.ViewerOf(User);
        var member = viewer.MemberOf.ToList();
        var plans = db.CommissioningPlans.AsNoTracking().Where(p => p.PublishedAt != null || member.Contains(p.CommissionerOrganisationId));
        if (commissioner is { } c)
        {
            plans = plans.Where(p => p.CommissionerOrganisationId == c);
        }

        Plans = await plans
            .Join(db.Organisations, p => p.CommissionerOrganisationId, o => o.Id, (p, o) => new PlanLink(p.Id, p.Title, o.Name, p.Area!.Name, p.Year, p.PublishedAt != null))
            .OrderByDescending(p => p.Year).ThenBy(p => p.Title)
            .ToListAsync();
        var commissioning = viewer.CommissionerIn.ToList();
        var pools = await db.PooledFunds.AsNoTracking().Where(p => p.Members.Any(m => commissioning.Contains(m.OrganisationId)))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync();
        Pools = pools.Select(p => (p.Id, p.Name)).ToList();
    }
}
