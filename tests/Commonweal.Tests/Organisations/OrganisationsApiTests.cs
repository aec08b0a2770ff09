using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Organisations;

public sealed class OrganisationsApiTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<Guid> IdOfAsync(string name)
    {
        await using var db = factory.CreateDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync(Cancel);
    }

    private static object Body(string name, string? website = null, object? members = null) => new
    {
        name,
        legalForm = "CharitableIncorporatedOrganisation",
        identifierScheme = "GB-CHC",
        identifierNumber = "1190002",
        activities = new[] { "DirectServiceProvider" },
        incomeBand = "Small",
        members,
        website,
        postcode = "E3 4AA",
    };

    [Fact]
    public async Task List_PagesThroughOrganisations()
    {
        var client = factory.CreateClient();

        var first = await client.GetFromJsonAsync<JsonElement>("/api/organisations?pageSize=5&page=1", Cancel);
        var second = await client.GetFromJsonAsync<JsonElement>("/api/organisations?pageSize=5&page=2", Cancel);

        Assert.Equal(5, first.GetProperty("items").GetArrayLength());
        Assert.True(first.GetProperty("totalItems").GetInt32() > 10);
        var firstIds = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());
        var secondIds = second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());
        Assert.Empty(firstIds.Intersect(secondIds));
    }

    [Theory]
    [InlineData("/api/organisations?pageSize=1000", "pageSize")]
    [InlineData("/api/organisations?page=0", "page")]
    public async Task List_OutOfRangeParameters_AreNamedInTheProblem(string url, string field)
    {
        var response = await factory.CreateClient().GetAsync(url, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Get_UnknownOrganisation_IsNotFoundProblem()
    {
        var response = await factory.CreateClient().GetAsync($"/api/organisations/{Guid.NewGuid()}", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Put_Anonymous_IsUnauthorised()
    {
        var kitchen = await IdOfAsync("Bow Community Kitchen");

        var response = await factory.CreateClient().PutAsJsonAsync($"/api/organisations/{kitchen}", Body("Anonymous Edit"), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Put_ByAnotherOrganisationsUser_IsForbiddenAndChangesNothing()
    {
        var kitchen = await IdOfAsync("Bow Community Kitchen");
        var practitioner = await factory.SignedInClientAsync(DemoAccounts.Practitioner);

        var response = await practitioner.PutAsJsonAsync($"/api/organisations/{kitchen}", Body("Hijacked Kitchen"), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal("Bow Community Kitchen", (await db.Organisations.SingleAsync(o => o.Id == kitchen, Cancel)).Name);
    }

    [Fact]
    public async Task Put_InvalidValues_AreNamedByJsonProperty()
    {
        var kitchen = await IdOfAsync("Bow Community Kitchen");
        var admin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var response = await admin.PutAsJsonAsync($"/api/organisations/{kitchen}", Body("", website: "ftp://nope", members: -1), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Equal("Enter the organisation's name", errors.GetProperty("name")[0].GetString());
        Assert.True(errors.TryGetProperty("website", out _));
        Assert.True(errors.TryGetProperty("members", out _));
    }

    [Fact]
    public async Task Put_MalformedJson_NamesThePathAndIsNotAServerError()
    {
        var kitchen = await IdOfAsync("Bow Community Kitchen");
        var admin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var content = new StringContent("""{"name":"Kitchen","members":"many"}""", Encoding.UTF8, "application/json");

        var response = await admin.PutAsync($"/api/organisations/{kitchen}", content, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.members", out _));
    }

    [Fact]
    public async Task Put_ByItsAdmin_UpdatesTheProfile()
    {
        var kitchen = await IdOfAsync("Bow Community Kitchen");
        var admin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var response = await admin.PutAsJsonAsync($"/api/organisations/{kitchen}", Body("Bow Community Kitchen", website: "https://bow.example.org", members: 150), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(150, body.GetProperty("members").GetInt32());
        Assert.Equal("https://bow.example.org", body.GetProperty("website").GetString());
    }

    [Fact]
    public async Task Me_Anonymous_IsUnauthorised_AndSignedIn_ListsMemberships()
    {
        var anonymous = await factory.CreateClient().GetAsync("/api/me", Cancel);
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        var me = await commissioner.GetFromJsonAsync<JsonElement>("/api/me", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Commissioner", me.GetProperty("memberships")[0].GetProperty("role").GetString());
    }
}
