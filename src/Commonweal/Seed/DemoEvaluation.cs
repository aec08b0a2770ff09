using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Procurement.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Seed;

/// <summary>
/// Evaluation in progress on the carers' short breaks contract, whose deadline has passed with three
/// bids: the commissioner started evaluation the next working day, the demo evaluator (the council's)
/// was assigned, declared no interest in any bidder and has scored every bid; moderation is still to do.
/// </summary>
public static class DemoEvaluation
{
    public static Guid EvaluatorId => StableIds.For("demo-evaluator:closed:evaluator");

    public static async Task AddAsync(CommonwealDbContext db, CancellationToken cancellationToken = default)
    {
        var o = await db.Opportunities.WithDetails().FirstAsync(x => x.Id == DemoProcurement.ClosedId, cancellationToken);
        var commissioner = await db.Users.FirstAsync(u => u.Email == DemoAccounts.Commissioner, cancellationToken);
        var evaluatorUser = await db.Users.FirstAsync(u => u.Email == DemoAccounts.Evaluator, cancellationToken);
        var started = o.SubmissionDeadline.AddDays(1);
        OpportunityLifecycle.Transition(o, OpportunityStatus.Evaluation, new Audit.Actor(commissioner.Id, commissioner.DisplayName), started, "Evaluation started.");
        db.OpportunityEvaluations.Add(new OpportunityEvaluation
        {
            Id = StableIds.For("demo-evaluation:closed"), OpportunityId = o.Id, StartedAt = started, StartedByUserId = commissioner.Id, OutcomeLinkedPaymentPercent = 10m,
        });

        var bidders = await db.Bids.Where(b => b.OpportunityId == o.Id && b.Status == BidStatus.Submitted)
            .SelectMany(b => b.Members).Select(m => m.OrganisationId).Distinct().ToListAsync(cancellationToken);
        var evaluator = new Evaluator
        {
            Id = EvaluatorId, OpportunityId = o.Id, UserId = evaluatorUser.Id, AssignedAt = o.SubmissionDeadline.AddHours(-2), AssignedByUserId = commissioner.Id,
            DeclaredAt = started.AddHours(1),
        };
        evaluator.Declarations.AddRange(bidders.Select(b => new ConflictDeclaration
        {
            Id = StableIds.For($"demo-declaration:closed:{b}"), EvaluatorId = evaluator.Id, OrganisationId = b, HasInterest = false, DeclaredAt = started.AddHours(1),
        }));
        db.Evaluators.Add(evaluator);

        // Scores per bid in criterion order (price excepted): Mile End strongest on quality, CarePlus cheapest.
        var quality = o.Criteria.Where(c => !EvaluationScoring.IsPrice(c)).OrderBy(c => c.Order).ToList();
        (Guid Bid, int[] Scores)[] scored =
        [
            (DemoBids.ClosedBidIds[0], [4, 4, 5, 3]),
            (DemoBids.ClosedBidIds[1], [3, 3, 2, 3]),
            (DemoBids.ClosedBidIds[2], [3, 5, 3, 4]),
        ];
        foreach (var (bid, scores) in scored)
        {
            for (var i = 0; i < quality.Count && i < scores.Length; i++)
            {
                db.EvaluatorScores.Add(new EvaluatorScore
                {
                    Id = StableIds.For($"demo-score:{bid}:{quality[i].Id}"), BidId = bid, CriterionId = quality[i].Id, EvaluatorUserId = evaluatorUser.Id,
                    Score = scores[i], ScoredAt = started.AddDays(2),
                    Comment = scores[i] switch
                    {
                        5 => "Excellent: fully meets the criterion, with strong evidence from current work.",
                        >= 4 => "Good, well evidenced.",
                        >= 3 => "Meets the criterion with minor gaps.",
                        _ => "Addresses the criterion only in part.",
                    },
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
