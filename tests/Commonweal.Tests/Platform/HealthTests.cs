using System.Net;
using System.Text.Json;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Platform;

public sealed class HealthTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    [Fact]
    public async Task Get_Health_ReportsDatabaseHealthy()
    {
        var response = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task Get_OpenApiDocument_DescribesOrganisationsApi()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("3.", body.RootElement.GetProperty("openapi").GetString());
        Assert.True(body.RootElement.GetProperty("paths").TryGetProperty("/api/organisations/{id}", out _));
    }

    [Fact]
    public async Task Get_ApiReference_IsServedWithoutSigningIn()
    {
        var client = factory.CreateClient();

        var page = await client.GetAsync("/api/reference/index.html", TestContext.Current.CancellationToken);
        var settings = await client.GetStringAsync("/api/reference/index.js", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/openapi/v1.json", settings);
    }
}
