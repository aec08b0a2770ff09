using System.Net;
using Commonweal.Insight;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Insight;

/// <summary>The dashboards over HTTP on the demo area's seeded funding.</summary>
public sealed class InsightPagesTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<Guid> OrganisationAsync(string name)
    {
        await using var db = factory.CreateDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync(Cancel);
    }

    [Fact]
    public async Task Commissioner_Dashboard_FlagsTheDependentOrganisation_ListsTheCliff_AndExportsCsv()
    {
        var icb = await OrganisationAsync("NHS North East London Integrated Care Board");
        var client = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        var page = await client.GetDocumentAsync($"/insight/commissioners/{icb}");
        var csv = await client.GetAsync($"/insight/commissioners/{icb}?handler=Csv&table=cliffs", Cancel);
        var sectors = await client.GetStringAsync($"/insight/commissioners/{icb}?handler=Csv&table=sectors", Cancel);

        // (Another test in this class records income for the kitchen, so the sickle cell charity, 80% from one fund, is the check here.)
        var dependentRow = page.QuerySelectorAll("#dependency tbody tr").Single(r => r.TextContent.Contains("Tower Hamlets Sickle Cell Support", StringComparison.Ordinal));
        Assert.Contains("80.0%", dependentRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dependent", dependentRow.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#cliffs tbody tr"), r => r.TextContent.Contains(DemoFunding.DependentOrganisation, StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("canvas[data-cw-chart]"));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("organisation_id,organisation,area,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains(DemoFunding.DependentOrganisation, StringComparison.Ordinal) && l.Contains(",E3,", StringComparison.Ordinal));
        // Public, third and private providers in both years.
        foreach (var sector in new[] { ",Public,", ",Third,", ",Private," })
        {
            Assert.Contains(sector, sectors, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Commissioner_Dashboard_AddsUpTheCliffsByAreaAndByNeed_InTablesAndCsv()
    {
        var icb = await OrganisationAsync("NHS North East London Integrated Care Board");
        var client = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        var page = await client.GetDocumentAsync($"/insight/commissioners/{icb}");
        static List<string[]> Rows(string csv) => [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))];
        var cliffs = await client.GetStringAsync($"/insight/commissioners/{icb}?handler=Csv&table=cliffs", Cancel);
        var byArea = await client.GetStringAsync($"/insight/commissioners/{icb}?handler=Csv&table=cliffs-by-area", Cancel);
        var byNeed = await client.GetStringAsync($"/insight/commissioners/{icb}?handler=Csv&table=cliffs-by-need", Cancel);

        Assert.StartsWith("area,kind,commissioner,ending_6_months_gbp,ending_12_months_gbp,organisations,services_at_risk", byArea, StringComparison.Ordinal);
        Assert.StartsWith("need,ending_6_months_gbp,ending_12_months_gbp,organisations,services_at_risk", byNeed, StringComparison.Ordinal);
        // Each area row is the sum of the organisation rows in it: E3 alone, and Tower Hamlets over E1, E3 and E14.
        // (Organisation names here have no commas, so splitting on commas is safe for the columns read.)
        var organisations = Rows(cliffs);
        decimal Sum(params string[] outcodes) => organisations.Where(r => outcodes.Contains(r[2])).Sum(r => decimal.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture));
        var areas = Rows(byArea);
        var e3 = Assert.Single(areas, r => r[0] == "E3" && r[1] == "outcode");
        Assert.Equal(Sum("E3"), decimal.Parse(e3[4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Sum("E3") > 0);
        var towerHamlets = Assert.Single(areas, r => r[0] == "Tower Hamlets" && r[1] == "commissioning area");
        Assert.Equal(Sum("E1", "E3", "E14"), decimal.Parse(towerHamlets[4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(page.QuerySelectorAll("#cliffs-by-area tbody tr"), r => r.TextContent.Contains("Tower Hamlets (commissioning area of NHS North East London Integrated Care Board)", StringComparison.Ordinal));
        Assert.Equal(Rows(byNeed).Count, page.QuerySelectorAll("#cliffs-by-need tbody tr").Length);
    }

    [Fact]
    public async Task Dashboards_AreRefused_ToAnonymous_ToAnotherOrganisation_AndToProvidersForCommissionerViews()
    {
        var icb = await OrganisationAsync("NHS North East London Integrated Care Board");
        var careline = await OrganisationAsync(DemoFunding.PrivateProvider);
        var anonymous = factory.CreateBrowserClient();
        var provider = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var signIn = await anonymous.GetAsync($"/insight/commissioners/{icb}", Cancel);
        var commissionerView = await provider.GetAsync($"/insight/commissioners/{icb}", Cancel);
        var otherOrganisation = await provider.GetAsync($"/insight/organisations/{careline}", Cancel);

        var landed = signIn.StatusCode == HttpStatusCode.Redirect ? signIn.Headers.Location!.ToString() : signIn.RequestMessage!.RequestUri!.ToString();
        Assert.Contains("sign-in", landed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("permission", await commissionerView.Content.ReadAsStringAsync(Cancel), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("permission", await otherOrganisation.Content.ReadAsStringAsync(Cancel), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OrganisationAdmin_RecordsOtherIncome_AndTheirPictureChanges()
    {
        var kitchen = await OrganisationAsync(DemoFunding.DependentOrganisation);
        var admin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var before = await admin.GetDocumentAsync($"/insight/organisations/{kitchen}");
        Assert.NotNull(before.QuerySelector(".cw-dependency-flag"));
        var year = FinancialYears.Of(DateOnly.FromDateTime(DateTime.UtcNow));

        var invalid = await admin.SubmitAsync($"/insight/organisations/{kitchen}/income",
            new Dictionary<string, string> { ["Input.Kind"] = "Trading", ["Input.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Amount"] = "0" });
        var saved = await admin.SubmitAsync($"/insight/organisations/{kitchen}/income",
            new Dictionary<string, string> { ["Input.Kind"] = "Trading", ["Input.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Amount"] = "40000" });

        Assert.Contains("Amount must be more than £0", (await Forms.ParseAsync(invalid)).ErrorSummary(), StringComparison.Ordinal);
        Assert.True(saved.IsSuccessStatusCode || saved.StatusCode == HttpStatusCode.Redirect, saved.StatusCode.ToString());
        var after = await admin.GetDocumentAsync($"/insight/organisations/{kitchen}");
        // £45,000 of £100,000 from the council: no longer over half.
        Assert.Null(after.QuerySelector(".cw-dependency-flag"));
        Assert.Contains("45.0%", after.QuerySelector("#income-by-funder")!.TextContent, StringComparison.Ordinal);
    }
}
