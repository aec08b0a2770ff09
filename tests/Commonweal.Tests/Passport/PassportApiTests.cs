using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Commonweal.Accounts;
using Commonweal.Passport;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Passport;

public sealed class PassportApiTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
    }

    [Fact]
    public async Task Get_AsAMember_ReturnsTheStatusOfEveryKind()
    {
        var docklands = await factory.OrganisationIdAsync(DemoPassports.ExpiredOrganisation);
        var (member, _) = await factory.MemberAsync(MembershipRole.Practitioner, docklands);

        var passport = await member.GetFromJsonAsync<JsonElement>($"/api/organisations/{docklands}/passport", Cancel);

        var kinds = passport.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("status").GetString());
        Assert.Equal(Enum.GetNames<EvidenceKind>().Order(), kinds.Keys.Order());
        Assert.Equal("Expired", kinds[nameof(EvidenceKind.EmployersLiabilityInsurance)]);
        Assert.Equal("Valid", kinds[nameof(EvidenceKind.CqcRegistration)]);
        Assert.Equal("Missing", kinds[nameof(EvidenceKind.Accounts)]);
    }

    [Fact]
    public async Task Post_ValidEvidence_IsRecordedAndCounts()
    {
        var (admin, organisation) = await factory.MemberAsync(MembershipRole.Admin);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var body = $$"""
            {"kind":"VolunteerRegister","reference":"V7","role":"Driver","startedOn":"{{today.AddYears(-1):yyyy-MM-dd}}",
             "training":[{"course":"Minibus driving","completedOn":"{{today.AddMonths(-2):yyyy-MM-dd}}","expiresOn":"{{today.AddYears(2):yyyy-MM-dd}}"}]}
            """;

        var response = await admin.PostAsync($"/api/organisations/{organisation}/passport/evidence", Json(body), Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("Valid", created.GetProperty("status").GetString());
        await using var db = factory.CreateDbContext();
        var volunteer = await db.PassportEvidence.OfType<Volunteer>().Include(v => v.Training).SingleAsync(v => v.OrganisationId == organisation, Cancel);
        Assert.Equal("Minibus driving", Assert.Single(volunteer.Training).Course);
        var summary = await new PassportQueries(db).SummaryAsync(organisation, DateTime.UtcNow, Cancel);
        Assert.True(summary.Holds(EvidenceKind.VolunteerRegister));
    }

    [Fact]
    public async Task Post_BadValues_NameTheJsonPathOfEach()
    {
        var (admin, organisation) = await factory.MemberAsync(MembershipRole.Admin);
        var url = $"/api/organisations/{organisation}/passport/evidence";

        var insurance = await ProblemErrorsAsync(await admin.PostAsync(url, Json("""
            {"kind":"PublicLiabilityInsurance","insurer":"Thameside","policyNumber":"P1","cover":-5,"startsOn":"2026-04-01","expiresOn":"2026-03-31"}
            """), Cancel));
        var training = await ProblemErrorsAsync(await admin.PostAsync(url, Json("""
            {"kind":"VolunteerRegister","reference":"V8","role":"Cook","startedOn":"2025-01-01","training":[{"course":"Food hygiene","completedOn":"2025-02-01"},{"completedOn":"2025-03-01"}]}
            """), Cancel));
        var notANumber = await ProblemErrorsAsync(await admin.PostAsync(url, Json("""{"kind":"Accounts","yearEnd":"2026-03-31","income":"lots"}"""), Cancel));
        var nullTraining = await ProblemErrorsAsync(await admin.PostAsync(url, Json("""
            {"kind":"VolunteerRegister","reference":"V9","role":"Cook","startedOn":"2025-01-01","training":[null]}
            """), Cancel));
        var unknownKind = await ProblemErrorsAsync(await admin.PostAsync(url, Json("""{"kind":"Pets"}"""), Cancel));

        Assert.Equal("Cover must be more than £0", insurance.GetProperty("cover")[0].GetString());
        Assert.Equal("Expiry date must be after the start date", insurance.GetProperty("expiresOn")[0].GetString());
        Assert.Equal("Enter the name of the course", training.GetProperty("training[1].course")[0].GetString());
        Assert.True(nullTraining.TryGetProperty("training[0]", out _));
        Assert.True(notANumber.TryGetProperty("$.income", out _));
        Assert.True(unknownKind.TryGetProperty("$.kind", out _));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.PassportEvidence.AnyAsync(e => e.OrganisationId == organisation, Cancel));
    }

    [Theory]
    [InlineData(DemoAccounts.Practitioner)]
    [InlineData(DemoAccounts.Commissioner)]
    public async Task Api_IsRefusedToOtherOrganisations(string email)
    {
        var bow = await factory.OrganisationIdAsync(DemoPassports.CompleteOrganisation);
        var client = await factory.SignedInClientAsync(email);

        var get = await client.GetAsync($"/api/organisations/{bow}/passport", Cancel);
        var post = await client.PostAsync($"/api/organisations/{bow}/passport/evidence", Json("""{"kind":"SafeguardingPolicy","reviewDueOn":"2030-01-01"}"""), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Api_IsRefusedToAnonymousClients_AndToMembersWhoAreNotAdmins()
    {
        var bow = await factory.OrganisationIdAsync(DemoPassports.CompleteOrganisation);
        var anonymous = factory.CreateClient();
        var (practitioner, _) = await factory.MemberAsync(MembershipRole.Practitioner, bow);
        var body = """{"kind":"SafeguardingPolicy","reviewDueOn":"2030-01-01"}""";

        var get = await anonymous.GetAsync($"/api/organisations/{bow}/passport", Cancel);
        var post = await anonymous.PostAsync($"/api/organisations/{bow}/passport/evidence", Json(body), Cancel);
        var memberPost = await practitioner.PostAsync($"/api/organisations/{bow}/passport/evidence", Json(body), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberPost.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.PassportEvidence.CountAsync(e => e.OrganisationId == bow && e.Kind == EvidenceKind.SafeguardingPolicy, Cancel));
    }
}
