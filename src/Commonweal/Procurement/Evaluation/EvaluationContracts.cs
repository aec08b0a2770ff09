using Commonweal.Data;
using Commonweal.Procurement.Awards;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Procurement.Evaluation;

/// <summary>
/// After the standstill: each award made by an evaluation here gets its contract, through
/// <see cref="AwardRecording"/>: the winning price as its value, the opportunity's contract term as
/// its dates, and the outcome-linked payment share the commissioner set (0 unless set). Driven by
/// what the database holds (awarded, contracts not yet recorded), so a restart loses nothing.
/// </summary>
public static class EvaluationContracts
{
    public static async Task<int> RecordDueAsync(CommonwealDbContext db, CancellationToken cancellationToken = default)
    {
        var due = await db.OpportunityEvaluations
            .Where(e => e.IntentionIssuedAt != null && e.ContractsRecordedAt == null
                && db.Opportunities.Any(o => o.Id == e.OpportunityId && o.Status == OpportunityStatus.Awarded))
            .OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var recording = new AwardRecording(db);
        var recorded = 0;
        foreach (var evaluation in due)
        {
            var o = await db.Opportunities.AsNoTracking().FirstAsync(x => x.Id == evaluation.OpportunityId, cancellationToken);
            var open = await db.Awards.AsNoTracking()
                .Where(a => a.OpportunityId == o.Id && a.Status != AwardStatus.Cancelled && !a.Contracts.Any(c => c.Status != ContractStatus.Cancelled))
                .OrderBy(a => a.Id).Select(a => new { a.Id, a.Value }).ToListAsync(cancellationToken);
            var failed = false;
            foreach (var award in open)
            {
                var (result, _) = await recording.RecordContractAsync(award.Id,
                    new ContractInput(award.Value ?? 0, o.ContractStart, o.ContractEnd, evaluation.OutcomeLinkedPaymentPercent), cancellationToken);
                failed |= !result.Succeeded;
                recorded += result.Succeeded ? 1 : 0;
            }

            if (!failed)
            {
                evaluation.ContractsRecordedAt = db.Now;
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return recorded;
    }
}
