using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Accounts;
using Commonweal.Procurement.Bids;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Procurement.Bids;

public sealed class ClarificationsApiTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    [Fact]
    public async Task Question_IsSeenUnansweredOnlyByCommissionersAndTheAskers_ThenByEveryone_NeverWithTheAsker()
    {
        var o = await factory.PublishedAsync();
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var bow = await factory.OrganisationAsync("Bow Community Kitchen");
        var asked = await JsonAsync(await provider.PostAsJsonAsync($"/api/opportunities/{o.Id}/clarifications", new { question = "Is TUPE likely to apply?" }, Cancel), HttpStatusCode.Created);
        var qid = asked.GetProperty("id").GetGuid();
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var rival = await factory.SignedInAsAsync("Stepney Money Advice", MembershipRole.Admin);
        var url = $"/api/opportunities/{o.Id}/clarifications";

        var forCommissioner = await JsonAsync(await commissioner.GetAsync(url, Cancel), HttpStatusCode.OK);
        var forAsker = await JsonAsync(await provider.GetAsync(url, Cancel), HttpStatusCode.OK);
        Assert.Equal(0, (await JsonAsync(await rival.GetAsync(url, Cancel), HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal(0, (await JsonAsync(await factory.Anonymous().GetAsync(url, Cancel), HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal("Is TUPE likely to apply?", forCommissioner[0].GetProperty("question").GetString());
        Assert.False(forCommissioner[0].GetProperty("askedByYourOrganisation").GetBoolean());
        Assert.True(forAsker[0].GetProperty("askedByYourOrganisation").GetBoolean());
        var commissionerText = forCommissioner.ToString();
        Assert.DoesNotContain(bow.ToString(), commissionerText);
        Assert.DoesNotContain("Bow Community Kitchen", commissionerText);

        var rivalAnswer = await rival.PostAsJsonAsync($"{url}/{qid}/answer", new { answer = "No" }, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, rivalAnswer.StatusCode);
        var blank = await JsonAsync(await commissioner.PostAsJsonAsync($"{url}/{qid}/answer", new { answer = " " }, Cancel), HttpStatusCode.BadRequest);
        Assert.Equal("Enter the answer", blank.GetProperty("errors").GetProperty("answer")[0].GetString());
        await JsonAsync(await commissioner.PostAsJsonAsync($"{url}/{qid}/answer", new { answer = "Yes: staff transfer details are in the pack." }, Cancel), HttpStatusCode.OK);

        var published = await JsonAsync(await factory.Anonymous().GetAsync(url, Cancel), HttpStatusCode.OK);
        Assert.Equal("Yes: staff transfer details are in the pack.", published[0].GetProperty("answer").GetString());
        Assert.DoesNotContain(bow.ToString(), published.ToString());
        Assert.Equal(1, (await JsonAsync(await rival.GetAsync(url, Cancel), HttpStatusCode.OK)).GetArrayLength());
        // The asker is kept, for the audit trail only.
        await using var db = factory.CreateDbContext();
        Assert.Equal(bow, await db.ClarificationQuestions.Where(q => q.Id == qid).Select(q => q.AskedByOrganisationId).SingleAsync(Cancel));
    }

    [Fact]
    public async Task Question_AfterTheClarificationDeadline_IsRefusedSayingWhenItWas()
    {
        var o = await factory.PublishedAsync();
        await factory.PassClarificationDeadlineAsync(o.Id);
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var problem = await JsonAsync(await provider.PostAsJsonAsync($"/api/opportunities/{o.Id}/clarifications", new { question = "Too late?" }, Cancel), HttpStatusCode.Conflict);

        Assert.StartsWith("The deadline for clarification questions was ", problem.GetProperty("title").GetString());
        Assert.Equal(BidErrors.ClarificationDeadlinePassed, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Question_FromTheCommissioner_OrBlank_IsRefused()
    {
        var o = await factory.PublishedAsync();
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        Assert.Equal(HttpStatusCode.BadRequest, (await commissioner.PostAsJsonAsync($"/api/opportunities/{o.Id}/clarifications", new { question = "Mine?" }, Cancel)).StatusCode);
        var blank = await JsonAsync(await provider.PostAsJsonAsync($"/api/opportunities/{o.Id}/clarifications", new { question = "" }, Cancel), HttpStatusCode.BadRequest);
        Assert.Equal("Enter your question", blank.GetProperty("errors").GetProperty("question")[0].GetString());
    }

    [Fact]
    public async Task EligibleOpportunities_ShowEachConditionWithItsReason_ForMembersOnly()
    {
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var bow = await factory.OrganisationAsync("Bow Community Kitchen");

        var all = (await JsonAsync(await provider.GetAsync($"/api/organisations/{bow}/eligible-opportunities", Cancel), HttpStatusCode.OK)).EnumerateArray().ToList();
        var eligible = (await JsonAsync(await provider.GetAsync($"/api/organisations/{bow}/eligible-opportunities?eligibleOnly=true", Cancel), HttpStatusCode.OK)).EnumerateArray().ToList();

        var grants = Assert.Single(all, x => x.GetProperty("id").GetGuid() == DemoProcurement.GrantRoundId);
        Assert.True(grants.GetProperty("eligible").GetBoolean());
        var apms = Assert.Single(all, x => x.GetProperty("id").GetGuid() == DemoProcurement.ApmsId);
        Assert.False(apms.GetProperty("eligible").GetBoolean());
        var conditions = apms.GetProperty("conditions").EnumerateArray().ToList();
        Assert.Contains(conditions, c => c.GetProperty("outcome").GetString() == "NotMet" && c.GetProperty("reason").GetString() == "No CQC registration in the passport");
        Assert.Contains(conditions, c => c.GetProperty("condition").GetString() == "Minimum annual turnover" && c.GetProperty("outcome").GetString() == "NotMet");
        Assert.Contains(conditions, c => c.GetProperty("condition").GetString() == "Safeguarding policy" && c.GetProperty("outcome").GetString() == "Met");
        Assert.DoesNotContain(eligible, x => x.GetProperty("id").GetGuid() == DemoProcurement.ApmsId);
        Assert.DoesNotContain(all, x => x.GetProperty("id").GetGuid() == DemoProcurement.ClosedId);

        var other = await factory.SignedInAsAsync("Stepney Money Advice", MembershipRole.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/organisations/{bow}/eligible-opportunities", Cancel)).StatusCode);
    }
}
