using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Commonweal.Accounts;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Procurement.Bids;

public sealed class BidsApiTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const string SecretAnswer = "Our navigators hold weekly drop-ins in the Idea Store (sealed-answer-7f3c)";

    private static object Answers(Opportunity o, string first = SecretAnswer) =>
        o.Criteria.OrderBy(c => c.Order).Select((c, i) => new { criterionId = c.Id, text = i == 0 ? first : $"Answer {i + 1}" }).ToList();

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    /// <summary>The demo provider admin (Bow Community Kitchen) submits a complete bid for lot 1.</summary>
    private async Task<(Opportunity Opportunity, HttpClient Provider, Guid BidId)> SubmittedBidAsync()
    {
        var o = await factory.PublishedAsync();
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var created = await OkAsync(await provider.PostAsJsonAsync($"/api/opportunities/{o.Id}/bids",
            new { lotId = o.Lots.Single(l => l.Number == 1).Id, answers = Answers(o), price = 575_000.50m }, Json, Cancel), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await OkAsync(await provider.PostAsync($"/api/bids/{id}/submit", null, Cancel));
        return (o, provider, id);
    }

    [Fact]
    public async Task Post_DraftThenSubmit_OwnerReadsAnswersPriceAndTheEvidenceRecorded()
    {
        var (o, provider, id) = await SubmittedBidAsync();

        var bid = await OkAsync(await provider.GetAsync($"/api/bids/{id}", Cancel));

        Assert.Equal("Submitted", bid.GetProperty("status").GetString());
        Assert.Equal(575_000.50m, bid.GetProperty("price").GetDecimal());
        Assert.Equal(SecretAnswer, bid.GetProperty("answers")[0].GetProperty("text").GetString());
        Assert.Equal(o.Criteria.Count, bid.GetProperty("answers").GetArrayLength());
        var member = Assert.Single(bid.GetProperty("consortium").EnumerateArray());
        Assert.Equal(100m, member.GetProperty("sharePercent").GetDecimal());
        // The opportunity asks for £5m public liability cover: Bow Community Kitchen's policy and its certificate are named, not copied.
        var evidence = Assert.Single(bid.GetProperty("evidence").EnumerateArray());
        Assert.Equal("PublicLiabilityInsurance", evidence.GetProperty("kind").GetString());
        Assert.Equal("Valid", evidence.GetProperty("stateAtDeadline").GetString());
        var document = Assert.Single(evidence.GetProperty("documents").EnumerateArray());
        await using var db = factory.CreateDbContext();
        var stored = await db.PassportDocuments.SingleAsync(d => d.Id == document.GetProperty("documentId").GetGuid(), Cancel);
        Assert.Equal(stored.Sha256, document.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task SealedContent_InTheDatabaseAndTheAuditLog_HoldsNoAnswerText()
    {
        var (_, _, id) = await SubmittedBidAsync();

        await using var db = factory.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"SealedContent\" FROM bids WHERE \"Id\" = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = db.Database.IsSqlite() ? id.ToString().ToUpperInvariant() : id;
        command.Parameters.Add(parameter);
        var raw = (string?)await command.ExecuteScalarAsync(Cancel);

        Assert.False(string.IsNullOrEmpty(raw));
        Assert.DoesNotContain("sealed-answer-7f3c", raw);
        Assert.DoesNotContain("575000", raw);
        var audit = await db.AuditEvents.Where(e => e.EntityType == nameof(Bid) && e.EntityId == id.ToString()).Select(e => e.Summary).ToListAsync(Cancel);
        Assert.NotEmpty(audit);
        Assert.All(audit, s => Assert.DoesNotContain("sealed-answer-7f3c", s));
        Assert.All(audit, s => Assert.DoesNotContain(raw!, s));
        Assert.Contains(audit, s => s.Contains("(redacted)"));
    }

    [Fact]
    public async Task Get_BeforeTheDeadline_NobodyButTheBidderReadsTheBid()
    {
        var (o, _, id) = await SubmittedBidAsync();
        var readers = new Dictionary<string, HttpClient>
        {
            ["commissioner"] = await factory.SignedInClientAsync(DemoAccounts.Commissioner),
            ["evaluator"] = await factory.SignedInClientAsync(DemoAccounts.Evaluator),
            ["platform admin"] = await factory.SignedInClientAsync(DemoAccounts.PlatformAdmin),
            ["practitioner"] = await factory.SignedInClientAsync(DemoAccounts.Practitioner),
            ["other provider's admin"] = await factory.SignedInAsAsync("Stepney Money Advice", MembershipRole.Admin),
        };

        foreach (var (who, client) in readers)
        {
            var problem = await ProblemAsync(await client.GetAsync($"/api/bids/{id}", Cancel), HttpStatusCode.Forbidden);
            Assert.True(problem.GetProperty("code").GetString() == BidErrors.Sealed, $"{who}: {problem}");
            Assert.DoesNotContain("sealed-answer-7f3c", problem.ToString());
        }

        var list = await ProblemAsync(await readers["commissioner"].GetAsync($"/api/opportunities/{o.Id}/bids", Cancel), HttpStatusCode.Forbidden);
        Assert.StartsWith("Bids are sealed until the submission deadline", list.GetProperty("title").GetString());
        Assert.Equal(1, list.GetProperty("submittedCount").GetInt32());
        Assert.DoesNotContain("Bow Community Kitchen", list.ToString());
        var otherList = await ProblemAsync(await readers["other provider's admin"].GetAsync($"/api/opportunities/{o.Id}/bids", Cancel), HttpStatusCode.Forbidden);
        Assert.False(otherList.TryGetProperty("submittedCount", out _));
    }

    [Fact]
    public async Task Get_AfterTheDeadline_CommissionersReadSubmittedBids_OthersStillCannot()
    {
        var (o, provider, id) = await SubmittedBidAsync();
        await factory.PassDeadlineAsync(o.Id);
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        var bid = await OkAsync(await commissioner.GetAsync($"/api/bids/{id}", Cancel));
        var list = await OkAsync(await commissioner.GetAsync($"/api/opportunities/{o.Id}/bids", Cancel));

        Assert.Equal(SecretAnswer, bid.GetProperty("answers")[0].GetProperty("text").GetString());
        var row = Assert.Single(list.GetProperty("bids").EnumerateArray());
        Assert.Equal("Bow Community Kitchen", row.GetProperty("bidder").GetString());
        Assert.Equal(575_000.50m, row.GetProperty("price").GetDecimal());
        Assert.Equal(1, row.GetProperty("lotNumber").GetInt32());
        foreach (var other in new[]
        {
            await factory.SignedInClientAsync(DemoAccounts.Evaluator), await factory.SignedInClientAsync(DemoAccounts.PlatformAdmin),
            await factory.SignedInAsAsync("Stepney Money Advice", MembershipRole.Admin),
            await factory.SignedInAsAsync("London Borough of Tower Hamlets", MembershipRole.Commissioner),
        })
        {
            var problem = await ProblemAsync(await other.GetAsync($"/api/bids/{id}", Cancel), HttpStatusCode.Forbidden);
            Assert.Equal(BidErrors.NotAllowed, problem.GetProperty("code").GetString());
            await ProblemAsync(await other.GetAsync($"/api/opportunities/{o.Id}/bids", Cancel), HttpStatusCode.Forbidden);
        }

        // The bidder still reads its own bid, but can no longer change it.
        await OkAsync(await provider.GetAsync($"/api/bids/{id}", Cancel));
        var late = await ProblemAsync(await provider.PostAsync($"/api/bids/{id}/withdraw", null, Cancel), HttpStatusCode.Conflict);
        Assert.Equal(BidErrors.DeadlinePassed, late.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_AfterTheDeadline_IsRefusedSayingWhenItWas()
    {
        var o = await factory.PublishedAsync();
        await factory.PassDeadlineAsync(o.Id);
        await using var db = factory.CreateDbContext();
        var deadline = await db.Opportunities.Where(x => x.Id == o.Id).Select(x => x.SubmissionDeadline).SingleAsync(Cancel);
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var problem = await ProblemAsync(await provider.PostAsJsonAsync($"/api/opportunities/{o.Id}/bids", new { lotId = o.Lots[0].Id }, Json, Cancel), HttpStatusCode.Conflict);

        var uk = Timetable.UkLocal(deadline);
        Assert.Equal($"The deadline for bids was {uk:HH:mm} on {uk.Day} {uk:MMMM yyyy}.", problem.GetProperty("title").GetString());
        Assert.Equal(BidErrors.DeadlinePassed, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Anonymous_GetsUnauthorisedFromEveryBidEndpoint()
    {
        var o = await factory.PublishedAsync();
        var client = factory.Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync($"/api/opportunities/{o.Id}/bids", new { }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/opportunities/{o.Id}/bids", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/bids/{DemoBids.ApmsConsortiumBidId}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PutAsJsonAsync($"/api/bids/{DemoBids.ApmsConsortiumBidId}", new { }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync($"/api/bids/{DemoBids.ApmsConsortiumBidId}/withdraw", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync($"/api/opportunities/{o.Id}/clarifications", new { question = "Hello?" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/organisations/{Guid.NewGuid()}/eligible-opportunities", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Put_ConsortiumSharesNotSummingTo100_AndABadShare_AreRefusedNamingTheFields()
    {
        var o = await factory.PublishedAsync();
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var bow = await factory.OrganisationAsync("Bow Community Kitchen");
        var limehouse = await factory.OrganisationAsync("Limehouse Wellbeing CIC");
        var mileEnd = await factory.OrganisationAsync("Mile End Carers Centre");
        var id = (await OkAsync(await provider.PostAsJsonAsync($"/api/opportunities/{o.Id}/bids", new { lotId = o.Lots[0].Id }, Json, Cancel), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var sum = await ProblemAsync(await provider.PutAsJsonAsync($"/api/bids/{id}", new
        {
            consortium = new[] { new { organisationId = bow, role = "Lead", sharePercent = 60m }, new { organisationId = limehouse, role = "Link workers", sharePercent = 30m } },
        }, Json, Cancel), HttpStatusCode.BadRequest);
        var share = await ProblemAsync(await provider.PutAsJsonAsync($"/api/bids/{id}", new
        {
            consortium = new[] { new { organisationId = bow, role = "Lead", sharePercent = 60m }, new { organisationId = limehouse, role = "Link workers", sharePercent = -40m }, new { organisationId = mileEnd, role = "", sharePercent = 80m } },
        }, Json, Cancel), HttpStatusCode.BadRequest);

        Assert.Equal("Shares of the work must add up to 100%; they add up to 90%", sum.GetProperty("errors").GetProperty("consortium")[0].GetString());
        Assert.Equal("Share of the work must be more than 0%", share.GetProperty("errors").GetProperty("consortium[1].sharePercent")[0].GetString());
        Assert.Equal("Enter the organisation's role in the bid", share.GetProperty("errors").GetProperty("consortium[2].role")[0].GetString());
    }

    [Fact]
    public async Task Put_NegativePriceOrNotANumber_IsRefusedNamingPrice()
    {
        var o = await factory.PublishedAsync();
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var id = (await OkAsync(await provider.PostAsJsonAsync($"/api/opportunities/{o.Id}/bids", new { lotId = o.Lots[0].Id }, Json, Cancel), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var negative = await ProblemAsync(await provider.PutAsJsonAsync($"/api/bids/{id}", new { price = -1m }, Json, Cancel), HttpStatusCode.BadRequest);
        var text = await ProblemAsync(await provider.PutAsync($"/api/bids/{id}",
            new StringContent("""{"price":"a lot"}""", System.Text.Encoding.UTF8, "application/json"), Cancel), HttpStatusCode.BadRequest);
        var answer = await ProblemAsync(await provider.PutAsJsonAsync($"/api/bids/{id}",
            new { answers = new[] { new { criterionId = o.Criteria[0].Id, text = "ok" }, new { criterionId = o.Criteria[1].Id, text = "ok" }, new { criterionId = Guid.NewGuid(), text = "ok" } } }, Json, Cancel), HttpStatusCode.BadRequest);

        Assert.Equal("Price must be £0 or more", negative.GetProperty("errors").GetProperty("price")[0].GetString());
        Assert.True(text.GetProperty("errors").TryGetProperty("$.price", out _), text.ToString());
        Assert.Equal("That is not one of this opportunity's award criteria", answer.GetProperty("errors").GetProperty("answers[2].criterionId")[0].GetString());
    }

    [Fact]
    public async Task Submit_Incomplete_NamesEachMissingAnswerAndThePrice()
    {
        var o = await factory.PublishedAsync();
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var id = (await OkAsync(await provider.PostAsJsonAsync($"/api/opportunities/{o.Id}/bids",
            new { lotId = o.Lots[0].Id, answers = new[] { new { criterionId = o.Criteria.OrderBy(c => c.Order).First().Id, text = "Only one" } } }, Json, Cancel), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var problem = await ProblemAsync(await provider.PostAsync($"/api/bids/{id}/submit", null, Cancel), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.False(errors.TryGetProperty("answers[0].text", out _));
        Assert.StartsWith("Answer the criterion", errors.GetProperty("answers[2].text")[0].GetString());
        Assert.Equal("Enter the price", errors.GetProperty("price")[0].GetString());
        Assert.Equal(BidErrors.Incomplete, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_SecondLiveBidForTheSameLot_IsRefused_UntilTheFirstIsWithdrawn()
    {
        var (o, provider, id) = await SubmittedBidAsync();
        var lot = o.Lots.Single(l => l.Number == 1).Id;

        var again = await ProblemAsync(await provider.PostAsJsonAsync($"/api/opportunities/{o.Id}/bids", new { lotId = lot }, Json, Cancel), HttpStatusCode.Conflict);
        Assert.Equal(BidErrors.LiveBidExists, again.GetProperty("code").GetString());
        var otherLot = await provider.PostAsJsonAsync($"/api/opportunities/{o.Id}/bids", new { lotId = o.Lots.Single(l => l.Number == 2).Id }, Json, Cancel);
        Assert.Equal(HttpStatusCode.Created, otherLot.StatusCode);

        var withdrawn = await OkAsync(await provider.PostAsync($"/api/bids/{id}/withdraw", null, Cancel));
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        await OkAsync(await provider.PostAsJsonAsync($"/api/opportunities/{o.Id}/bids", new { lotId = lot }, Json, Cancel), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Reopen_ThenEdit_ThenSubmitAgain_AndAnEditWhileSubmittedIsRefused()
    {
        var (o, provider, id) = await SubmittedBidAsync();

        var whileSubmitted = await ProblemAsync(await provider.PutAsJsonAsync($"/api/bids/{id}", new { price = 1m }, Json, Cancel), HttpStatusCode.Conflict);
        Assert.Equal(BidErrors.WrongStatus, whileSubmitted.GetProperty("code").GetString());
        Assert.Equal("Draft", (await OkAsync(await provider.PostAsync($"/api/bids/{id}/reopen", null, Cancel))).GetProperty("status").GetString());
        await OkAsync(await provider.PutAsJsonAsync($"/api/bids/{id}", new { answers = Answers(o, "Changed"), price = 500_000m }, Json, Cancel));
        var resubmitted = await OkAsync(await provider.PostAsync($"/api/bids/{id}/submit", null, Cancel));

        Assert.Equal("Submitted", resubmitted.GetProperty("status").GetString());
        Assert.Equal("Changed", resubmitted.GetProperty("answers")[0].GetProperty("text").GetString());
        Assert.Equal(500_000m, resubmitted.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task ConsortiumMember_ReadsTheBid_ButOnlyTheLeadsAdminsChangeIt()
    {
        var o = await factory.PublishedAsync();
        var lead = await factory.SignedInAsAsync("Roman Road Community Health Society", MembershipRole.Admin);
        var leadId = await factory.OrganisationAsync("Roman Road Community Health Society");
        var bow = await factory.OrganisationAsync("Bow Community Kitchen");
        var id = (await OkAsync(await lead.PostAsJsonAsync($"/api/opportunities/{o.Id}/bids", new
        {
            leadOrganisationId = leadId, lotId = o.Lots[0].Id, answers = Answers(o),
            consortium = new[] { new { organisationId = leadId, role = "Lead provider", sharePercent = 90m }, new { organisationId = bow, role = "Community meals", sharePercent = 10m } },
        }, Json, Cancel), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var member = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var read = await OkAsync(await member.GetAsync($"/api/bids/{id}", Cancel));
        var change = await ProblemAsync(await member.PutAsJsonAsync($"/api/bids/{id}", new { price = 1m }, Json, Cancel), HttpStatusCode.Forbidden);
        var submit = await ProblemAsync(await member.PostAsync($"/api/bids/{id}/submit", null, Cancel), HttpStatusCode.Forbidden);
        var ownBid = await ProblemAsync(await member.PostAsJsonAsync($"/api/opportunities/{o.Id}/bids", new { lotId = o.Lots[0].Id }, Json, Cancel), HttpStatusCode.Conflict);

        Assert.Equal(SecretAnswer, read.GetProperty("answers")[0].GetProperty("text").GetString());
        Assert.Equal(2, read.GetProperty("consortium").GetArrayLength());
        Assert.Equal(BidErrors.NotAllowed, change.GetProperty("code").GetString());
        Assert.Equal(BidErrors.NotAllowed, submit.GetProperty("code").GetString());
        // Bow Community Kitchen is already in a live bid for lot 1, as a consortium member.
        Assert.Equal(BidErrors.LiveBidExists, ownBid.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Mine_ListsTheDemoProvidersDraftAndConsortiumBids_WithoutContent()
    {
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var mine = (await OkAsync(await provider.GetAsync("/api/bids", Cancel))).EnumerateArray().ToList();

        Assert.Contains(mine, b => b.GetProperty("id").GetGuid() == DemoBids.GrantDraftBidId && b.GetProperty("status").GetString() == "Draft");
        var consortium = Assert.Single(mine, b => b.GetProperty("id").GetGuid() == DemoBids.ApmsConsortiumBidId);
        Assert.Equal("Submitted", consortium.GetProperty("status").GetString());
        Assert.Equal(3, consortium.GetProperty("members").GetArrayLength());
        Assert.False(consortium.TryGetProperty("price", out _));
    }

    [Fact]
    public async Task DemoClosedOpportunity_HasThreeSubmittedBidsForTheCommissioner()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        var list = await OkAsync(await commissioner.GetAsync($"/api/opportunities/{DemoProcurement.ClosedId}/bids", Cancel));

        Assert.Equal(3, list.GetProperty("count").GetInt32());
        Assert.All(list.GetProperty("bids").EnumerateArray(), b => Assert.True(b.GetProperty("price").GetDecimal() > 0));
    }
}
