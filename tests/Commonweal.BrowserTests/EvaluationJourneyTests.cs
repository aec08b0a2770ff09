using Commonweal.Accounts;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class EvaluationJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// The seeded grant round, once its submission deadline has passed (moved, as time passing would):
    /// the seeded carers' contract is already in evaluation, so the journey starts on this one.
    /// </summary>
    private async Task<string> ClosedGrantRoundAsync()
    {
        await using var db = site.CreateDbContext();
        var past = DateTime.UtcNow.AddMinutes(-1);
        await db.Opportunities.Where(o => o.Id == DemoProcurement.GrantRoundId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.SubmissionDeadline, past).SetProperty(o => o.ClarificationDeadline, past.AddDays(-1)));
        return await db.Opportunities.Where(o => o.Id == DemoProcurement.GrantRoundId).Select(o => o.Reference).SingleAsync();
    }

    [Fact]
    public async Task Commissioner_StartsEvaluation_EvaluatorDeclaresAndScores_CommissionerModeratesAndIssues_BidderReadsItsLetter()
    {
        var reference = await ClosedGrantRoundAsync();
        var poplarAdmin = $"poplar-admin-{Guid.NewGuid():N}@commonweal.example";
        await using (var db = site.CreateDbContext())
        {
            var poplar = await db.Organisations.Where(o => o.Name == "Poplar Peer Support Network").Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
            await ProcurementTestData.CommissionerAsync(db, poplarAdmin, poplar, MembershipRole.Admin);
        }

        // The commissioner assigns the demo evaluator and starts evaluation.
        var commissioner = await site.SignedInPageAsync(DemoAccounts.Commissioner);
        await commissioner.GotoAsync($"/opportunities/{reference}");
        await commissioner.GetByRole(AriaRole.Link, new() { Name = "Evaluation: evaluators, scores, moderation and ranking" }).ClickAsync();
        await Assertions.Expect(commissioner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Evaluation of Community connections grants");
        await commissioner.AssertAccessibleAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Assign evaluator" }).ClickAsync();
        await Assertions.Expect(commissioner.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the evaluator's email address");
        await commissioner.AssertAccessibleAsync();
        await commissioner.GetByLabel("Assign an evaluator").FillAsync(DemoAccounts.Evaluator);
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Assign evaluator" }).ClickAsync();
        await Assertions.Expect(commissioner.Locator(".cw-evaluators")).ToContainTextAsync("Not yet declared");
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Start evaluation" }).ClickAsync();
        await Assertions.Expect(commissioner.Locator("[role=status]")).ToContainTextAsync("Evaluation has started.");
        await commissioner.AssertAccessibleAsync();

        // The evaluator declares no interest, then scores the bid against the descriptors.
        var evaluator = await site.SignedInPageAsync(DemoAccounts.Evaluator);
        await evaluator.GetByRole(AriaRole.Link, new() { Name = "Evaluation", Exact = true }).ClickAsync();
        await evaluator.GetByRole(AriaRole.Link, new() { Name = "Community connections grants" }).ClickAsync();
        await Assertions.Expect(evaluator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Declare your interests");
        await evaluator.AssertAccessibleAsync();
        await evaluator.GetByRole(AriaRole.Button, new() { Name = "Record my declaration" }).ClickAsync();
        await Assertions.Expect(evaluator.Locator(".nhsuk-error-summary")).ToContainTextAsync("Say whether you have an interest in Poplar Peer Support Network");
        await evaluator.AssertAccessibleAsync();
        await evaluator.GetByLabel("I have no interest in this bidder").CheckAsync();
        await evaluator.GetByRole(AriaRole.Button, new() { Name = "Record my declaration" }).ClickAsync();
        await Assertions.Expect(evaluator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bids to score");
        await evaluator.AssertAccessibleAsync();
        await evaluator.Locator(".cw-to-score a").ClickAsync();
        await Assertions.Expect(evaluator.Locator("main")).ToContainTextAsync("3: Satisfactory: meets the criterion with minor gaps.");
        await evaluator.AssertAccessibleAsync();
        await evaluator.Locator("#Scores_0__Score-6").CheckAsync();
        await evaluator.GetByRole(AriaRole.Button, new() { Name = "Save my scores" }).ClickAsync();
        await Assertions.Expect(evaluator.Locator(".nhsuk-error-summary")).ToContainTextAsync("scores of 0, 1 and 5 need one");
        await evaluator.AssertAccessibleAsync();
        for (var i = 0; i < 4; i++)
        {
            await evaluator.Locator($"#Scores_{i}__Score-4").CheckAsync();
        }

        await evaluator.GetByRole(AriaRole.Button, new() { Name = "Save my scores" }).ClickAsync();
        await Assertions.Expect(evaluator.Locator("[role=status]")).ToContainTextAsync("Your scores have been saved.");

        // The commissioner moderates, sees the ranking and issues the intention to award.
        await commissioner.ReloadAsync();
        await commissioner.Locator(".cw-progress a").ClickAsync();
        await Assertions.Expect(commissioner.Locator(".cw-individual").First).ToContainTextAsync("Grace Mensah");
        await commissioner.AssertAccessibleAsync();
        for (var i = 0; i < 4; i++)
        {
            await commissioner.Locator($"#Scores_{i}__Score-{(i == 0 ? 5 : 4)}").CheckAsync();
        }

        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Save consensus scores" }).ClickAsync();
        await Assertions.Expect(commissioner.Locator(".nhsuk-error-summary")).ToContainTextAsync("it differs from an evaluator's score of 3");
        await commissioner.AssertAccessibleAsync();
        await commissioner.Locator("#Scores_0__Reason").FillAsync("Peer facilitators with lived experience: stronger than first scored.");
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Save consensus scores" }).ClickAsync();
        // 4/5 × 20 + 3 × (3/5 × 20) + the only price, 5/5 × 20: 16 + 36 + 20 = 72.
        await Assertions.Expect(commissioner.Locator(".cw-ranking tbody tr")).ToContainTextAsync("72.00");
        await commissioner.AssertAccessibleAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Issue the intention to award" }).ClickAsync();
        await Assertions.Expect(commissioner.Locator("[role=status]")).ToContainTextAsync("The intention to award has been issued");
        await Assertions.Expect(commissioner.Locator(".cw-standstill")).ToContainTextAsync("The standstill ends at");
        await commissioner.AssertAccessibleAsync();

        // The bidder reads its letter.
        var bidder = await site.SignedInPageAsync(poplarAdmin);
        await bidder.GotoAsync($"/bids/{DemoBids.GrantSubmittedBidId}/letter");
        await Assertions.Expect(bidder.Locator(".cw-outcome")).ToContainTextAsync("We intend to award the contract to you");
        await Assertions.Expect(bidder.Locator(".cw-total")).ToHaveTextAsync("72.00");
        await Assertions.Expect(bidder.Locator(".cw-reasons")).ToContainTextAsync("Peer facilitators with lived experience");
        await bidder.AssertAccessibleAsync();
    }
}
