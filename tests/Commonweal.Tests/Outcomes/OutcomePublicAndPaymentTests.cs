using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Commonweal.Tests.Outcomes.OutcomeTestData;
using static Commonweal.Tests.Referrals.CarePlans.CarePlanApiTests;

namespace Commonweal.Tests.Outcomes;

public sealed class OutcomePublicAndPaymentTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublicServicePage_WithholdsFiguresAboutFewerThanTenPeople_AndShowsThemFromTen()
    {
        await using var db = factory.CreateDbContext();
        var need = await NeedAsync(db);
        var small = await ServiceAsync(db, "Poplar Peer Support Network", need);
        var large = await ServiceAsync(db, "Poplar Peer Support Network", need);
        var recent = DateTime.UtcNow.AddDays(-200);
        for (var i = 0; i < 9; i++)
        {
            await ReferralAsync(db, small, recent, Baseline(4, 6), FollowUp(3, 7, 3));
        }

        for (var i = 0; i < 10; i++)
        {
            await ReferralAsync(db, large, recent, Baseline(4, 6), FollowUp(3, i < 5 ? 7 : 4, 3));
        }

        var anonymous = factory.CreateBrowserClient();
        var smallPage = (await anonymous.GetDocumentAsync($"/services/{small}")).QuerySelector(".cw-public-outcomes")!.TextContent;
        Assert.Contains("Fewer than 10", smallPage);
        Assert.DoesNotContain("+3.00", smallPage);
        Assert.DoesNotContain("100.0%", smallPage);
        Assert.DoesNotContain("See the full outcome figures", smallPage);

        var largePage = (await anonymous.GetDocumentAsync($"/services/{large}")).QuerySelector(".cw-public-outcomes")!.TextContent;
        Assert.DoesNotContain("Fewer than 10", largePage);
        Assert.Contains("+1.50", largePage);
        Assert.Contains("50.0%", largePage);
    }

    [Fact]
    public async Task CommissionerView_ShowsServicesSideBySide_WithCostPerOutcomeFromTheContractValue()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var need = NeedsTaxonomy("mental-wellbeing");
        var page = await commissioner.GetDocumentAsync($"/outcomes?need={need}&instrument=ons4&scale=life_satisfaction");
        var services = page.QuerySelector("#outcomes-by-service")!.TextContent;
        Assert.Contains("Poplar Peer Support Network", services);
        Assert.Contains("East London NHS Foundation Trust", services);

        // The link-worker contract (£540,000 over its term) counts pro rata for the days of it inside the last 12 months,
        // and goes to its consortium member that runs services meeting the need.
        await using var db = factory.CreateDbContext();
        var contract = await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == DemoAwards.ContractId, Cancel);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = today.AddYears(-1).AddDays(1);
        var inside = Math.Min(contract.End.DayNumber, today.DayNumber) - Math.Max(contract.Start.DayNumber, from.DayNumber) + 1;
        var value = Math.Round(contract.Value!.Value * inside / (contract.End.DayNumber - contract.Start.DayNumber + 1), 2, MidpointRounding.AwayFromZero);
        var row = page.QuerySelectorAll("#cost-per-outcome tbody tr").Single(r => r.TextContent.Contains("Limehouse Wellbeing CIC"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(value.ToString("£#,##0.00", CultureInfo.GetCultureInfo("en-GB")), cells[1]);
        var improved = int.Parse(cells[3], CultureInfo.InvariantCulture);
        Assert.True(improved > 0);
        Assert.Equal(Math.Round(value / improved, 2, MidpointRounding.AwayFromZero).ToString("£#,##0.00", CultureInfo.GetCultureInfo("en-GB")), cells[5]);
        Assert.NotNull(page.QuerySelector("figure.cw-chart"));

        var csv = await commissioner.GetStringAsync($"/outcomes?handler=Csv&need={need}&instrument=ons4&scale=life_satisfaction", Cancel);
        Assert.StartsWith("service_id,service,organisation,scale,n_referred", csv);
        Assert.Contains("Poplar Peer Support Network", csv);

        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"/outcomes?need={need}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task CommissionerView_ShowsFiftyServicesAPage_WithTheNeedsTotalOnEachAndEveryServiceInTheCsv()
    {
        Guid need;
        await using (var db = factory.CreateDbContext())
        {
            need = await NeedAsync(db);
            var referred = DateTime.UtcNow.AddDays(-100);
            for (var i = 0; i < 51; i++)
            {
                await ReferralAsync(db, await ServiceAsync(db, "Poplar Peer Support Network", need), referred, Baseline(4, 6));
            }
        }

        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var first = await commissioner.GetDocumentAsync($"/outcomes?need={need}");
        var second = await commissioner.GetDocumentAsync($"/outcomes?need={need}&page=2");

        Assert.Equal(51, first.QuerySelectorAll("#outcomes-by-service tbody tr").Length);
        Assert.Equal(2, second.QuerySelectorAll("#outcomes-by-service tbody tr").Length);
        Assert.Contains("51 services, 51 to 51 shown", second.QuerySelector("#outcomes-by-service caption")!.TextContent);
        var total = second.QuerySelector("#outcomes-by-service tr.cw-total")!.TextContent;
        Assert.Contains("All services meeting the need", total);
        Assert.Contains("51", total);
        Assert.NotNull(first.QuerySelector("nav.nhsuk-pagination[aria-label='Pages of services'] a[href*='&page=2&provider_page=1']"));
        // The 51 services belong to one provider, so its table has one page and no pagination of its own.
        Assert.Null(first.QuerySelector("nav[aria-label='Pages of providers']"));
        // A page past the end shows the last.
        Assert.Equal(2, (await commissioner.GetDocumentAsync($"/outcomes?need={need}&page=9")).QuerySelectorAll("#outcomes-by-service tbody tr").Length);

        var csv = await commissioner.GetStringAsync($"/outcomes?handler=Csv&need={need}", Cancel);
        Assert.Equal(52, csv.Trim().Split('\n').Length);
    }

    [Fact]
    public async Task CommissionerView_ShowsFiftyProvidersAPage_KeepingTheServicesPage()
    {
        Guid need;
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using (var db = factory.CreateDbContext())
        {
            need = await NeedAsync(db);
            var referred = DateTime.UtcNow.AddDays(-100);
            for (var i = 0; i < 51; i++)
            {
                var organisation = new Commonweal.Organisations.Organisation { Name = $"Provider {tag} {i:D2}", LegalForm = Commonweal.Organisations.LegalForm.RegisteredCharity };
                db.Organisations.Add(organisation);
                await db.SaveChangesAsync(Cancel);
                await ReferralAsync(db, await ServiceAsync(db, organisation.Name, need), referred, Baseline(4, 6));
            }
        }

        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var second = await commissioner.GetDocumentAsync($"/outcomes?need={need}&page=2&provider_page=2");

        var rows = second.QuerySelectorAll("#cost-per-outcome tbody tr");
        Assert.Equal($"Provider {tag} 50", Assert.Single(rows).QuerySelector("td")!.TextContent.Trim());
        Assert.Contains("51 providers, 51 to 51 shown", second.QuerySelector("#cost-per-outcome caption")!.TextContent);
        Assert.NotNull(second.QuerySelector("nav[aria-label='Pages of providers'] a[href*='&page=2&provider_page=1']"));
    }

    private static Guid NeedsTaxonomy(string code) => Commonweal.Directory.NeedsTaxonomy.TermId(code);

    [Fact]
    public async Task PaymentStatement_ShowsTheWorking_AndAddsUp_ForCommissionersAndSuppliersOnly()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var page = await commissioner.GetDocumentAsync($"/outcomes/contracts/{DemoAwards.ContractId}");
        Assert.NotEmpty(page.QuerySelectorAll(".cw-working li"));
        Assert.Equal(2, page.QuerySelectorAll("#payment-lines tbody tr").Length);

        var statement = await OkAsync(await commissioner.GetAsync($"/api/outcomes/contracts/{DemoAwards.ContractId}/statement", Cancel));
        await using var db = factory.CreateDbContext();
        var contract = await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == DemoAwards.ContractId, Cancel);
        var quarterEnd = contract.Start.AddMonths(3).AddDays(-1);
        var expected = Math.Round(contract.Value!.Value * (quarterEnd.DayNumber - contract.Start.DayNumber + 1) / (contract.End.DayNumber - contract.Start.DayNumber + 1), 2, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, statement.GetProperty("valueForPeriod").GetDecimal());
        Assert.Equal(Math.Round(expected * 0.3m, 2, MidpointRounding.AwayFromZero), statement.GetProperty("outcomeLinkedPart").GetDecimal());
        Assert.Equal(statement.GetProperty("fixedPart").GetDecimal() + statement.GetProperty("outcomeLinkedEarned").GetDecimal(), statement.GetProperty("totalDue").GetDecimal());
        Assert.Equal(statement.GetProperty("outcomeLinkedEarned").GetDecimal(), statement.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("amount").GetDecimal()));

        var csv = await commissioner.GetStringAsync($"/outcomes/contracts/{DemoAwards.ContractId}?handler=Csv", Cancel);
        Assert.StartsWith("from,to,measure,target,achieved,weight_percent", csv);

        var outsider = await factory.SignedInClientAsync(DemoAccounts.MoneyAdviser);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/outcomes/contracts/{DemoAwards.ContractId}", Cancel)).StatusCode);
        var supplier = await factory.SignedInClientAsync(DemoAccounts.Practitioner);
        await supplier.GetDocumentAsync($"/outcomes/contracts/{DemoAwards.ContractId}");
    }

    [Fact]
    public async Task Targets_AreSetByTheContractsCommissioners_WeightsMustAddUpTo100()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var url = $"/api/outcomes/contracts/{DemoAwards.ContractId}/targets";
        var bad = await ProblemAsync(await commissioner.PutAsJsonAsync(url, new
        {
            targets = new object[]
            {
                new { measure = "FollowUpRate", instrument = "ons4", scale = "life_satisfaction", target = 0.8, weightPercent = 50 },
                new { measure = "ShareImproved", instrument = "ons4", scale = "calmness", target = 0.5, weightPercent = 40 },
            },
        }, Cancel), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("targets[1].scale", out _), bad.ToString());

        var sum = await ProblemAsync(await commissioner.PutAsJsonAsync(url, new
        {
            targets = new object[]
            {
                new { measure = "FollowUpRate", instrument = "ons4", scale = "life_satisfaction", target = 0.8, weightPercent = 50 },
                new { measure = "ShareImproved", instrument = "ons4", scale = "anxiety", target = 0.5, weightPercent = 40 },
            },
        }, Cancel), HttpStatusCode.BadRequest);
        Assert.Contains("add up to 100", sum.GetProperty("errors").GetProperty("targets")[0].GetString());

        var supplier = await factory.SignedInClientAsync(DemoAccounts.Practitioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await supplier.PutAsJsonAsync(url, new { targets = Array.Empty<object>() }, Cancel)).StatusCode);

        var saved = await OkAsync(await commissioner.PutAsJsonAsync(url, new
        {
            targets = new object[]
            {
                new { measure = "FollowUpRate", instrument = "ons4", scale = "life_satisfaction", target = 0.8, weightPercent = 50 },
                new { measure = "ShareImproved", instrument = "ons4", scale = "anxiety", target = 0.5, weightPercent = 50 },
            },
        }, Cancel));
        Assert.Equal(2, saved.GetArrayLength());
        var statement = await OkAsync(await commissioner.GetAsync($"/api/outcomes/contracts/{DemoAwards.ContractId}/statement", Cancel));
        Assert.Equal(0.8, statement.GetProperty("lines")[0].GetProperty("target").GetDouble());
    }

    [Fact]
    public async Task Instruments_ACommissionerAddsOneByDefinitionFile_FaultsNameTheJsonPath()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var bad = await ProblemAsync(await commissioner.PostAsync("/api/outcomes/instruments", new StringContent(
            """{"id":"goals-x","name":"Goals","version":"1","items":[{"id":"a","text":"A","min":0,"max":4}],"scales":[{"id":"t","name":"T","items":["b"],"scoring":"sum","direction":"higher-is-better","meaningfulChange":1}]}""",
            System.Text.Encoding.UTF8, "application/json"), Cancel), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("$.scales[0].items[0]", out _), bad.ToString());

        var good = """{"id":"goals-y","name":"Goal attainment","version":"1","items":[{"id":"a","text":"A","min":0,"max":4}],"scales":[{"id":"t","name":"T","items":["a"],"scoring":"sum","direction":"higher-is-better","meaningfulChange":1}]}""";
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsync("/api/outcomes/instruments", new StringContent(good, System.Text.Encoding.UTF8, "application/json"), Cancel)).StatusCode);
        await OkAsync(await commissioner.PostAsync("/api/outcomes/instruments", new StringContent(good, System.Text.Encoding.UTF8, "application/json"), Cancel), HttpStatusCode.Created);
        var again = await ProblemAsync(await commissioner.PostAsync("/api/outcomes/instruments", new StringContent(good, System.Text.Encoding.UTF8, "application/json"), Cancel), HttpStatusCode.BadRequest);
        Assert.True(again.GetProperty("errors").TryGetProperty("$.id", out _));

        var list = await factory.CreateBrowserClient().GetDocumentAsync("/outcomes/instruments");
        Assert.NotNull(list.QuerySelector("#instrument-goals-y"));
        Assert.NotNull(list.QuerySelector("#instrument-swemwbs"));
    }
}
