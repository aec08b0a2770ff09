using System.Net;
using System.Net.Http.Json;
using Commonweal.Accounts;
using Commonweal.Referrals;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Commonweal.Tests.Referrals.CarePlans.CarePlanApiTests;

namespace Commonweal.Tests.Referrals.CarePlans;

/// <summary>
/// Tries every care plan and concern page and endpoint that shows or changes personal data from
/// everyone who must be refused: anonymous, outside the care team (another organisation, and a
/// colleague of a member), after consent is withdrawn, and a break-glass reader trying to change.
/// </summary>
public sealed class CarePlanConfidentialityTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Secret = "confidential-goal-5e1d";

    private sealed record Arranged(CareTeamScenario S, Guid Goal, Guid Action, Guid Review, Guid Concern);

    private async Task<Arranged> ArrangeAsync()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var gp = await factory.SignedInClientAsync(s.Gp.Email);
        var plan = $"/api/people/{s.PersonId}/care-plan";
        var goal = await OkAsync(await gp.PostAsJsonAsync($"{plan}/goals", new { text = $"I want to sleep through the night ({Secret})" }, Cancel), HttpStatusCode.Created);
        var action = await OkAsync(await gp.PostAsJsonAsync($"{plan}/actions", new { description = $"Sleep clinic referral ({Secret})", ownerOrganisationId = s.GpPractice }, Cancel), HttpStatusCode.Created);
        var review = await OkAsync(await gp.PostAsJsonAsync($"{plan}/reviews", new { dueDate = "2027-06-01", notes = Secret }, Cancel), HttpStatusCode.Created);
        var concern = await OkAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/concerns", new { kind = "Health", severity = "Medium", description = Secret }, Cancel), HttpStatusCode.Created);
        return new Arranged(s, goal.GetProperty("id").GetGuid(), action.GetProperty("id").GetGuid(), review.GetProperty("id").GetGuid(), concern.GetProperty("id").GetGuid());
    }

    /// <summary>Every API call that shows or changes the plan or a concern.</summary>
    private static IEnumerable<(HttpMethod Method, string Url, object? Body)> ApiCalls(Arranged a, Guid? personId = null)
    {
        var plan = $"/api/people/{personId ?? a.S.PersonId}/care-plan";
        yield return (HttpMethod.Get, plan, null);
        yield return (HttpMethod.Post, $"{plan}/goals", new { text = "Intruder goal" });
        yield return (HttpMethod.Put, $"{plan}/goals/{a.Goal}", new { text = "Intruder goal", status = "Achieved" });
        yield return (HttpMethod.Post, $"{plan}/actions", new { description = "Intruder action", ownerOrganisationId = a.S.GpPractice });
        yield return (HttpMethod.Put, $"{plan}/actions/{a.Action}", new { description = "Intruder action", ownerOrganisationId = a.S.GpPractice });
        yield return (HttpMethod.Post, $"{plan}/reviews", new { dueDate = "2027-07-01" });
        yield return (HttpMethod.Put, $"{plan}/reviews/{a.Review}", new { dueDate = "2027-07-01" });
        yield return (HttpMethod.Post, $"/api/people/{personId ?? a.S.PersonId}/concerns", new { kind = "Other", severity = "Low", description = "Intruder" });
        yield return (HttpMethod.Get, $"/api/people/{personId ?? a.S.PersonId}/concerns", null);
        yield return (HttpMethod.Get, $"/api/concerns/{a.Concern}", null);
        yield return (HttpMethod.Post, $"/api/concerns/{a.Concern}/acknowledge", null);
        yield return (HttpMethod.Post, $"/api/people/{personId ?? a.S.PersonId}/concerns/{a.Concern}/close", new { outcome = "Intruder outcome" });
    }

    /// <summary>Every page that shows the plan or a concern, or a form to change them.</summary>
    private static IEnumerable<string> Pages(Arranged a)
    {
        var plan = $"/people/{a.S.PersonId}/care-plan";
        return [plan, $"{plan}/goals", $"{plan}/goals/{a.Goal}", $"{plan}/actions", $"{plan}/actions/{a.Action}", $"{plan}/reviews", $"{plan}/reviews/{a.Review}",
            $"/people/{a.S.PersonId}/concerns/new", $"/concerns/{a.Concern}"];
    }

    private static HttpRequestMessage Request((HttpMethod Method, string Url, object? Body) call) =>
        new(call.Method, call.Url) { Content = call.Body is null ? null : JsonContent.Create(call.Body) };

    private async Task AssertRefusedEverywhereAsync(HttpClient client, Arranged a, HttpStatusCode api, HttpStatusCode page)
    {
        foreach (var call in ApiCalls(a))
        {
            var response = await client.SendAsync(Request(call), Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == api, $"{call.Method} {call.Url}: {(int)response.StatusCode} {body}");
            Assert.DoesNotContain(Secret, body);
        }

        foreach (var url in Pages(a))
        {
            var response = await client.GetAsync(url, Cancel);
            Assert.True(response.StatusCode == page, $"GET {url}: {(int)response.StatusCode}");
            Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(Cancel));
        }

        var list = await client.GetAsync("/concerns", Cancel);
        Assert.DoesNotContain(Secret, await list.Content.ReadAsStringAsync(Cancel));
        await AssertUnchangedAsync(a);
    }

    private async Task AssertUnchangedAsync(Arranged a)
    {
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.CarePlanGoals.CountAsync(g => g.PersonId == a.S.PersonId, Cancel));
        Assert.Contains(Secret, (await db.CarePlanGoals.SingleAsync(g => g.PersonId == a.S.PersonId, Cancel)).Text);
        Assert.Equal(1, await db.CarePlanActions.CountAsync(x => x.PersonId == a.S.PersonId, Cancel));
        Assert.Equal(1, await db.CarePlanReviews.CountAsync(x => x.PersonId == a.S.PersonId && x.DueDate == new DateOnly(2027, 6, 1), Cancel));
        Assert.Equal(1, await db.Concerns.CountAsync(x => x.PersonId == a.S.PersonId, Cancel));
        Assert.False(await db.ConcernAcknowledgements.AnyAsync(x => x.ConcernId == a.Concern, Cancel));
        Assert.False(await db.Concerns.AnyAsync(x => x.Id == a.Concern && x.ClosedAt != null, Cancel));
    }

    [Fact]
    public async Task Anonymous_Gets401FromTheApi_AndTheSignInPageFromPages()
    {
        var a = await ArrangeAsync();
        await AssertRefusedEverywhereAsync(factory.CreateClient(new() { AllowAutoRedirect = false }), a, HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task PractitionerOfAnotherOrganisation_IsRefusedEverywhere_WithTheSameAnswerWhetherOrNotThePersonExists()
    {
        var a = await ArrangeAsync();
        var outsider = await factory.SignedInClientAsync(a.S.Outsider.Email);
        await AssertRefusedEverywhereAsync(outsider, a, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden);

        var nobody = Guid.CreateVersion7();
        foreach (var (real, invented) in ApiCalls(a).Zip(ApiCalls(a, nobody)).Where(p => p.First.Url.Contains(a.S.PersonId.ToString(), StringComparison.Ordinal)))
        {
            var known = await outsider.SendAsync(Request(real), Cancel);
            var unknown = await outsider.SendAsync(Request(invented), Cancel);
            Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
            Assert.Equal(Strip(await known.Content.ReadAsStringAsync(Cancel)), Strip(await unknown.Content.ReadAsStringAsync(Cancel)));
        }
    }

    /// <summary>The trace id differs per request; everything else in the body must be the same.</summary>
    private static string Strip(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");

    [Fact]
    public async Task ColleagueOfACareTeamMember_NotOnTheTeam_IsRefusedEverywhere()
    {
        var a = await ArrangeAsync();
        var email = $"colleague-{Guid.NewGuid():N}@commonweal.example";
        await using (var db = factory.CreateDbContext())
        {
            await ProcurementTestData.CommissionerAsync(db, email, a.S.GpPractice, MembershipRole.Practitioner);
        }

        await AssertRefusedEverywhereAsync(await factory.SignedInClientAsync(email), a, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AfterConsentToCareTeamSharingIsWithdrawn_TheTeamAndTheSafeguardingLeadAreRefused()
    {
        var a = await ArrangeAsync();
        await using (var db = factory.CreateDbContext())
        {
            var consent = await db.Consents.SingleAsync(c => c.PersonId == a.S.PersonId && c.Scope == ConsentScope.CareTeamSharing, Cancel);
            var withdrawn = await new Consents(db, new PersonRecords(db)).WithdrawAsync(consent.Id, "The person no longer wants their record shared", a.S.Gp.Viewer, Cancel);
            Assert.True(withdrawn.Succeeded, withdrawn.Message);
        }

        await AssertRefusedEverywhereAsync(await factory.SignedInClientAsync(a.S.LinkWorker.Email), a, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden);
        await AssertRefusedEverywhereAsync(await factory.SignedInClientAsync(a.S.CouncilSafeguardingLead.Email), a, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task BreakGlassReader_ReadsThePlan_ButCannotChangeIt()
    {
        var a = await ArrangeAsync();
        await using (var db = factory.CreateDbContext())
        {
            var glass = await new BreakGlass(db).DeclareAsync(a.S.PersonId, "Out of hours visit: the person is unwell and asked for help", a.S.Outsider.Viewer, Cancel);
            Assert.True(glass.Succeeded, glass.Message);
        }

        var reader = await factory.SignedInClientAsync(a.S.Outsider.Email);
        var plan = await OkAsync(await reader.GetAsync($"/api/people/{a.S.PersonId}/care-plan", Cancel));
        Assert.False(plan.GetProperty("canChange").GetBoolean());
        var page = await reader.GetAsync($"/people/{a.S.PersonId}/care-plan", Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("break-glass", await page.Content.ReadAsStringAsync(Cancel));

        foreach (var call in ApiCalls(a).Where(c => c.Method != HttpMethod.Get && !c.Url.EndsWith("/acknowledge", StringComparison.Ordinal)))
        {
            var response = await reader.SendAsync(Request(call), Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{call.Method} {call.Url}: {(int)response.StatusCode}");
        }

        foreach (var url in Pages(a).Where(u => u.EndsWith("/new", StringComparison.Ordinal) || u.Contains("/care-plan/", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(url, Cancel)).StatusCode);
        }

        await AssertUnchangedAsync(a);
    }

    [Fact]
    public async Task CareTeamMember_SeesEveryPage()
    {
        var a = await ArrangeAsync();
        var member = await factory.SignedInClientAsync(a.S.SocialWorker.Email);

        foreach (var url in Pages(a))
        {
            var response = await member.GetAsync(url, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        }

        var plan = await member.GetDocumentAsync($"/people/{a.S.PersonId}/care-plan");
        Assert.Contains(Secret, plan.QuerySelector(".cw-goals")!.TextContent);
        Assert.Contains("Medium", plan.QuerySelector(".cw-concern-banner")!.TextContent);
        var list = (await member.GetDocumentAsync("/concerns")).QuerySelector(".cw-concerns")!;
        Assert.Contains("Medium severity health concern", list.TextContent);
        Assert.NotNull(list.QuerySelector($"a[href='/concerns/{a.Concern}']"));
    }
}
