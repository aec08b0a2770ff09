using System.Net;
using Commonweal.Procurement;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Procurement.Evaluation;

public sealed class DemoEvaluationTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_LeavesTheClosedContractInEvaluation_WithTheDemoEvaluatorsScoresIn_AndKeepsTheAwardedOne()
    {
        await using var db = factory.CreateDbContext();
        var closed = await db.Opportunities.SingleAsync(o => o.Id == DemoProcurement.ClosedId, Cancel);
        var evaluator = await db.Evaluators.Include(e => e.User).Include(e => e.Declarations).SingleAsync(e => e.OpportunityId == closed.Id, Cancel);

        Assert.Equal(OpportunityStatus.Evaluation, closed.Status);
        Assert.Equal(DemoAccounts.Evaluator, evaluator.User!.Email);
        Assert.NotNull(evaluator.DeclaredAt);
        Assert.Equal(5, evaluator.Declarations.Count);
        Assert.All(evaluator.Declarations, d => Assert.False(d.HasInterest));
        Assert.Equal(3 * 4, await db.EvaluatorScores.CountAsync(s => DemoBids.ClosedBidIds.Contains(s.BidId), Cancel));
        Assert.False(await db.ConsensusScores.AnyAsync(s => DemoBids.ClosedBidIds.Contains(s.BidId), Cancel));
        Assert.Equal(OpportunityStatus.Awarded, await db.Opportunities.Where(o => o.Id == DemoProcurement.AwardedId).Select(o => o.Status).SingleAsync(Cancel));
    }

    [Fact]
    public async Task DemoEvaluator_SeesTheBidsToScore_AndTheCommissionerTheProgress()
    {
        var reference = await ReferenceAsync();
        var evaluator = await factory.SignedInClientAsync(DemoAccounts.Evaluator);
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        var toScore = await evaluator.GetDocumentAsync($"/opportunities/{reference}/evaluation/declare");
        var dashboard = await commissioner.GetDocumentAsync($"/opportunities/{reference}/evaluation");

        Assert.Equal(3, toScore.QuerySelectorAll(".cw-to-score a").Length);
        Assert.All(toScore.QuerySelectorAll(".cw-to-score td.nhsuk-table__cell--numeric"), td => Assert.Equal("4 of 4", td.TextContent.Trim()));
        Assert.All(dashboard.QuerySelectorAll(".cw-progress tbody tr"), tr => Assert.Contains("1 of 1", tr.TextContent));
        Assert.Contains("No interest in any bidder", dashboard.QuerySelector(".cw-evaluators")!.TextContent);
        var score = await evaluator.GetAsync($"/evaluation/bids/{DemoBids.ClosedBidIds[0]}/score", Cancel);
        Assert.Equal(HttpStatusCode.OK, score.StatusCode);
    }

    private async Task<string> ReferenceAsync()
    {
        await using var db = factory.CreateDbContext();
        return await db.Opportunities.Where(o => o.Id == DemoProcurement.ClosedId).Select(o => o.Reference).SingleAsync(Cancel);
    }
}
