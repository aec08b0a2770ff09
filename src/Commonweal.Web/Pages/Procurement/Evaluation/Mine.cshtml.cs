using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Procurement.Evaluation;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Procurement.Evaluation;

/// <summary>The opportunities the signed-in user evaluates, and (for commissioners) those they commission that have closed.</summary>
public sealed class MineModel(CommonwealDbContext db) : PageModel
{
    public IReadOnlyList<(Opportunity Opportunity, Evaluator Evaluator)> Evaluating { get; private set; } = [];
    public IReadOnlyList<Opportunity> Commissioning { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = User.UserId();
        var assigned = await db.Evaluators.AsNoTracking().Where(e => e.UserId == userId).ToListAsync();
        var ids = assigned.Select(e => e.OpportunityId).ToList();
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync();
        Evaluating = [.. assigned.Join(opportunities, e => e.OpportunityId, o => o.Id, (e, o) => (o, e)).OrderBy(x => x.o.SubmissionDeadline)];
        var commissioning = User.Memberships().Where(m => m.Role == Commonweal.Accounts.MembershipRole.Commissioner).Select(m => m.OrganisationId).ToList();
        Commissioning = await db.Opportunities.AsNoTracking()
            .Where(o => o.Commissioners.Any(c => commissioning.Contains(c.OrganisationId))
                && (o.Status == OpportunityStatus.Closed || o.Status == OpportunityStatus.Evaluation || o.Status == OpportunityStatus.IntentionToAward || o.Status == OpportunityStatus.Standstill))
            .OrderBy(o => o.SubmissionDeadline).ToListAsync();
    }
}
