using System.Net;
using System.Text.Json.Nodes;
using Commonweal.Accounts;
using Commonweal.Procurement;
using Commonweal.Procurement.Ocds;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Commonweal.Tests.Ocds;
using Commonweal.Tests.Procurement.Bids;
using Microsoft.EntityFrameworkCore;
using static Commonweal.Tests.Procurement.Evaluation.EvaluationTestData;

namespace Commonweal.Tests.Procurement.Evaluation;

public sealed class EvaluationPagesTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Dashboard(Arranged a) => $"/opportunities/{a.Opportunity.Reference}/evaluation";

    private static string Declare(Arranged a) => $"/opportunities/{a.Opportunity.Reference}/evaluation/declare";

    [Fact]
    public async Task ScorePage_EvaluatorWhoHasNotDeclared_IsRefusedEveryBid()
    {
        var a = await factory.ClosedWithBidsAsync((Kitchen, 1, 100_000m), (Stepney, 1, 90_000m));
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var (evaluator, email) = await factory.NewEvaluatorAsync();
        await AssignAsync(commissioner, a.Id, email);

        foreach (var bid in a.Bids.Values)
        {
            var response = await evaluator.GetAsync($"/evaluation/bids/{bid}/score", Cancel);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var page = await Forms.ParseAsync(response);
            Assert.Equal("Declare any conflicts of interest before you see the bids.", page.QuerySelector(".cw-refusal")!.TextContent.Trim());
            Assert.DoesNotContain("answer on", page.Body!.TextContent);
            Assert.Null(page.QuerySelector("form input[name^='Scores']"));
        }

        var list = await evaluator.GetDocumentAsync(Declare(a));
        Assert.Equal(2, list.QuerySelectorAll("fieldset legend").Length);
    }

    [Fact]
    public async Task Journey_StartDeclareScoreModerateIssue_ThenEachBidderReadsItsOwnLetter()
    {
        var a = await factory.ClosedWithBidsAsync((Kitchen, 1, 100_000m), (Stepney, 1, 80_000m));
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var (evaluator, email) = await factory.NewEvaluatorAsync();

        var assigned = await commissioner.SubmitAsync(Dashboard(a), new Dictionary<string, string> { ["Email"] = email }, "form[action*='handler=Assign']");
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var started = await Forms.ParseAsync(await commissioner.SubmitAsync(Dashboard(a), new Dictionary<string, string>(), "form[action*='handler=Start']"));
        Assert.Contains("Being evaluated", started.Body!.TextContent);
        Assert.Contains(started.QuerySelectorAll(".cw-evaluators td"), td => td.TextContent.Contains("Not yet declared"));

        // Declaring with an interest but no description is refused with the error summary.
        var kitchenId = await factory.OrganisationAsync(Kitchen);
        var stepneyId = await factory.OrganisationAsync(Stepney);
        var declarePage = await evaluator.GetDocumentAsync(Declare(a));
        var order = declarePage.QuerySelectorAll("input[type=hidden][name$='.OrganisationId']").Select(i => i.GetAttribute("value")).ToList();
        var kitchenIndex = order.IndexOf(kitchenId.ToString());
        var stepneyIndex = order.IndexOf(stepneyId.ToString());
        var refused = await Forms.ParseAsync(await evaluator.SubmitAsync(Declare(a), new Dictionary<string, string>
        {
            [$"Declarations[{kitchenIndex}].HasInterest"] = "True", [$"Declarations[{stepneyIndex}].HasInterest"] = "False",
        }));
        Assert.Contains("Describe your interest in Bow Community Kitchen", refused.ErrorSummary());
        Assert.NotNull(refused.QuerySelector($"#Declarations_{kitchenIndex}__Description"));

        await evaluator.SubmitAsync(Declare(a), new Dictionary<string, string>
        {
            [$"Declarations[{kitchenIndex}].HasInterest"] = "False", [$"Declarations[{stepneyIndex}].HasInterest"] = "False",
        });
        var toScore = await evaluator.GetDocumentAsync(Declare(a));
        Assert.Equal(2, toScore.QuerySelectorAll(".cw-to-score a").Length);

        // The score page shows the descriptors beside the scores; a 5 without a comment is refused.
        var scoreUrl = $"/evaluation/bids/{a.Bids[Stepney]}/score";
        var scorePage = await evaluator.GetDocumentAsync(scoreUrl);
        Assert.Contains("5: Excellent: meets the criterion fully", scorePage.QuerySelector("label[for='Scores_0__Score-6']")!.TextContent);
        Assert.Contains("Stepney Money Advice's answer", scorePage.Body!.TextContent);
        var noComment = await Forms.ParseAsync(await evaluator.SubmitAsync(scoreUrl, new Dictionary<string, string> { ["Scores[0].Score"] = "5" }));
        Assert.Contains("scores of 0, 1 and 5 need one", noComment.ErrorSummary());
        Assert.Equal("#Scores_0__Comment", noComment.QuerySelector(".nhsuk-error-summary a")!.GetAttribute("href"));
        var fields = a.Quality.Select((_, i) => i).ToDictionary(i => $"Scores[{i}].Score", _ => "3");
        await evaluator.SubmitAsync(scoreUrl, fields);
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(4, await db.EvaluatorScores.CountAsync(s => s.BidId == a.Bids[Stepney], Cancel));
        }

        // Moderation: a change without a reason is refused; with one, saved.
        var moderateUrl = $"/evaluation/bids/{a.Bids[Stepney]}/moderate";
        var moderatePage = await commissioner.GetDocumentAsync(moderateUrl);
        Assert.Contains("3", moderatePage.QuerySelector(".cw-individual td.nhsuk-table__cell--numeric")!.TextContent);
        var unreasoned = await Forms.ParseAsync(await commissioner.SubmitAsync(moderateUrl, new Dictionary<string, string>(fields) { ["Scores[1].Score"] = "4" }));
        Assert.Contains("it differs from an evaluator's score of 3", unreasoned.ErrorSummary());
        Assert.Equal("#Scores_1__Reason", unreasoned.QuerySelector(".nhsuk-error-summary a")!.GetAttribute("href"));
        await commissioner.SubmitAsync(moderateUrl, new Dictionary<string, string>(fields) { ["Scores[1].Score"] = "4", ["Scores[1].Reason"] = "Strong local partnerships." });
        await commissioner.SubmitAsync($"/evaluation/bids/{a.Bids[Kitchen]}/moderate", new Dictionary<string, string>(fields));

        var ranking = await commissioner.GetDocumentAsync(Dashboard(a));
        var rows = ranking.QuerySelectorAll(".cw-ranking tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        // Stepney: 3,3,3 of 20% → 12 each, 4 → 16, price 5 → 20: 72. Kitchen: 48 + price 4 → 16: 64.
        Assert.Equal(["1", "Stepney Money Advice", "72.00"], [rows[0][1], rows[0][2], rows[0][^1]]);
        Assert.Equal(["2", "Bow Community Kitchen", "64.00"], [rows[1][1], rows[1][2], rows[1][^1]]);

        var issued = await Forms.ParseAsync(await commissioner.SubmitAsync(Dashboard(a), new Dictionary<string, string>(), "form[action*='handler=Issue']"));
        Assert.Null(issued.ErrorSummary());
        Assert.Contains("Standstill", issued.Body!.TextContent);

        // Bow Community Kitchen (the demo provider admin's) reads its letter, and not Stepney's.
        var kitchenAdmin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var bidPage = await kitchenAdmin.GetDocumentAsync($"/bids/{a.Bids[Kitchen]}");
        Assert.Equal($"/bids/{a.Bids[Kitchen]}/letter", bidPage.QuerySelector(".cw-letter-link a")!.GetAttribute("href"));
        var letter = await kitchenAdmin.GetDocumentAsync($"/bids/{a.Bids[Kitchen]}/letter");
        Assert.Contains("We intend to award the contract to Stepney Money Advice", letter.QuerySelector(".cw-outcome")!.TextContent);
        Assert.Equal("64.00", letter.QuerySelector(".cw-total")!.TextContent.Trim());
        Assert.Equal("72.00", letter.QuerySelector(".cw-winner-total")!.TextContent.Trim());
        Assert.Contains("Strong local partnerships.", letter.QuerySelector(".cw-reasons")!.TextContent);
        Assert.Contains("The standstill period ends at", letter.QuerySelector(".cw-standstill")!.TextContent);
        var other = await kitchenAdmin.GetAsync($"/bids/{a.Bids[Stepney]}/letter", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.DoesNotContain("72.00", await other.Content.ReadAsStringAsync(Cancel));
        var stepney = await factory.SignedInAsAsync(Stepney, MembershipRole.Admin);
        var won = await stepney.GetDocumentAsync($"/bids/{a.Bids[Stepney]}/letter");
        Assert.Contains("We intend to award the contract to you", won.QuerySelector(".cw-outcome")!.TextContent);

        // The intention to award is published: an OCDS award release naming the winner, valid against the schema.
        var record = await (await factory.CreateClient().GetAsync($"/ocds/records/{OcdsOptions.DefaultOcidPrefix}{a.Opportunity.Reference}", Cancel)).Content.ReadAsStringAsync(Cancel);
        Assert.Empty(await OcdsSchemas.ErrorsAsync(OcdsSchemas.RecordPackage, record));
        var compiled = JsonNode.Parse(record)!["records"]![0]!["compiledRelease"]!;
        Assert.Equal("pending", (string?)compiled["awards"]![0]!["status"]);
        Assert.Equal("Stepney Money Advice", (string?)compiled["awards"]![0]!["suppliers"]![0]!["name"]);

        // Bidders cannot reach the evaluation pages either.
        Assert.Equal(HttpStatusCode.Forbidden, (await stepney.GetAsync(Dashboard(a), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stepney.GetAsync($"/evaluation/bids/{a.Bids[Kitchen]}/moderate", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Dashboard_IntentionWithMissingConsensus_ShowsTheErrorSummary()
    {
        var a = await factory.ClosedWithBidsAsync((Kitchen, 1, 100_000m));
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        await OkAsync(await commissioner.PostAsync($"/api/opportunities/{a.Id}/start-evaluation", null, Cancel));

        var page = await Forms.ParseAsync(await commissioner.SubmitAsync(Dashboard(a), new Dictionary<string, string>(), "form[action*='handler=Issue']"));

        Assert.Contains("Every bid needs a consensus score on every criterion", page.ErrorSummary());
        await using var db = factory.CreateDbContext();
        Assert.Equal(OpportunityStatus.Evaluation, await db.Opportunities.Where(o => o.Id == a.Id).Select(o => o.Status).SingleAsync(Cancel));
    }
}
