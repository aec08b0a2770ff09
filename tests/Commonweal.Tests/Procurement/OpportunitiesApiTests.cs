using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Commonweal.Accounts;
using Commonweal.Procurement;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Procurement;

public sealed class OpportunitiesApiTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<Guid> OrganisationAsync(string name)
    {
        await using var db = factory.CreateDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync(Cancel);
    }

    private Task<Guid> IcbAsync() => OrganisationAsync("NHS North East London Integrated Care Board");

    private async Task<JsonElement> CreateAsync(HttpClient client, OpportunityDraft draft)
    {
        var response = await client.PostAsJsonAsync("/api/opportunities", draft, Json, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    /// <summary>A commissioner of another organisation (the council), made for the test.</summary>
    private async Task<HttpClient> CouncilCommissionerAsync()
    {
        var email = $"council-{Guid.NewGuid():N}@commonweal.example";
        await using (var db = factory.CreateDbContext())
        {
            await ProcurementTestData.CommissionerAsync(db, email, await OrganisationAsync("London Borough of Tower Hamlets"));
        }

        return await factory.SignedInClientAsync(email);
    }

    [Fact]
    public async Task Post_ValidDraft_IsCreatedWithAReferenceAndTheDefaultCriteria()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        var created = await CreateAsync(commissioner, ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7)));

        Assert.Matches(@"^CW-\d{4}-\d{5}$", created.GetProperty("reference").GetString());
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        var criteria = created.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(["Quality and innovation", "Value", "Integration, collaboration and service sustainability", "Improving access, reducing health inequalities and facilitating choice", "Social value"],
            criteria.Select(c => c.GetProperty("name").GetString()));
        Assert.All(criteria, c => Assert.Equal(6, c.GetProperty("descriptors").GetArrayLength()));
        Assert.Equal(2, created.GetProperty("lots").GetArrayLength());
    }

    [Fact]
    public async Task Post_References_AreSequentialAndUnique()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var icb = await IcbAsync();

        var first = (await CreateAsync(commissioner, ProcurementTestData.FairDraft(icb, Today.AddDays(7), "First"))).GetProperty("reference").GetString()!;
        var second = (await CreateAsync(commissioner, ProcurementTestData.FairDraft(icb, Today.AddDays(7), "Second"))).GetProperty("reference").GetString()!;

        Assert.Equal(int.Parse(first[^5..]) + 1, int.Parse(second[^5..]));
    }

    [Fact]
    public async Task Post_WeightsNotSummingTo100_IsRefusedNamingTheField()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var draft = ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7));
        draft.Criteria = OpportunityDraft.DefaultCriteria();
        draft.Criteria[2].Weight = 15m;

        var problem = await ProblemAsync(await commissioner.PostAsJsonAsync("/api/opportunities", draft, Json, Cancel), HttpStatusCode.BadRequest);

        var messages = problem.GetProperty("errors").GetProperty("criteria");
        Assert.Equal("Criteria weights must add up to 100%; they add up to 95%", messages[0].GetString());
    }

    [Fact]
    public async Task Post_NegativeWeightAndLotValue_NameTheJsonPath()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var draft = ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7));
        draft.Criteria = OpportunityDraft.DefaultCriteria();
        draft.Criteria[2].Weight = -5m;
        draft.Criteria[1].Weight = 45m;
        draft.Lots[1].Value = -1;
        draft.TotalValue = -10;

        var errors = (await ProblemAsync(await commissioner.PostAsJsonAsync("/api/opportunities", draft, Json, Cancel), HttpStatusCode.BadRequest)).GetProperty("errors");

        Assert.Equal("Weight must be 0% or more", errors.GetProperty("criteria[2].weight")[0].GetString());
        Assert.Equal("Lot value must be £0 or more", errors.GetProperty("lots[1].value")[0].GetString());
        Assert.Equal("Total value must be £0 or more", errors.GetProperty("totalValue")[0].GetString());
    }

    [Fact]
    public async Task Post_DatesInTheWrongOrder_AreRefusedNamingTheField()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var draft = ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7));
        draft.ContractEnd = draft.ContractStart!.Value.AddDays(-1);
        draft.SubmissionDeadline = draft.ClarificationDeadline!.Value.AddDays(-1);

        var errors = (await ProblemAsync(await commissioner.PostAsJsonAsync("/api/opportunities", draft, Json, Cancel), HttpStatusCode.BadRequest)).GetProperty("errors");

        Assert.Equal("Contract end date must be after the start date", errors.GetProperty("contractEnd")[0].GetString());
        Assert.Equal("Submission deadline must be after the clarification deadline", errors.GetProperty("submissionDeadline")[0].GetString());
    }

    [Fact]
    public async Task Post_SharesNotSummingTo100_IsRefused()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var draft = ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7));
        draft.Commissioners = [new() { OrganisationId = await IcbAsync(), Share = 60m }, new() { OrganisationId = await OrganisationAsync("London Borough of Tower Hamlets"), Share = 30m }];

        var errors = (await ProblemAsync(await commissioner.PostAsJsonAsync("/api/opportunities", draft, Json, Cancel), HttpStatusCode.BadRequest)).GetProperty("errors");

        Assert.Equal("Commissioners' shares of the budget must add up to 100%; they add up to 90%", errors.GetProperty("commissioners")[0].GetString());
    }

    [Fact]
    public async Task Post_UnreadableValue_NamesTheJsonPath()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        var response = await commissioner.PostAsync("/api/opportunities",
            new StringContent("""{"title":"x","totalValue":"lots"}""", System.Text.Encoding.UTF8, "application/json"), Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.totalValue", out _));
    }

    [Fact]
    public async Task Post_Anonymous_IsUnauthorised()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/opportunities", ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7)), Json, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_ByAProvider_IsForbidden()
    {
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var response = await provider.PostAsJsonAsync("/api/opportunities", ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7)), Json, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_ForAnOrganisationTheCommissionerDoesNotCommissionFor_IsForbidden()
    {
        var council = await CouncilCommissionerAsync();

        var response = await council.PostAsJsonAsync("/api/opportunities", ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7)), Json, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Draft_IsHiddenFromTheAnonymousProvidersAndOtherCommissioners()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var created = await CreateAsync(commissioner, ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7), "Hidden draft"));
        var id = created.GetProperty("id").GetGuid();
        var reference = created.GetProperty("reference").GetString();
        var council = await CouncilCommissionerAsync();
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var edited = ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7), "Taken over");

        foreach (var client in new[] { factory.CreateClient(), council, provider })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/opportunities/{id}", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/opportunities/{id}/fairness", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/opportunities/{reference}", Cancel)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await council.PutAsJsonAsync($"/api/opportunities/{id}", edited, Json, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await council.PostAsJsonAsync($"/api/opportunities/{id}/publish", new { }, Json, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PutAsJsonAsync($"/api/opportunities/{id}", edited, Json, Cancel)).StatusCode);
        var editPage = await council.GetAsync($"/opportunities/{reference}/edit", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, editPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await commissioner.GetAsync($"/api/opportunities/{id}", Cancel)).StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal("Hidden draft", (await db.Opportunities.SingleAsync(o => o.Id == id, Cancel)).Title);
    }

    [Fact]
    public async Task Draft_IsVisibleToOtherMembersOfTheCommissioningOrganisation_ButNotEditable()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var created = await CreateAsync(commissioner, ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7)));
        var id = created.GetProperty("id").GetGuid();
        var email = $"icb-evaluator-{Guid.NewGuid():N}@commonweal.example";
        await using (var db = factory.CreateDbContext())
        {
            await ProcurementTestData.CommissionerAsync(db, email, await IcbAsync(), MembershipRole.Evaluator);
        }

        var evaluator = await factory.SignedInClientAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/api/opportunities/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.PostAsJsonAsync($"/api/opportunities/{id}/publish", new { }, Json, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Put_EditsADraft_AndIsRefusedOncePublished()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var icb = await IcbAsync();
        var id = (await CreateAsync(commissioner, ProcurementTestData.FairDraft(icb, Today.AddDays(7)))).GetProperty("id").GetGuid();
        var edited = ProcurementTestData.FairDraft(icb, Today.AddDays(7), "Renamed");
        edited.Lots = [new() { Number = 1, Title = "Everywhere", Value = 1_200_000 }];

        var put = await commissioner.PutAsJsonAsync($"/api/opportunities/{id}", edited, Json, Cancel);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var body = await put.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Renamed", body.GetProperty("title").GetString());
        Assert.Equal(1, body.GetProperty("lots").GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, (await commissioner.PostAsJsonAsync($"/api/opportunities/{id}/publish", new { }, Json, Cancel)).StatusCode);
        var problem = await ProblemAsync(await commissioner.PutAsJsonAsync($"/api/opportunities/{id}", edited, Json, Cancel), HttpStatusCode.Conflict);
        Assert.Equal(ProcurementErrors.NotDraft, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_PublishWithFairnessErrors_IsRefused()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var draft = ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7));
        draft.MinimumAnnualTurnover = 900_000;
        var id = (await CreateAsync(commissioner, draft)).GetProperty("id").GetGuid();

        var fairness = await commissioner.GetFromJsonAsync<JsonElement>($"/api/opportunities/{id}/fairness", Cancel);
        var problem = await ProblemAsync(await commissioner.PostAsJsonAsync($"/api/opportunities/{id}/publish", new { }, Json, Cancel), HttpStatusCode.UnprocessableEntity);

        Assert.True(fairness.GetProperty("hasErrors").GetBoolean());
        var finding = Assert.Single(fairness.GetProperty("findings").EnumerateArray());
        Assert.Equal(FairnessCheck.Codes.TurnoverOutOfProportion, finding.GetProperty("code").GetString());
        Assert.Equal("Error", finding.GetProperty("severity").GetString());
        Assert.Equal(ProcurementErrors.FairnessErrors, problem.GetProperty("code").GetString());
        Assert.Equal(FairnessCheck.Codes.TurnoverOutOfProportion, problem.GetProperty("findings")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/opportunities/{id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Post_PublishWithFairnessErrorsAndAReason_IsPublishedWithTheReasonShownPublicly()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var draft = ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7), "Specialist sickle cell service");
        draft.MinimumAnnualTurnover = 900_000;
        var id = (await CreateAsync(commissioner, draft)).GetProperty("id").GetGuid();
        const string reason = "The service holds controlled drugs; the turnover level is the insurer's condition.";

        var response = await commissioner.PostAsJsonAsync($"/api/opportunities/{id}/publish", new { overrideReason = reason }, Json, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var published = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/opportunities/{id}", Cancel);
        Assert.Equal("Published", published.GetProperty("status").GetString());
        Assert.Equal(reason, published.GetProperty("fairnessOverrideReason").GetString());
        Assert.False(published.GetProperty("suitableForSmallOrganisations").GetBoolean());
        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/opportunities/{published.GetProperty("reference").GetString()}");
        var callout = page.QuerySelector(".cw-fairness-override")!.TextContent;
        Assert.Contains(reason, callout);
        Assert.Contains("The minimum turnover of £900,000 is more than twice the annual contract value of £300,000.", callout);
        await using var db = factory.CreateDbContext();
        var transition = await db.OpportunityTransitions.SingleAsync(t => t.OpportunityId == id, Cancel);
        Assert.Equal(OpportunityStatus.Draft, transition.From);
        Assert.Equal(OpportunityStatus.Published, transition.To);
        Assert.Equal(reason, transition.Reason);
    }

    [Fact]
    public async Task Post_Cancel_WithoutAReason_IsRefusedNamingTheField()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var id = (await CreateAsync(commissioner, ProcurementTestData.FairDraft(await IcbAsync(), Today.AddDays(7)))).GetProperty("id").GetGuid();

        var refused = await ProblemAsync(await commissioner.PostAsJsonAsync($"/api/opportunities/{id}/cancel", new { reason = "" }, Json, Cancel), HttpStatusCode.BadRequest);
        var cancelled = await commissioner.PostAsJsonAsync($"/api/opportunities/{id}/cancel", new { reason = "Funding withdrawn" }, Json, Cancel);
        var again = await ProblemAsync(await commissioner.PostAsJsonAsync($"/api/opportunities/{id}/cancel", new { reason = "Again" }, Json, Cancel), HttpStatusCode.Conflict);

        Assert.True(refused.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(ProcurementErrors.TransitionNotAllowed, again.GetProperty("code").GetString());
    }
}
