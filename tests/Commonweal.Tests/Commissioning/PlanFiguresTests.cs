using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Accounts;
using Commonweal.Commissioning;
using Commonweal.Insight;
using Commonweal.Organisations;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Commissioning;

/// <summary>
/// A plan arranged through the API and checked against figures computed by hand. Conditions:
/// Asthma 300 DALYs, budget £60,000; Diabetes 100 DALYs, £40,000; Back pain 50 DALYs, no budget;
/// Duchenne muscular dystrophy (rare, ORPHA:262) 50 DALYs, no budget. Total burden 500, condition
/// budget £100,000: burden shares 0.6, 0.2, 0.1, 0.1; spend shares 0.6, 0.4, 0, 0; spend to
/// burden 1.0, 2.0, 0, 0. Social needs: Food (budget £10,000) has two services in E3 whose
/// providers are funded this year by the commissioner and by a trust (an overlap; a third funder's
/// grant ended last year and donations are not a funder); Loneliness's only service is in M1
/// (a gap, no budget: unprovided); Housing has a £5,000 budget but no service (a gap only).
/// </summary>
public sealed class PlanFiguresTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Arranged(Guid Plan, Guid Commissioner, string CommissionerEmail, string OtherCommissionerEmail, string ProviderEmail, string FunderName, string TrustName, string ProviderA, string ProviderB);

    private async Task<Arranged> ArrangeAsync(bool publish)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var data = new DirectoryTestData(factory.CreateDbContext);
        var taxonomy = await data.TaxonomyAsync($"Needs {tag}");
        var food = await data.TermAsync(taxonomy, "Food");
        var foodBanks = await data.TermAsync(taxonomy, "Food banks", food);
        var loneliness = await data.TermAsync(taxonomy, "Loneliness");
        var housing = await data.TermAsync(taxonomy, "Housing");
        var a = await data.OrganisationAsync($"Pantry {tag}");
        var b = await data.OrganisationAsync($"Meals {tag}");
        var d = await data.OrganisationAsync($"Befrienders {tag}");
        await data.ServiceAsync(a, $"Pantry service {tag}", outcode: "E3", terms: [foodBanks]);
        await data.ServiceAsync(b, $"Meals service {tag}", outcode: "E3", terms: [food]);
        await data.ServiceAsync(d, $"Befriending {tag}", outcode: "M1", terms: [loneliness]);

        await using var db = factory.CreateDbContext();
        var commissioner = new Organisation { Name = $"ICB {tag}", LegalForm = LegalForm.IntegratedCareBoard };
        var other = new Organisation { Name = $"Council {tag}", LegalForm = LegalForm.LocalAuthority };
        var trust = new Organisation { Name = $"Trust {tag}", LegalForm = LegalForm.RegisteredCharity };
        var oldFunder = new Organisation { Name = $"Old funder {tag}", LegalForm = LegalForm.RegisteredCharity };
        db.Organisations.AddRange(commissioner, other, trust, oldFunder);
        var year = FinancialYears.Of(DateOnly.FromDateTime(DateTime.UtcNow));
        FundingRecord Grant(Organisation from, Guid to, DateOnly start, DateOnly end, FundingSource source = FundingSource.Grant)
        {
            var r = new FundingRecord { Source = source, FunderOrganisationId = from.Id, FunderName = from.Name, RecipientOrganisationId = to, Amount = 10_000, SourceKey = $"test-{Guid.NewGuid():N}", RecordedAt = DateTime.UtcNow };
            r.SetDates(start, start, end);
            return r;
        }

        db.FundingRecords.AddRange(
            Grant(commissioner, a.Id, FinancialYears.Start(year), FinancialYears.End(year)),
            Grant(trust, b.Id, FinancialYears.Start(year), FinancialYears.End(year)),
            Grant(commissioner, b.Id, FinancialYears.Start(year), FinancialYears.End(year), FundingSource.Award),
            Grant(oldFunder, a.Id, FinancialYears.Start(year - 2), FinancialYears.End(year - 1)));
        await db.SaveChangesAsync(Cancel);
        await new OtherIncomeRecording(db).RecordAsync(new OtherIncomeInput { Organisation = a.Id, Kind = IncomeKind.Donations, Year = year, Amount = 5_000 }, Cancel);
        var arranged = new Arranged(Guid.Empty, commissioner.Id, $"icb-{tag}@commonweal.example", $"council-{tag}@commonweal.example", $"provider-{tag}@commonweal.example",
            commissioner.Name, trust.Name, a.Name, b.Name);
        await ProcurementTestData.CommissionerAsync(db, arranged.CommissionerEmail, commissioner.Id);
        await ProcurementTestData.CommissionerAsync(db, arranged.OtherCommissionerEmail, other.Id);
        await ProcurementTestData.CommissionerAsync(db, arranged.ProviderEmail, a.Id, MembershipRole.Admin);

        var client = await factory.SignedInClientAsync(arranged.CommissionerEmail);
        var area = await PostAsync(client, "/api/commissioning/areas", new { commissioner = commissioner.Id, name = "Test borough", outcodes = new[] { "e1", "E3", "E14" } });
        async Task<Guid> Need(object need) => await PostAsync(client, $"/api/commissioning/areas/{area}/needs", need);
        var asthma = await Need(new { kind = "Condition", name = "Asthma", prevalence = 80, prevalenceUnit = "PerThousand", burden = 300, burdenUnit = "Dalys" });
        var diabetes = await Need(new { kind = "Condition", name = "Diabetes", prevalence = 60, prevalenceUnit = "PerThousand", burden = 100, burdenUnit = "Dalys" });
        await Need(new { kind = "Condition", name = "Back pain", prevalence = 2_000, prevalenceUnit = "Count", burden = 50, burdenUnit = "Dalys" });
        await Need(new { kind = "Condition", name = "Duchenne muscular dystrophy", prevalence = 12, prevalenceUnit = "Count", burden = 50, burdenUnit = "Dalys", rare = true, orphanetCode = "ORPHA:262" });
        var foodNeed = await Need(new { kind = "Social", name = "Food", term = food.Id, estimatedPeople = 6_500 });
        await Need(new { kind = "Social", name = "Loneliness", term = loneliness.Id, estimatedPeople = 9_000 });
        var housingNeed = await Need(new { kind = "Social", name = "Housing", term = housing.Id, estimatedPeople = 4_000 });
        var plan = await PostAsync(client, "/api/commissioning/plans", new { commissioner = commissioner.Id, area, year, title = $"Plan {tag}", publish });
        async Task Line(Guid need, decimal amount)
        {
            var response = await client.PostAsJsonAsync($"/api/commissioning/plans/{plan}/lines", new { need, amount }, Cancel);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        }

        await Line(asthma, 1_000); // replaced by the next line for the same need
        await Line(asthma, 60_000);
        await Line(diabetes, 40_000);
        await Line(foodNeed, 10_000);
        await Line(housingNeed, 5_000);
        return arranged with { Plan = plan };
    }

    internal static async Task<Guid> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> GetPlanAsync(HttpClient client, Guid plan, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync($"/api/commissioning/plans/{plan}", Cancel);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return expected == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>(Cancel) : default;
    }

    [Fact]
    public async Task Get_Plan_SpendAgainstBurden_MatchesTheHandComputedShares()
    {
        var a = await ArrangeAsync(publish: true);

        var body = await GetPlanAsync(factory.CreateClient(), a.Plan);

        var rows = body.GetProperty("spendVsBurden").EnumerateArray().ToDictionary(r => r.GetProperty("condition").GetString()!);
        Assert.Equal(["Asthma", "Diabetes", "Back pain", "Duchenne muscular dystrophy"], body.GetProperty("spendVsBurden").EnumerateArray().Select(r => r.GetProperty("condition").GetString()).ToArray());
        Assert.Equal(0.6, rows["Asthma"].GetProperty("burdenShare").GetDouble(), 9);
        Assert.Equal(0.6, rows["Asthma"].GetProperty("spendShare").GetDouble(), 9);
        Assert.Equal(1.0, rows["Asthma"].GetProperty("spendToBurden").GetDouble(), 9);
        Assert.Equal(60_000m, rows["Asthma"].GetProperty("budget").GetDecimal());
        Assert.Equal(0.2, rows["Diabetes"].GetProperty("burdenShare").GetDouble(), 9);
        Assert.Equal(0.4, rows["Diabetes"].GetProperty("spendShare").GetDouble(), 9);
        Assert.Equal(2.0, rows["Diabetes"].GetProperty("spendToBurden").GetDouble(), 9);
        Assert.Equal(0.1, rows["Duchenne muscular dystrophy"].GetProperty("burdenShare").GetDouble(), 9);
        Assert.Equal(0, rows["Duchenne muscular dystrophy"].GetProperty("spendShare").GetDouble());
    }

    [Fact]
    public async Task Get_Plan_ListsNoBudgetNoService_RareFirst_AndGapsAndOverlaps()
    {
        var a = await ArrangeAsync(publish: true);

        var body = await GetPlanAsync(factory.CreateClient(), a.Plan);

        Assert.Equal(["Duchenne muscular dystrophy", "Back pain", "Loneliness"],
            body.GetProperty("noBudgetNoService").EnumerateArray().Select(u => u.GetProperty("name").GetString()).ToArray());
        Assert.Equal("ORPHA:262", body.GetProperty("noBudgetNoService")[0].GetProperty("orphanetCode").GetString());
        Assert.Equal(["Duchenne muscular dystrophy", "Asthma", "Back pain", "Diabetes", "Housing", "Loneliness"],
            body.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("need").GetString()).ToArray());
        var overlap = Assert.Single(body.GetProperty("overlaps").EnumerateArray());
        Assert.Equal("Food", overlap.GetProperty("need").GetString());
        Assert.Equal(new[] { a.FunderName, a.TrustName }.Order(StringComparer.Ordinal), overlap.GetProperty("funders").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(new[] { a.ProviderB, a.ProviderA }.Order(StringComparer.Ordinal), overlap.GetProperty("providers").EnumerateArray().Select(f => f.GetString()));
        // The food need is met through the child term too: both services are listed.
        var foodRow = body.GetProperty("needs").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "Food");
        Assert.Equal(2, foodRow.GetProperty("services").GetArrayLength());
        Assert.Equal(["E1", "E14", "E3"], body.GetProperty("outcodes").EnumerateArray().Select(o => o.GetString()).ToArray());
    }

    [Fact]
    public async Task Get_DraftPlan_IsHiddenFromAnonymousOtherCommissionerAndProvider_UntilPublished()
    {
        var a = await ArrangeAsync(publish: false);
        var own = await factory.SignedInClientAsync(a.CommissionerEmail);
        var other = await factory.SignedInClientAsync(a.OtherCommissionerEmail);
        var provider = await factory.SignedInClientAsync(a.ProviderEmail);

        await GetPlanAsync(own, a.Plan);
        await GetPlanAsync(factory.CreateClient(), a.Plan, HttpStatusCode.NotFound);
        await GetPlanAsync(other, a.Plan, HttpStatusCode.NotFound);
        await GetPlanAsync(provider, a.Plan, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/commissioning/plans/{a.Plan}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/commissioning/plans/{a.Plan}/publish", new { }, Cancel)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await own.PostAsJsonAsync($"/api/commissioning/plans/{a.Plan}/publish", new { }, Cancel)).StatusCode);

        var body = await GetPlanAsync(factory.CreateClient(), a.Plan);
        Assert.True(body.GetProperty("published").GetBoolean());
        await GetPlanAsync(provider, a.Plan);
    }

    [Fact]
    public async Task Post_LinesAndNeeds_ByAnotherCommissionerOrProvider_AreRefused()
    {
        var a = await ArrangeAsync(publish: true);
        var other = await factory.SignedInClientAsync(a.OtherCommissionerEmail);
        var provider = await factory.SignedInClientAsync(a.ProviderEmail);
        var need = (await GetPlanAsync(other, a.Plan)).GetProperty("needs")[0].GetProperty("id").GetGuid();

        foreach (var client in new[] { other, provider })
        {
            var line = await client.PostAsJsonAsync($"/api/commissioning/plans/{a.Plan}/lines", new { need, amount = 1 }, Cancel);
            Assert.Equal(HttpStatusCode.Forbidden, line.StatusCode);
            var plan = await client.PostAsJsonAsync("/api/commissioning/plans", new { commissioner = a.Commissioner, area = Guid.NewGuid(), year = 2026, title = "Not mine" }, Cancel);
            Assert.Equal(HttpStatusCode.Forbidden, plan.StatusCode);
        }

        var anonymous = await factory.CreateClient().PostAsJsonAsync($"/api/commissioning/plans/{a.Plan}/lines", new { need, amount = 1 }, Cancel);
        Assert.False(anonymous.IsSuccessStatusCode);
        var body = await GetPlanAsync(factory.CreateClient(), a.Plan);
        Assert.Equal(60_000m, body.GetProperty("spendVsBurden")[0].GetProperty("budget").GetDecimal());
    }

    [Fact]
    public async Task BudgetPage_CommissionerSetsALine_BadAmountNamesTheField_OthersAreRefused()
    {
        var a = await ArrangeAsync(publish: true);
        var own = await factory.SignedInClientAsync(a.CommissionerEmail);
        var need = (await GetPlanAsync(own, a.Plan)).GetProperty("needs").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "Back pain").GetProperty("id").GetGuid();

        var bad = await Forms.ParseAsync(await own.SubmitAsync($"/commissioning/plans/{a.Plan}/budget", new Dictionary<string, string> { ["Input.Need"] = need.ToString(), ["Input.Amount"] = "-5" }));
        Assert.Contains("Amount must be £0 or more", bad.ErrorSummary());
        // The form comes back with the chosen need still chosen.
        Assert.Equal(need.ToString(), bad.QuerySelector("select[name='Input.Need'] option[selected]")?.GetAttribute("value"));

        var saved = await own.SubmitAsync($"/commissioning/plans/{a.Plan}/budget", new Dictionary<string, string> { ["Input.Need"] = need.ToString(), ["Input.Amount"] = "25000" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await GetPlanAsync(own, a.Plan);
        var backPain = body.GetProperty("spendVsBurden").EnumerateArray().Single(r => r.GetProperty("condition").GetString() == "Back pain");
        // £25,000 of £125,000: 0.2.
        Assert.Equal(0.2, backPain.GetProperty("spendShare").GetDouble(), 9);
        Assert.DoesNotContain(body.GetProperty("noBudgetNoService").EnumerateArray(), u => u.GetProperty("name").GetString() == "Back pain");

        var other = await factory.SignedInClientAsync(a.OtherCommissionerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/commissioning/plans/{a.Plan}/budget", Cancel)).StatusCode);
        var provider = await factory.SignedInClientAsync(a.ProviderEmail);
        var crafted = await provider.PostWithTokenAsync($"/commissioning/plans/{a.Plan}/budget", new Dictionary<string, string> { ["Input.Need"] = need.ToString(), ["Input.Amount"] = "1" });
        Assert.Equal(HttpStatusCode.Forbidden, crafted.StatusCode);
    }

    [Fact]
    public void Compute_WithNoBudgetAtAll_GivesZeroSpendSharesRatherThanDividingByZero()
    {
        var needs = new List<AreaNeed>
        {
            new() { Name = "A", Kind = NeedKind.Condition, Burden = 30, BurdenUnit = BurdenUnit.Percent },
            new() { Name = "B", Kind = NeedKind.Condition, Burden = 10, BurdenUnit = BurdenUnit.Percent },
        };

        var result = PlanFigures.Compute(needs, new Dictionary<Guid, decimal>(), new Dictionary<Guid, IReadOnlyList<ServiceInArea>>(), []);

        Assert.Equal([0.75, 0.25], result.SpendVsBurden.Select(r => r.BurdenShare!.Value).ToArray());
        Assert.All(result.SpendVsBurden, r => Assert.Equal(0, r.SpendShare));
        Assert.Equal(["A", "B"], result.Unprovided.Select(u => u.Name).ToArray());
    }
}
