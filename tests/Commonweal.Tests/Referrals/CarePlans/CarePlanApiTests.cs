using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Referrals;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Referrals.CarePlans;

public sealed class CarePlanApiTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    [Fact]
    public async Task CareTeam_AddsGoalActionAndReview_EveryMemberSeesThemAttributed()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var linkWorker = await factory.SignedInClientAsync(s.LinkWorker.Email);
        var gp = await factory.SignedInClientAsync(s.Gp.Email);

        var goal = await OkAsync(await linkWorker.PostAsJsonAsync($"/api/people/{s.PersonId}/care-plan/goals",
            new { text = "I want to get back to my Tuesday lunch club" }, Cancel), HttpStatusCode.Created);
        var action = await OkAsync(await linkWorker.PostAsJsonAsync($"/api/people/{s.PersonId}/care-plan/actions",
            new { description = "Arrange transport to the lunch club", ownerOrganisationId = s.Council, dueDate = "2027-03-03" }, Cancel), HttpStatusCode.Created);
        await OkAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/care-plan/reviews", new { dueDate = "2027-06-01" }, Cancel), HttpStatusCode.Created);

        var plan = await OkAsync(await gp.GetAsync($"/api/people/{s.PersonId}/care-plan", Cancel));
        var g = Assert.Single(plan.GetProperty("goals").EnumerateArray());
        Assert.Equal("I want to get back to my Tuesday lunch club", g.GetProperty("text").GetString());
        Assert.Equal("Active", g.GetProperty("status").GetString());
        Assert.Equal(s.LinkWorker.Id, g.GetProperty("changed").GetProperty("byUserId").GetGuid());
        Assert.Equal(CareTeamScenario.LinkWorkersName, g.GetProperty("changed").GetProperty("organisation").GetString());
        Assert.StartsWith($"Changed by {s.LinkWorker.Name} ({CareTeamScenario.LinkWorkersName}) at ", g.GetProperty("changed").GetProperty("description").GetString());
        var a = Assert.Single(plan.GetProperty("actions").EnumerateArray());
        Assert.Equal(CareTeamScenario.CouncilName, a.GetProperty("owner").GetString());
        Assert.Equal("2027-03-03", a.GetProperty("dueDate").GetString());
        Assert.Equal(action.GetProperty("id").GetGuid(), a.GetProperty("id").GetGuid());
        Assert.Equal(s.Gp.Id, Assert.Single(plan.GetProperty("reviews").EnumerateArray()).GetProperty("changed").GetProperty("byUserId").GetGuid());
        Assert.Equal(3, plan.GetProperty("careTeamOrganisations").GetArrayLength());

        // The GP marks the goal achieved: the change is now theirs, and the log holds both changes and the read.
        var changed = await OkAsync(await gp.PutAsJsonAsync($"/api/people/{s.PersonId}/care-plan/goals/{goal.GetProperty("id").GetGuid()}",
            new { text = "I want to get back to my Tuesday lunch club", status = "Achieved" }, Cancel));
        Assert.Equal("Achieved", changed.GetProperty("status").GetString());
        Assert.Equal(CareTeamScenario.GpPracticeName, changed.GetProperty("changed").GetProperty("organisation").GetString());

        await using var db = factory.CreateDbContext();
        var goalId = goal.GetProperty("id").GetGuid().ToString();
        var goalEvents = await db.AuditEvents.Where(e => e.EntityId == goalId).OrderBy(e => e.Sequence).ToListAsync(Cancel);
        Assert.Equal(2, goalEvents.Count);
        Assert.Equal([s.LinkWorker.Id, s.Gp.Id], goalEvents.Select(e => e.ActorUserId!.Value));
        Assert.DoesNotContain(goalEvents, e => e.Summary.Contains("lunch club", StringComparison.Ordinal));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == PersonRecords.ReadAction && e.EntityId == s.PersonId.ToString()
            && e.ActorUserId == s.Gp.Id && e.Summary.Contains("Care plan API"), Cancel));
    }

    [Fact]
    public async Task Action_OwnedByAnOrganisationNotOnTheCareTeam_IsRefusedNamingTheField()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var linkWorker = await factory.SignedInClientAsync(s.LinkWorker.Email);
        var outsiderOrganisation = s.Outsider.OrganisationId;

        var problem = await ProblemAsync(await linkWorker.PostAsJsonAsync($"/api/people/{s.PersonId}/care-plan/actions",
            new { description = "Debt advice appointment", ownerOrganisationId = outsiderOrganisation }, Cancel), HttpStatusCode.BadRequest);

        Assert.Equal("care-plans.owner-not-on-care-team", problem.GetProperty("code").GetString());
        Assert.Contains("care team", problem.GetProperty("errors").GetProperty("ownerOrganisationId")[0].GetString());
        await using var db = factory.CreateDbContext();
        Assert.False(await db.CarePlanActions.AnyAsync(a => a.PersonId == s.PersonId, Cancel));
    }

    [Fact]
    public async Task Goal_WithoutText_Or_UnreadableStatus_Is400NamingTheField()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var gp = await factory.SignedInClientAsync(s.Gp.Email);

        var empty = await ProblemAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/care-plan/goals", new { text = "  " }, Cancel), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("text", out _));

        var badStatus = await ProblemAsync(await gp.PostAsync($"/api/people/{s.PersonId}/care-plan/goals",
            new StringContent("""{"text":"Sleep better","status":"Sorted"}""", System.Text.Encoding.UTF8, "application/json"), Cancel), HttpStatusCode.BadRequest);
        Assert.True(badStatus.GetProperty("errors").TryGetProperty("$.status", out _));

        var review = await ProblemAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/care-plan/reviews", new { notes = "No date" }, Cancel), HttpStatusCode.BadRequest);
        Assert.True(review.GetProperty("errors").TryGetProperty("dueDate", out _));
    }
}
