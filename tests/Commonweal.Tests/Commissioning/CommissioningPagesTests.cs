using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Commonweal.Seed;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Commissioning;

/// <summary>The demo plan and pool, as the demo commissioner and the public see them.</summary>
public sealed class CommissioningPagesTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoPlan_ListsTheRareConditionWithNoProvisionFirst_AndTheFoodOverlapInE3()
    {
        var html = await factory.CreateClient().GetStringAsync($"/commissioning/plans/{DemoCommissioning.PlanId}", Cancel);
        var page = await new HtmlParser().ParseDocumentAsync(html, Cancel);

        var unprovided = page.QuerySelectorAll("tr.cw-unprovided").Select(r => r.TextContent).ToList();
        Assert.Contains(DemoCommissioning.RareCondition, unprovided[0]);
        Assert.Contains("ORPHA:262", unprovided[0]);
        Assert.DoesNotContain(unprovided, r => r.Contains("Sickle cell", StringComparison.Ordinal));
        var food = Assert.Single(page.QuerySelectorAll("tr.cw-overlap"), r => r.TextContent.Contains("Food", StringComparison.Ordinal));
        Assert.Contains("London Borough of Tower Hamlets", food.TextContent);
        Assert.Contains("Bow Community Kitchen", food.TextContent);
        Assert.NotNull(page.QuerySelector("figure.cw-chart, .cw-chart"));
        Assert.NotNull(page.QuerySelector("table#spend"));
    }

    [Fact]
    public async Task DemoPlan_CsvExports_HoldTheTablesNumbers()
    {
        var client = factory.CreateClient();
        var spend = await client.GetStringAsync($"/commissioning/plans/{DemoCommissioning.PlanId}?handler=Csv&table=spend", Cancel);
        // Depression and anxiety: 3,600 of 7,920 DALYs (0.4545); £500,000 of £1,000,000 of condition budget (0.5).
        Assert.Contains("Depression and anxiety,no,3600", spend);
        Assert.Contains("0.4545,500000.00,0.5000,1.1000", spend);
        foreach (var table in new[] { "unprovided", "overlaps", "gaps", "needs" })
        {
            var response = await client.GetAsync($"/commissioning/plans/{DemoCommissioning.PlanId}?handler=Csv&table={table}", Cancel);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/commissioning/plans/{DemoCommissioning.PlanId}?handler=Csv&table=nope", Cancel)).StatusCode);
    }

    [Fact]
    public async Task DemoPool_ShowsTheIcbAndCouncil60To40_AndTheJointGrantRoundDrawsOnIt()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        var body = await commissioner.GetFromJsonAsync<JsonElement>($"/api/commissioning/pools/{DemoCommissioning.PoolId}", Cancel);

        Assert.Equal([60m, 40m], body.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("sharePercent").GetDecimal()).ToArray());
        Assert.Equal(1_000_000m, body.GetProperty("totalContribution").GetDecimal());
        await using var db = factory.CreateDbContext();
        Assert.Contains(db.PoolOpportunities.Where(p => p.PooledFundId == DemoCommissioning.PoolId), p => p.OpportunityId == DemoProcurement.GrantRoundId);
        var index = await commissioner.GetStringAsync("/commissioning", Cancel);
        Assert.Contains($"/commissioning/pools/{DemoCommissioning.PoolId}", index);
        Assert.Contains($"/commissioning/plans/{DemoCommissioning.PlanId}", index);
    }
}
