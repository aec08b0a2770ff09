using System.Net;
using Commonweal.Accounts;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Procurement.Bids;

public sealed class BidPagesTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Location(HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath;

    [Fact]
    public async Task Journey_StartAnswerPriceCheckAndSubmit_MakesASubmittedBid()
    {
        var o = await factory.PublishedAsync();
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var started = await provider.SubmitAsync($"/opportunities/{o.Reference}/bid", new Dictionary<string, string> { ["LotId"] = o.Lots.Single(l => l.Number == 2).Id.ToString() });
        var bidUrl = Location(started);
        Assert.Matches("^/bids/[0-9a-f-]{36}$", bidUrl);
        var answersPage = await provider.GetDocumentAsync($"{bidUrl}/answers");
        Assert.Equal(o.Criteria.Count, answersPage.QuerySelectorAll("textarea").Length);
        Assert.Equal(o.Criteria.Count, answersPage.QuerySelectorAll(".cw-descriptors").Length);
        var values = o.Criteria.Select((c, i) => (Key: $"Answers[{i}]", Value: $"Answer to {c.Name}")).ToDictionary(x => x.Key, x => x.Value);

        values["Price"] = "not a number";
        var bad = await Forms.ParseAsync(await provider.SubmitAsync($"{bidUrl}/answers", values));
        Assert.Contains("Enter the price as a number, like 125000", bad.ErrorSummary());
        values["Price"] = "-5";
        Assert.Contains("Price must be £0 or more", (await Forms.ParseAsync(await provider.SubmitAsync($"{bidUrl}/answers", values))).ErrorSummary());
        values["Price"] = "£580,000";
        Assert.Equal(bidUrl, Location(await provider.SubmitAsync($"{bidUrl}/answers", values)));
        var check = await provider.GetDocumentAsync($"{bidUrl}/check");
        Assert.Contains("£580,000", check.QuerySelector(".nhsuk-summary-list")!.TextContent);
        Assert.Contains("Public liability insurance", check.QuerySelector(".cw-evidence")!.TextContent);
        var submitted = await Forms.ParseAsync(await provider.SubmitAsync($"{bidUrl}/check", new Dictionary<string, string>()));

        Assert.Contains("Your bid has been submitted", submitted.QuerySelector("[role=status]")!.TextContent);
        var mine = await provider.GetDocumentAsync("/bids");
        Assert.Contains(mine.QuerySelectorAll(".cw-bids tr[data-status]"), r => r.GetAttribute("data-status") == "Submitted" && r.TextContent.Contains(o.Title));
    }

    [Fact]
    public async Task Consortium_SharesNotAddingUpTo100_IsShownInTheErrorSummary()
    {
        var o = await factory.PublishedAsync();
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var bidUrl = Location(await provider.SubmitAsync($"/opportunities/{o.Reference}/bid", new Dictionary<string, string> { ["LotId"] = o.Lots[0].Id.ToString() }));

        var page = await Forms.ParseAsync(await provider.SubmitAsync($"{bidUrl}/consortium", new Dictionary<string, string>
        {
            ["LeadRole"] = "Lead", ["LeadShare"] = "50",
            ["Members[0].Organisation"] = "GB-COH-11234567", ["Members[0].Role"] = "Link workers", ["Members[0].Share"] = "30",
        }));

        Assert.Contains("Shares of the work must add up to 100%; they add up to 80%", page.ErrorSummary());
        var saved = await provider.SubmitAsync($"{bidUrl}/consortium", new Dictionary<string, string>
        {
            ["LeadRole"] = "Lead", ["LeadShare"] = "70",
            ["Members[0].Organisation"] = "GB-COH-11234567", ["Members[0].Role"] = "Link workers", ["Members[0].Share"] = "30",
        });
        Assert.Contains("Limehouse Wellbeing CIC", (await Forms.ParseAsync(saved)).QuerySelector(".cw-consortium")!.TextContent);
    }

    [Fact]
    public async Task BidPage_OtherProviderAndCommissionerBeforeTheDeadline_AreRefusedWithoutTheContent()
    {
        var url = $"/bids/{DemoBids.ApmsConsortiumBidId}";
        var member = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        Assert.Contains("Community-owned", (await member.GetDocumentAsync(url)).Body!.TextContent, StringComparison.OrdinalIgnoreCase);

        foreach (var client in new[]
        {
            await factory.SignedInClientAsync(DemoAccounts.Commissioner), await factory.SignedInClientAsync(DemoAccounts.PlatformAdmin),
            await factory.SignedInAsAsync("Stepney Money Advice", MembershipRole.Admin),
        })
        {
            var response = await client.GetAsync(url, Cancel);
            var html = await response.Content.ReadAsStringAsync(Cancel);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Bids are sealed until the submission deadline", html);
            Assert.DoesNotContain("community-owned practice", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("6,150,000", html);
        }

        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var list = await commissioner.GetAsync($"/opportunities/{(await ReferenceAsync(DemoProcurement.ApmsId))}/bids", Cancel);
        var listHtml = await list.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Contains("Bids submitted so far: 1", listHtml);
        Assert.DoesNotContain("Roman Road", listHtml);
    }

    [Fact]
    public async Task CommissionerBidsPage_AfterTheDeadline_ListsBidderLotPriceAndTime()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        var page = await commissioner.GetDocumentAsync($"/opportunities/{await ReferenceAsync(DemoProcurement.ClosedId)}/bids");

        var rows = page.QuerySelectorAll(".cw-bids tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Contains(rows, r => r.TextContent.Contains("CarePlus Home Services Ltd") && r.TextContent.Contains("£812,500"));
        var first = page.QuerySelector(".cw-bids tbody a")!.GetAttribute("href")!;
        Assert.Contains("planned breaks", (await commissioner.GetDocumentAsync(first)).Body!.TextContent);
        var rival = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await rival.GetAsync(first, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignInFromBidPages()
    {
        var client = factory.Anonymous();

        foreach (var url in new[] { "/bids", $"/bids/{DemoBids.ApmsConsortiumBidId}", $"/bids/{DemoBids.GrantDraftBidId}/answers", "/opportunities/for-us" })
        {
            var response = await client.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task QuestionsPage_AfterTheClarificationDeadline_ShowsTheErrorAndThePublishedAnswers()
    {
        var o = await factory.PublishedAsync();
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var url = $"/opportunities/{o.Reference}/questions";
        var form = await provider.GetDocumentAsync(url);
        Assert.NotNull(form.QuerySelector("textarea[name=Question]"));
        await factory.PassClarificationDeadlineAsync(o.Id);

        var response = await provider.PostWithTokenAsync($"{url}?handler=Ask", new Dictionary<string, string> { ["Question"] = "Still time?" });
        var page = await Forms.ParseAsync(response);

        Assert.StartsWith("There is a problem", page.ErrorSummary());
        Assert.Contains("The deadline for clarification questions was", page.ErrorSummary());
        var grants = await factory.Anonymous().GetAsync($"/opportunities/{await ReferenceAsync(DemoProcurement.GrantRoundId)}", Cancel);
        var notice = await Forms.ParseAsync(grants);
        Assert.Contains("registered partner holds the grant", notice.QuerySelector(".cw-answered-questions")!.TextContent);
        Assert.DoesNotContain("travel expenses", notice.Body!.TextContent);
    }

    [Fact]
    public async Task ForUsPage_ShowsEachConditionMetOrNot()
    {
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var page = await provider.GetDocumentAsync("/opportunities/for-us");

        var apms = page.QuerySelector($".cw-eligibility[data-reference='{await ReferenceAsync(DemoProcurement.ApmsId)}']")!;
        Assert.Equal("False", apms.GetAttribute("data-eligible"));
        Assert.Contains("No CQC registration in the passport", apms.TextContent);
        Assert.Equal("True", page.QuerySelector($".cw-eligibility[data-reference='{await ReferenceAsync(DemoProcurement.GrantRoundId)}']")!.GetAttribute("data-eligible"));
    }

    private async Task<string> ReferenceAsync(Guid id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Opportunities.Where(o => o.Id == id).Select(o => o.Reference).SingleAsync(Cancel);
    }
}
