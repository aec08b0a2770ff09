using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Organisations;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Commissioning;

public sealed class NeedValidationTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Client, Guid Commissioner)> CommissionerAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = factory.CreateDbContext();
        var icb = new Organisation { Name = $"ICB {tag}", LegalForm = LegalForm.IntegratedCareBoard };
        db.Organisations.Add(icb);
        await db.SaveChangesAsync(Cancel);
        await ProcurementTestData.CommissionerAsync(db, $"icb-{tag}@commonweal.example", icb.Id);
        return (await factory.SignedInClientAsync($"icb-{tag}@commonweal.example"), icb.Id);
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
    }

    [Theory]
    [InlineData("{\"kind\":\"Condition\",\"name\":\"Duchenne\",\"prevalence\":12,\"prevalenceUnit\":\"Count\",\"rare\":true,\"orphanetCode\":\"ORPHA262\"}", "orphanetCode", "ORPHA:262")]
    [InlineData("{\"kind\":\"Condition\",\"name\":\"Duchenne\",\"prevalence\":12,\"prevalenceUnit\":\"Count\",\"orphanetCode\":\"ORPHA:abc\"}", "orphanetCode", "ORPHA:")]
    [InlineData("{\"kind\":\"Condition\",\"name\":\"Asthma\"}", "prevalence", "prevalence")]
    [InlineData("{\"kind\":\"Condition\",\"name\":\"Asthma\",\"prevalence\":1200,\"prevalenceUnit\":\"PerThousand\"}", "prevalence", "1,000")]
    [InlineData("{\"kind\":\"Condition\",\"name\":\"Asthma\",\"prevalence\":12,\"prevalenceUnit\":\"PerThousand\",\"burden\":12}", "burdenUnit", "DALYs")]
    [InlineData("{\"kind\":\"Social\",\"name\":\"Food\",\"estimatedPeople\":100}", "term", "needs taxonomy")]
    [InlineData("{\"kind\":\"Social\",\"name\":\"Food\",\"term\":\"0197a000-0000-7000-8000-000000000000\"}", "estimatedPeople", "people")]
    [InlineData("{\"name\":\"Food\"}", "kind", "condition or social need")]
    [InlineData("{\"kind\":\"Condition\",\"name\":\"\",\"prevalence\":1,\"prevalenceUnit\":\"Count\"}", "name", "name")]
    public async Task Post_Need_WithBadInput_NamesTheField(string json, string field, string words)
    {
        var (client, commissioner) = await CommissionerAsync();
        var area = await PlanFiguresTests.PostAsync(client, "/api/commissioning/areas", new { commissioner, name = "Area", outcodes = new[] { "E3" } });

        var response = await client.PostAsync($"/api/commissioning/areas/{area}/needs", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancel);

        var errors = await ErrorsAsync(response);
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.Contains(words, messages[0].GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_Need_WithUnknownTermOrMixedBurdenUnits_IsRefused()
    {
        var (client, commissioner) = await CommissionerAsync();
        var area = await PlanFiguresTests.PostAsync(client, "/api/commissioning/areas", new { commissioner, name = "Area", outcodes = new[] { "E3" } });
        await PlanFiguresTests.PostAsync(client, $"/api/commissioning/areas/{area}/needs", new { kind = "Condition", name = "Asthma", prevalence = 1, prevalenceUnit = "Count", burden = 10, burdenUnit = "Dalys" });

        var mixed = await ErrorsAsync(await client.PostAsJsonAsync($"/api/commissioning/areas/{area}/needs", new { kind = "Condition", name = "COPD", prevalence = 1, prevalenceUnit = "Count", burden = 10, burdenUnit = "Percent" }, Cancel));
        Assert.Contains("DALYs", mixed.GetProperty("burdenUnit")[0].GetString());
        var unknown = await ErrorsAsync(await client.PostAsJsonAsync($"/api/commissioning/areas/{area}/needs", new { kind = "Social", name = "Food", term = Guid.NewGuid(), estimatedPeople = 5 }, Cancel));
        Assert.True(unknown.TryGetProperty("term", out _));
    }

    [Fact]
    public async Task Post_Area_WithBadOutcode_AndPlanWithoutYear_NameTheField()
    {
        var (client, commissioner) = await CommissionerAsync();

        var area = await ErrorsAsync(await client.PostAsJsonAsync("/api/commissioning/areas", new { commissioner, name = "Area", outcodes = new[] { "E3", "not a code" } }, Cancel));
        Assert.True(area.TryGetProperty("outcodes[1]", out _), area.ToString());
        var plan = await ErrorsAsync(await client.PostAsJsonAsync("/api/commissioning/plans", new { commissioner, area = Guid.NewGuid(), title = "Plan" }, Cancel));
        Assert.True(plan.TryGetProperty("year", out _), plan.ToString());
        var notOwn = await ErrorsAsync(await client.PostAsJsonAsync("/api/commissioning/plans", new { commissioner, area = Guid.NewGuid(), title = "Plan", year = 2026 }, Cancel));
        Assert.True(notOwn.TryGetProperty("area", out _), notOwn.ToString());
        var badBody = await client.PostAsync("/api/commissioning/plans", new StringContent("{\"year\":\"soon\"}", System.Text.Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
    }
}
