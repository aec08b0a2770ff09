using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Directory;
using Commonweal.Seed;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Procurement;

/// <summary>The public list over the demo area's opportunities: two open, one closed, one draft.</summary>
public sealed class OpportunityListTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<List<Guid>> IdsAsync(string query)
    {
        var page = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/opportunities?{query}", Cancel);
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    [Fact]
    public async Task Get_List_ShowsOpenOpportunitiesOnly_AndClosedOnesWhenAsked()
    {
        Assert.Equal([DemoProcurement.ApmsId, DemoProcurement.GrantRoundId], (await IdsAsync("")).Order());
        var withClosed = await IdsAsync("includeClosed=true");
        Assert.Contains(DemoProcurement.ClosedId, withClosed);
        Assert.DoesNotContain(DemoProcurement.UnfairDraftId, withClosed);
    }

    [Theory]
    [InlineData("type=Grant", "grants")]
    [InlineData("type=ApmsContract", "apms")]
    [InlineData("outcode=e1", "grants")]
    [InlineData("outcode=E14", "apms,grants")]
    [InlineData("minValue=1000000", "apms")]
    [InlineData("maxValue=150000", "grants")]
    [InlineData("minValue=150001&maxValue=11700000", "apms")]
    [InlineData("suitableForSmallOrganisations=true", "grants")]
    [InlineData("outcode=M1", "")]
    public async Task Get_List_Filters(string query, string expected)
    {
        var names = new Dictionary<string, Guid> { ["apms"] = DemoProcurement.ApmsId, ["grants"] = DemoProcurement.GrantRoundId };

        var ids = await IdsAsync(query);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => names[n]).Order(), ids.Order());
    }

    [Fact]
    public async Task Get_List_ByBroadNeed_FindsOpportunitiesForItsSpecificNeeds()
    {
        // The grant round names the broad need "food"; the APMS contract names "long-term-conditions".
        Assert.Equal([DemoProcurement.GrantRoundId], await IdsAsync($"need={NeedsTaxonomy.TermId("food")}"));
        Assert.Equal([DemoProcurement.ApmsId], await IdsAsync($"need={NeedsTaxonomy.TermId("long-term-conditions")}"));
        Assert.Empty(await IdsAsync($"need={NeedsTaxonomy.TermId("housing")}"));
    }

    [Fact]
    public async Task Get_List_PagesThroughResults()
    {
        var client = factory.CreateClient();

        var first = await client.GetFromJsonAsync<JsonElement>("/api/opportunities?pageSize=1&page=1", Cancel);
        var second = await client.GetFromJsonAsync<JsonElement>("/api/opportunities?pageSize=1&page=2", Cancel);

        Assert.Equal(2, first.GetProperty("totalItems").GetInt32());
        Assert.Equal(2, first.GetProperty("totalPages").GetInt32());
        Assert.NotEqual(first.GetProperty("items")[0].GetProperty("id").GetGuid(), second.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("minValue=-1", "minValue")]
    [InlineData("minValue=10&maxValue=5", "maxValue")]
    public async Task Get_List_BadParameters_AreNamedInTheProblem(string query, string field)
    {
        var response = await factory.CreateClient().GetAsync($"/api/opportunities?{query}", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Get_ByReference_FindsAPublishedOpportunity()
    {
        var apms = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/opportunities/{DemoProcurement.ApmsId}", Cancel);
        var reference = apms.GetProperty("reference").GetString();

        var byReference = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/opportunities/{reference}", Cancel);

        Assert.Equal(DemoProcurement.ApmsId, byReference.GetProperty("id").GetGuid());
        Assert.Equal(11_700_000, byReference.GetProperty("totalValue").GetInt64());
        Assert.Equal(2, byReference.GetProperty("lots").GetArrayLength());
    }

    [Fact]
    public async Task ListPage_ShowsCardsFiltersAndAnEmptyState()
    {
        var client = factory.CreateBrowserClient();

        var all = await client.GetDocumentAsync("/opportunities");
        var small = await client.GetDocumentAsync("/opportunities?Input.Suitable=true");
        var none = await client.GetDocumentAsync("/opportunities?Input.Outcode=M1");

        Assert.Equal(["Community connections grants", "GP services for Bow and Poplar (APMS)"],
            all.QuerySelectorAll(".cw-results h3").Select(h => h.TextContent.Trim()).Order());
        Assert.Equal(["Community connections grants"], small.QuerySelectorAll(".cw-results h3").Select(h => h.TextContent.Trim()));
        Assert.Contains("No opportunities found", none.QuerySelector("main")!.TextContent);
        Assert.Null(all.QuerySelector(".cw-drafts"));
    }
}
