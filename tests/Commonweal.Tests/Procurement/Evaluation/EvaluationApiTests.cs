using System.Net;
using System.Net.Http.Json;
using Commonweal.Procurement;
using Commonweal.Procurement.Awards;
using Commonweal.Procurement.Bids;
using Commonweal.Procurement.Evaluation;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Commonweal.Tests.Procurement.Bids;
using Microsoft.EntityFrameworkCore;
using static Commonweal.Tests.Procurement.Evaluation.EvaluationTestData;

namespace Commonweal.Tests.Procurement.Evaluation;

public sealed class EvaluationApiTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Kitchen and Stepney bid for lot 1, Poplar for lot 2; evaluation started, one evaluator assigned.</summary>
    private async Task<(Arranged A, HttpClient Commissioner, HttpClient Evaluator)> InEvaluationAsync(bool declare = true)
    {
        var a = await factory.ClosedWithBidsAsync((Kitchen, 1, 100_000m), (Stepney, 1, 80_000m), (Poplar, 2, 300_000m));
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var (evaluator, email) = await factory.NewEvaluatorAsync();
        await AssignAsync(commissioner, a.Id, email);
        var started = await OkAsync(await commissioner.PostAsync($"/api/opportunities/{a.Id}/start-evaluation", null, Cancel));
        Assert.Equal("Evaluation", started.GetProperty("status").GetString());
        if (declare)
        {
            await factory.DeclareNoInterestAsync(evaluator, a);
        }

        return (a, commissioner, evaluator);
    }

    [Fact]
    public async Task PutScores_OutsideZeroToFive_IsRefusedNamingTheField()
    {
        var (a, _, evaluator) = await InEvaluationAsync();
        var criteria = a.Quality.ToList();

        var problem = await ProblemAsync(await evaluator.PutAsJsonAsync($"/api/bids/{a.Bids[Kitchen]}/scores", new
        {
            scores = new object[]
            {
                new { criterionId = criteria[0].Id, score = 3 },
                new { criterionId = criteria[1].Id, score = 6 },
                new { criterionId = criteria[2].Id, score = -1, comment = "Nothing" },
                new { criterionId = criteria[3].Id, score = 5 },
            },
        }, Cancel), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Contains("must be from 0 to 5, not 6", errors.GetProperty("scores[1].score")[0].GetString());
        Assert.Contains("not -1", errors.GetProperty("scores[2].score")[0].GetString());
        Assert.Contains("scores of 0, 1 and 5 need one", errors.GetProperty("scores[3].comment")[0].GetString());
        Assert.False(errors.TryGetProperty("scores[0].score", out _));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.EvaluatorScores.AnyAsync(s => s.BidId == a.Bids[Kitchen], Cancel));
    }

    [Fact]
    public async Task PutScores_PriceCriterion_IsRefused_ItIsScoredByFormula()
    {
        var (a, _, evaluator) = await InEvaluationAsync();
        var price = a.Opportunity.Criteria.Single(c => c.Kind == CriterionKind.Value);

        var problem = await ProblemAsync(await evaluator.PutAsJsonAsync($"/api/bids/{a.Bids[Kitchen]}/scores",
            new { scores = new[] { new { criterionId = price.Id, score = 3 } } }, Cancel), HttpStatusCode.BadRequest);

        Assert.Equal("Price is scored by formula, not by evaluators", problem.GetProperty("errors").GetProperty("scores[0].criterionId")[0].GetString());
    }

    [Fact]
    public async Task Bids_EvaluatorWhoHasNotDeclared_IsRefusedEveryBid()
    {
        var (a, _, evaluator) = await InEvaluationAsync(declare: false);

        foreach (var bid in a.Bids.Values)
        {
            var read = await ProblemAsync(await evaluator.GetAsync($"/api/bids/{bid}", Cancel), HttpStatusCode.Forbidden);
            Assert.Equal("Declare any conflicts of interest before you see the bids.", read.GetProperty("title").GetString());
            Assert.Equal(BidErrors.DeclarationRequired, read.GetProperty("code").GetString());
            Assert.DoesNotContain("answer on", read.ToString());
            var score = await ProblemAsync(await evaluator.PutAsJsonAsync($"/api/bids/{bid}/scores", Scores(a, 3), Cancel), HttpStatusCode.Forbidden);
            Assert.Equal(BidErrors.DeclarationRequired, score.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Bids_EvaluatorWhoDeclared_ReadsAndScoresThem()
    {
        var (a, _, evaluator) = await InEvaluationAsync();

        var bid = await OkAsync(await evaluator.GetAsync($"/api/bids/{a.Bids[Kitchen]}", Cancel));
        var scores = await OkAsync(await evaluator.PutAsJsonAsync($"/api/bids/{a.Bids[Kitchen]}/scores", Scores(a, 3), Cancel));

        Assert.Contains("Bow Community Kitchen's answer", bid.GetProperty("answers")[0].GetProperty("text").GetString());
        Assert.Equal(4, scores.GetArrayLength());
    }

    [Fact]
    public async Task Bids_EvaluatorWithADeclaredInterest_CannotSeeOrScoreThatBiddersBid()
    {
        var a = await factory.ClosedWithBidsAsync((Kitchen, 1, 100_000m), (Stepney, 1, 80_000m));
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var (evaluator, email) = await factory.NewEvaluatorAsync();
        await AssignAsync(commissioner, a.Id, email);
        await OkAsync(await commissioner.PostAsync($"/api/opportunities/{a.Id}/start-evaluation", null, Cancel));
        await factory.DeclareNoInterestAsync(evaluator, a, interestIn: Stepney);

        var refused = await ProblemAsync(await evaluator.GetAsync($"/api/bids/{a.Bids[Stepney]}", Cancel), HttpStatusCode.Forbidden);
        var score = await ProblemAsync(await evaluator.PutAsJsonAsync($"/api/bids/{a.Bids[Stepney]}/scores", Scores(a, 3), Cancel), HttpStatusCode.Forbidden);

        Assert.Equal(BidErrors.ConflictOfInterest, refused.GetProperty("code").GetString());
        Assert.Equal(BidErrors.ConflictOfInterest, score.GetProperty("code").GetString());
        await OkAsync(await evaluator.GetAsync($"/api/bids/{a.Bids[Kitchen]}", Cancel));
        await using var db = factory.CreateDbContext();
        var declaration = await db.ConflictDeclarations.SingleAsync(d => d.HasInterest && d.OrganisationId == db.Organisations.Single(o => o.Name == Stepney).Id
            && db.Evaluators.Any(e => e.Id == d.EvaluatorId && e.OpportunityId == a.Id), Cancel);
        Assert.Equal("My partner is a trustee.", declaration.Description);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(ConflictDeclaration) && e.EntityId == declaration.Id.ToString(), Cancel));
    }

    [Fact]
    public async Task Declarations_MissingABidderOrTheDescriptionOfAnInterest_AreRefusedNamingTheField()
    {
        var (a, _, evaluator) = await InEvaluationAsync(declare: false);
        var kitchen = await factory.OrganisationAsync(Kitchen);

        var problem = await ProblemAsync(await evaluator.PostAsJsonAsync($"/api/opportunities/{a.Id}/declarations",
            new { declarations = new[] { new { organisationId = kitchen, hasInterest = true, description = " " } } }, Cancel), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Equal("Describe your interest in Bow Community Kitchen", errors.GetProperty("declarations[0].description")[0].GetString());
        Assert.Contains("Poplar Peer Support Network", errors.GetProperty("declarations")[0].GetString());
        Assert.Contains("Stepney Money Advice", errors.GetProperty("declarations")[0].GetString());
    }

    [Fact]
    public async Task Bids_BeforeTheDeadline_StaySealedToAnAssignedEvaluator()
    {
        var o = await factory.PublishedAsync();
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var created = await OkAsync(await provider.PostAsJsonAsync($"/api/opportunities/{o.Id}/bids", new
        {
            lotId = o.Lots.Single(l => l.Number == 1).Id,
            answers = o.Criteria.Select(c => new { criterionId = c.Id, text = "Sealed answer" }).ToList(),
            price = 500_000m,
        }, Cancel), HttpStatusCode.Created);
        var bidId = created.GetProperty("id").GetGuid();
        await OkAsync(await provider.PostAsync($"/api/bids/{bidId}/submit", null, Cancel));
        var (evaluator, email) = await factory.NewEvaluatorAsync();
        await AssignAsync(commissioner, o.Id, email);

        var read = await ProblemAsync(await evaluator.GetAsync($"/api/bids/{bidId}", Cancel), HttpStatusCode.Forbidden);
        var declare = await ProblemAsync(await evaluator.PostAsJsonAsync($"/api/opportunities/{o.Id}/declarations", new { declarations = Array.Empty<object>() }, Cancel), HttpStatusCode.Conflict);
        var start = await ProblemAsync(await commissioner.PostAsync($"/api/opportunities/{o.Id}/start-evaluation", null, Cancel), HttpStatusCode.Conflict);

        Assert.Equal(BidErrors.Sealed, read.GetProperty("code").GetString());
        Assert.DoesNotContain("Sealed answer", read.ToString());
        Assert.Equal(EvaluationErrors.DeadlineNotReached, declare.GetProperty("code").GetString());
        Assert.Equal(EvaluationErrors.DeadlineNotReached, start.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Assign_SomeoneOutsideTheCommissioningOrganisations_IsRefused()
    {
        var a = await factory.ClosedWithBidsAsync((Kitchen, 1, 100_000m));
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        // The demo evaluator is the council's, and this opportunity is the ICB's alone.
        var problem = await ProblemAsync(await commissioner.PostAsJsonAsync($"/api/opportunities/{a.Id}/evaluators", new { email = DemoAccounts.Evaluator }, Cancel), HttpStatusCode.BadRequest);
        var byEvaluator = await ProblemAsync(await (await factory.NewEvaluatorAsync()).Client.PostAsJsonAsync($"/api/opportunities/{a.Id}/evaluators", new { email = DemoAccounts.Evaluator }, Cancel), HttpStatusCode.Forbidden);

        Assert.Contains("not an evaluator or commissioner in one of the commissioning organisations", problem.GetProperty("errors").GetProperty("email")[0].GetString());
        Assert.Equal(EvaluationErrors.NotAllowed, byEvaluator.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Consensus_DifferentFromAnEvaluatorsScoreWithoutAReason_IsRefused()
    {
        var (a, commissioner, evaluator) = await InEvaluationAsync();
        await OkAsync(await evaluator.PutAsJsonAsync($"/api/bids/{a.Bids[Kitchen]}/scores", Scores(a, 3), Cancel));
        var first = a.Quality.First();

        var refused = await ProblemAsync(await commissioner.PutAsJsonAsync($"/api/bids/{a.Bids[Kitchen]}/consensus",
            new { scores = new[] { new { criterionId = first.Id, score = 4, reason = (string?)null } } }, Cancel), HttpStatusCode.BadRequest);
        var same = await OkAsync(await commissioner.PutAsJsonAsync($"/api/bids/{a.Bids[Kitchen]}/consensus",
            new { scores = new[] { new { criterionId = first.Id, score = 3, reason = (string?)null } } }, Cancel));
        var reasoned = await OkAsync(await commissioner.PutAsJsonAsync($"/api/bids/{a.Bids[Kitchen]}/consensus",
            new { scores = new[] { new { criterionId = first.Id, score = 4, reason = "Strong evidence of outcomes the evaluator missed." } } }, Cancel));

        Assert.Contains("it differs from an evaluator's score of 3", refused.GetProperty("errors").GetProperty("scores[0].reason")[0].GetString());
        Assert.Equal(3, Assert.Single(same.EnumerateArray()).GetProperty("score").GetInt32());
        Assert.Equal("Strong evidence of outcomes the evaluator missed.", Assert.Single(reasoned.EnumerateArray()).GetProperty("reason").GetString());
        var byEvaluator = await ProblemAsync(await evaluator.PutAsJsonAsync($"/api/bids/{a.Bids[Kitchen]}/consensus", Scores(a, 3), Cancel), HttpStatusCode.Forbidden);
        Assert.Equal(BidErrors.NotAllowed, byEvaluator.GetProperty("code").GetString());
    }

    [Fact]
    public async Task IntentionToAward_WhileAnyConsensusScoreIsMissing_IsRefused()
    {
        var (a, commissioner, _) = await InEvaluationAsync();
        foreach (var bid in a.Bids.Values)
        {
            await OkAsync(await commissioner.PutAsJsonAsync($"/api/bids/{bid}/consensus", Scores(a, 3), Cancel));
        }

        // One criterion of Poplar's bid left unmoderated.
        await using (var db = factory.CreateDbContext())
        {
            var last = a.Quality.Last().Id;
            await db.ConsensusScores.Where(s => s.BidId == a.Bids[Poplar] && s.CriterionId == last).ExecuteDeleteAsync(Cancel);
        }

        var problem = await ProblemAsync(await commissioner.PostAsync($"/api/opportunities/{a.Id}/intention-to-award", null, Cancel), HttpStatusCode.Conflict);

        Assert.Equal(EvaluationErrors.Incomplete, problem.GetProperty("code").GetString());
        Assert.Contains("Poplar Peer Support Network (Social value)", problem.GetProperty("title").GetString());
        await using var check = factory.CreateDbContext();
        Assert.Equal(OpportunityStatus.Evaluation, await check.Opportunities.Where(o => o.Id == a.Id).Select(o => o.Status).SingleAsync(Cancel));
        Assert.False(await check.Awards.AnyAsync(x => x.OpportunityId == a.Id, Cancel));
        Assert.False(await check.AwardLetters.AnyAsync(x => x.OpportunityId == a.Id, Cancel));
    }

    [Fact]
    public async Task IntentionToAward_Complete_RanksPerLot_StartsTheStandstill_AndEachBidderReadsOnlyItsOwnLetter()
    {
        var (a, commissioner, evaluator) = await InEvaluationAsync();
        foreach (var bid in a.Bids.Values)
        {
            await OkAsync(await evaluator.PutAsJsonAsync($"/api/bids/{bid}/scores", Scores(a, 3), Cancel));
        }

        // Kitchen: quality 4 everywhere (reasoned), price 100,000 vs lowest 80,000 → 4. Stepney: quality 3, price 5.
        await OkAsync(await commissioner.PutAsJsonAsync($"/api/bids/{a.Bids[Kitchen]}/consensus", Scores(a, 4, "Clear evidence from the pilot."), Cancel));
        await OkAsync(await commissioner.PutAsJsonAsync($"/api/bids/{a.Bids[Stepney]}/consensus", Scores(a, 3), Cancel));
        await OkAsync(await commissioner.PutAsJsonAsync($"/api/bids/{a.Bids[Poplar]}/consensus", Scores(a, 2, "Little detail on access."), Cancel));
        await OkAsync(await commissioner.PutAsJsonAsync($"/api/opportunities/{a.Id}/evaluation-settings", new { outcomeLinkedPaymentPercent = 12.5m }, Cancel));

        var ranking = await OkAsync(await commissioner.GetAsync($"/api/opportunities/{a.Id}/ranking", Cancel));
        var rows = ranking.GetProperty("bids").EnumerateArray().ToList();
        // Five criteria of 20%: Kitchen 4 × 4/5 × 20 = 64 + price 4/5 × 20 = 16 → 80; Stepney 3/5 × 20 × 4 = 48 + 20 → 68; Poplar 2/5 × 20 × 4 = 32 + 20 → 52.
        Assert.True(ranking.GetProperty("complete").GetBoolean());
        Assert.Equal([(Kitchen, 1, 80m), (Stepney, 2, 68m), (Poplar, 1, 52m)],
            rows.Select(r => (r.GetProperty("bidder").GetString(), r.GetProperty("rank").GetInt32(), r.GetProperty("total").GetDecimal())).ToList());
        await ProblemAsync(await evaluator.GetAsync($"/api/opportunities/{a.Id}/ranking", Cancel), HttpStatusCode.Forbidden);

        var issued = await OkAsync(await commissioner.PostAsync($"/api/opportunities/{a.Id}/intention-to-award", null, Cancel));

        Assert.Equal("Standstill", issued.GetProperty("status").GetString());
        await using var db = factory.CreateDbContext();
        var o = await db.Opportunities.Include(x => x.Transitions).SingleAsync(x => x.Id == a.Id, Cancel);
        Assert.Equal(Timetable.StandstillEndsAt(Timetable.UkDate(o.StandstillStartedAt!.Value)), o.StandstillEndsAt);
        Assert.Contains(o.Transitions, t => t.To == OpportunityStatus.IntentionToAward);
        var awards = await db.Awards.Include(x => x.Suppliers).Where(x => x.OpportunityId == a.Id).ToListAsync(Cancel);
        Assert.Equal(2, awards.Count);
        Assert.All(awards, x => Assert.Equal(AwardStatus.Pending, x.Status));
        var lot1 = awards.Single(x => x.LotId == a.Opportunity.Lots.Single(l => l.Number == 1).Id);
        Assert.Equal(100_000m, lot1.Value);
        Assert.Equal(await factory.OrganisationAsync(Kitchen), Assert.Single(lot1.Suppliers).OrganisationId);

        // The demo provider admin is Bow Community Kitchen's: its letter, and no one else's.
        var kitchenAdmin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var letter = await OkAsync(await kitchenAdmin.GetAsync($"/api/bids/{a.Bids[Kitchen]}/letter", Cancel));
        Assert.True(letter.GetProperty("successful").GetBoolean());
        Assert.Equal(80m, letter.GetProperty("total").GetDecimal());
        Assert.Equal(o.StandstillEndsAt, letter.GetProperty("standstillEndsAt").GetDateTime());
        Assert.Contains(letter.GetProperty("lines").EnumerateArray(), l => l.GetProperty("reason").GetString() == "Clear evidence from the pilot.");
        var other = await ProblemAsync(await kitchenAdmin.GetAsync($"/api/bids/{a.Bids[Stepney]}/letter", Cancel), HttpStatusCode.Forbidden);
        Assert.Equal(BidErrors.NotAllowed, other.GetProperty("code").GetString());
        Assert.False(other.TryGetProperty("total", out _));

        var stepneyAdmin = await factory.SignedInAsAsync(Stepney, Commonweal.Accounts.MembershipRole.Admin);
        var stepneyLetter = await OkAsync(await stepneyAdmin.GetAsync($"/api/bids/{a.Bids[Stepney]}/letter", Cancel));
        Assert.False(stepneyLetter.GetProperty("successful").GetBoolean());
        Assert.Equal(68m, stepneyLetter.GetProperty("total").GetDecimal());
        Assert.Equal(80m, stepneyLetter.GetProperty("winnerTotal").GetDecimal());
        Assert.Equal(Kitchen, stepneyLetter.GetProperty("winner").GetString());
        Assert.Contains(stepneyLetter.GetProperty("lines").EnumerateArray(), l => l.GetProperty("winnerReason").GetString() == "Clear evidence from the pilot.");
        await ProblemAsync(await stepneyAdmin.GetAsync($"/api/bids/{a.Bids[Kitchen]}/letter", Cancel), HttpStatusCode.Forbidden);
        await ProblemAsync(await stepneyAdmin.GetAsync($"/api/bids/{a.Bids[Poplar]}/letter", Cancel), HttpStatusCode.Forbidden);
        await ProblemAsync(await stepneyAdmin.GetAsync($"/api/opportunities/{a.Id}/ranking", Cancel), HttpStatusCode.Forbidden);
        await ProblemAsync(await stepneyAdmin.PutAsJsonAsync($"/api/bids/{a.Bids[Kitchen]}/scores", Scores(a, 5), Cancel), HttpStatusCode.Forbidden);

        // Scores cannot change once the intention is issued.
        await ProblemAsync(await commissioner.PutAsJsonAsync($"/api/bids/{a.Bids[Stepney]}/consensus", Scores(a, 5, "Late change"), Cancel), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task StandstillEnd_ClockWithMovedTime_AwardsAndRecordsTheContracts()
    {
        var (a, commissioner, _) = await InEvaluationAsync();
        foreach (var bid in a.Bids.Values)
        {
            await OkAsync(await commissioner.PutAsJsonAsync($"/api/bids/{bid}/consensus", Scores(a, 3), Cancel));
        }

        await OkAsync(await commissioner.PutAsJsonAsync($"/api/opportunities/{a.Id}/evaluation-settings", new { outcomeLinkedPaymentPercent = 10m }, Cancel));
        await OkAsync(await commissioner.PostAsync($"/api/opportunities/{a.Id}/intention-to-award", null, Cancel));
        DateTime endsAt;
        await using (var db = factory.CreateDbContext())
        {
            endsAt = (await db.Opportunities.SingleAsync(o => o.Id == a.Id, Cancel)).StandstillEndsAt!.Value;
        }

        // A minute before the end, nothing moves.
        var before = new MovableTime(new DateTimeOffset(endsAt.AddMinutes(-1), TimeSpan.Zero));
        await using (var db = factory.Database.CreateContext(time: before))
        {
            await new ProcurementClock(db).AdvanceAsync(before.Now.UtcDateTime, Cancel);
            Assert.Equal(OpportunityStatus.Standstill, (await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == a.Id, Cancel)).Status);
            Assert.False(await db.Contracts.AnyAsync(c => c.Award!.OpportunityId == a.Id, Cancel));
        }

        var after = new MovableTime(new DateTimeOffset(endsAt.AddMinutes(1), TimeSpan.Zero));
        await using (var db = factory.Database.CreateContext(time: after))
        {
            var advanced = await new ProcurementClock(db).AdvanceAsync(after.Now.UtcDateTime, Cancel);
            Assert.True(advanced.Contracted >= 2);
        }

        await using var check = factory.CreateDbContext();
        Assert.Equal(OpportunityStatus.Awarded, (await check.Opportunities.SingleAsync(o => o.Id == a.Id, Cancel)).Status);
        var awards = await check.Awards.Include(x => x.Contracts).Where(x => x.OpportunityId == a.Id).ToListAsync(Cancel);
        Assert.Equal(2, awards.Count);
        Assert.All(awards, award =>
        {
            Assert.Equal(AwardStatus.Active, award.Status);
            var contract = Assert.Single(award.Contracts);
            Assert.Equal(award.Value, contract.Value);
            Assert.Equal(a.Opportunity.ContractStart, contract.Start);
            Assert.Equal(a.Opportunity.ContractEnd, contract.End);
            Assert.Equal(10m, contract.OutcomeLinkedPaymentPercent);
        });
        // Lot 1: Stepney's £80,000 wins on price with equal quality; lot 2: Poplar alone.
        Assert.Equal([80_000m, 300_000m], awards.Select(x => x.Value!.Value).Order().ToList());

        // Running the clock again does nothing more.
        await using (var db = factory.Database.CreateContext(time: after))
        {
            var again = await new ProcurementClock(db).AdvanceAsync(after.Now.UtcDateTime, Cancel);
            Assert.Equal(0, again.Contracted);
        }

        Assert.Equal(2, await check.Contracts.CountAsync(c => c.Award!.OpportunityId == a.Id, Cancel));
    }
}
