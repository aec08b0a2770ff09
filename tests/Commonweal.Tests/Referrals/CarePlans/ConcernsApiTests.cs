using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Referrals.Concerns;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Commonweal.Tests.Referrals.CarePlans.CarePlanApiTests;

namespace Commonweal.Tests.Referrals.CarePlans;

public sealed class ConcernsApiTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Description = "Bruising on both arms; says a new lodger is taking her pension";
    private const string Outcome = "Adult social care visited with the police; the lodger has left and her pension is paid to her alone";

    private async Task<(CareTeamScenario S, Guid ConcernId)> RaisedAsync()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var linkWorker = await factory.SignedInClientAsync(s.LinkWorker.Email);
        var raised = await OkAsync(await linkWorker.PostAsJsonAsync($"/api/people/{s.PersonId}/concerns",
            new { kind = "Safeguarding", severity = "High", description = Description }, Cancel), HttpStatusCode.Created);
        return (s, raised.GetProperty("id").GetGuid());
    }

    private static Task<HttpResponseMessage> CloseAsync(HttpClient client, Guid personId, Guid concernId, object? body) =>
        client.PostAsJsonAsync($"/api/people/{personId}/concerns/{concernId}/close", body, Cancel);

    private async Task<Concern> StoredAsync(Guid id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Concerns.AsNoTracking().SingleAsync(c => c.Id == id, Cancel);
    }

    [Fact]
    public async Task Raised_ShowsToTheTeam_AndToTheInvolvedSafeguardingLead_WhoAcknowledgesForTheirOrganisation()
    {
        var (s, id) = await RaisedAsync();
        var gp = await factory.SignedInClientAsync(s.Gp.Email);
        var lead = await factory.SignedInClientAsync(s.CouncilSafeguardingLead.Email);

        var forTeam = Assert.Single((await OkAsync(await gp.GetAsync($"/api/people/{s.PersonId}/concerns", Cancel))).EnumerateArray());
        Assert.Equal(Description, forTeam.GetProperty("description").GetString());
        Assert.Equal(CareTeamScenario.LinkWorkersName, forTeam.GetProperty("raisedByOrganisation").GetString());
        Assert.Equal(3, forTeam.GetProperty("organisations").GetArrayLength());
        Assert.All(forTeam.GetProperty("organisations").EnumerateArray(), o => Assert.False(o.GetProperty("acknowledged").GetBoolean()));
        Assert.Empty(forTeam.GetProperty("canAcknowledgeFor").EnumerateArray());

        // The council's safeguarding lead is not on the team: the concern reaches them, the record does not.
        // (Other tests in this class involve the council too, so their concerns are in the list as well.)
        var mine = Assert.Single((await OkAsync(await lead.GetAsync("/api/concerns", Cancel))).EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.StartsWith("Maureen ", mine.GetProperty("personName").GetString());
        Assert.Equal([s.Council], mine.GetProperty("canAcknowledgeFor").EnumerateArray().Select(e => e.GetGuid()));
        await ProblemAsync(await lead.GetAsync($"/api/people/{s.PersonId}/care-plan", Cancel), HttpStatusCode.Forbidden);

        var acknowledged = await OkAsync(await lead.PostAsync($"/api/concerns/{id}/acknowledge", null, Cancel));
        var council = acknowledged.GetProperty("organisations").EnumerateArray().Single(o => o.GetProperty("organisationId").GetGuid() == s.Council);
        Assert.True(council.GetProperty("acknowledged").GetBoolean());
        Assert.Equal(s.CouncilSafeguardingLead.Name, council.GetProperty("acknowledgedBy").GetString());
        Assert.Equal(2, acknowledged.GetProperty("organisations").EnumerateArray().Count(o => !o.GetProperty("acknowledged").GetBoolean()));

        var again = await ProblemAsync(await lead.PostAsync($"/api/concerns/{id}/acknowledge", null, Cancel), HttpStatusCode.BadRequest);
        Assert.Equal(ConcernErrors.AlreadyAcknowledged, again.GetProperty("code").GetString());

        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == ConcernWork.ReadAction && e.EntityId == id.ToString() && e.ActorUserId == s.CouncilSafeguardingLead.Id, Cancel));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Summary.Contains("lodger"), Cancel));
    }

    [Fact]
    public async Task CareTeamMember_WhoIsNotASafeguardingLead_CannotAcknowledge()
    {
        var (s, id) = await RaisedAsync();
        var gp = await factory.SignedInClientAsync(s.Gp.Email);

        var problem = await ProblemAsync(await gp.PostAsync($"/api/concerns/{id}/acknowledge", null, Cancel), HttpStatusCode.Forbidden);

        Assert.Equal("people.not-allowed", problem.GetProperty("code").GetString());
        await using var db = factory.CreateDbContext();
        Assert.False(await db.ConcernAcknowledgements.AnyAsync(a => a.ConcernId == id, Cancel));
    }

    [Fact]
    public async Task SafeguardingLead_OfAnOrganisationNotInvolved_SeesNothing()
    {
        var (s, id) = await RaisedAsync();
        var other = await factory.SignedInClientAsync(s.UninvolvedSafeguardingLead.Email);

        Assert.Empty((await OkAsync(await other.GetAsync("/api/concerns", Cancel))).EnumerateArray());
        await ProblemAsync(await other.GetAsync($"/api/people/{s.PersonId}/concerns", Cancel), HttpStatusCode.Forbidden);
        await ProblemAsync(await other.GetAsync($"/api/concerns/{id}", Cancel), HttpStatusCode.Forbidden);
        await ProblemAsync(await other.PostAsync($"/api/concerns/{id}/acknowledge", null, Cancel), HttpStatusCode.Forbidden);
        var page = await other.GetAsync($"/concerns/{id}", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("lodger", await page.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Raise_WithMissingFields_Is400NamingEachField()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var gp = await factory.SignedInClientAsync(s.Gp.Email);

        var problem = await ProblemAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/concerns", new { description = "" }, Cancel), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("severity", out _));
        Assert.True(errors.TryGetProperty("description", out _));
    }

    [Fact]
    public async Task Close_ByACareTeamMember_RecordsWhenWhoAndFromWhere_WithTheOutcome_AndIsAudited()
    {
        var (s, id) = await RaisedAsync();
        var gp = await factory.SignedInClientAsync(s.Gp.Email);
        var open = await OkAsync(await gp.GetAsync($"/api/concerns/{id}", Cancel));
        Assert.Equal("Open", open.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("closedAt").ValueKind);
        Assert.True(open.GetProperty("canClose").GetBoolean());

        var closed = await OkAsync(await CloseAsync(gp, s.PersonId, id, new { outcome = $"  {Outcome} " }));

        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(s.Gp.Name, closed.GetProperty("closedBy").GetString());
        Assert.Equal(CareTeamScenario.GpPracticeName, closed.GetProperty("closedByOrganisation").GetString());
        Assert.Equal(Outcome, closed.GetProperty("outcome").GetString());
        Assert.False(closed.GetProperty("canClose").GetBoolean());
        var stored = await StoredAsync(id);
        // PostgreSQL keeps microseconds; the answer was made from the value before it was stored.
        Assert.Equal(stored.ClosedAt!.Value, closed.GetProperty("closedAt").GetDateTimeOffset().UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal((s.Gp.Id, s.GpPractice), (stored.ClosedByUserId, stored.ClosedByOrganisationId));
        var read = await OkAsync(await gp.GetAsync($"/api/people/{s.PersonId}/concerns", Cancel));
        Assert.Equal("Closed", Assert.Single(read.EnumerateArray()).GetProperty("status").GetString());

        await using var db = factory.CreateDbContext();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == "Concern.Updated" && e.EntityId == id.ToString(), Cancel);
        Assert.Equal(s.Gp.Id, audit.ActorUserId);
        Assert.Contains(CareTeamScenario.GpPracticeName, audit.Summary);
        // The outcome is as sensitive as the concern: the log says it changed, not what it says.
        Assert.Contains("Outcome", audit.Summary);
        Assert.DoesNotContain("pension", audit.Summary);
    }

    [Fact]
    public async Task Close_ByTheInvolvedSafeguardingLead_IsForTheirOrganisation_AndClosingAgainIsRefused()
    {
        var (s, id) = await RaisedAsync();
        var lead = await factory.SignedInClientAsync(s.CouncilSafeguardingLead.Email);
        var gp = await factory.SignedInClientAsync(s.Gp.Email);

        var closed = await OkAsync(await CloseAsync(lead, s.PersonId, id, new { outcome = Outcome }));
        Assert.Equal(CareTeamScenario.CouncilName, closed.GetProperty("closedByOrganisation").GetString());

        var again = await ProblemAsync(await CloseAsync(gp, s.PersonId, id, new { outcome = "Closed again" }), HttpStatusCode.Conflict);
        Assert.Equal(ConcernErrors.AlreadyClosed, again.GetProperty("code").GetString());
        Assert.StartsWith($"This concern was closed by {s.CouncilSafeguardingLead.Name} ({CareTeamScenario.CouncilName}) at ", again.GetProperty("title").GetString());
        var stored = await StoredAsync(id);
        Assert.Equal((s.CouncilSafeguardingLead.Id, Outcome), (stored.ClosedByUserId, stored.Outcome));
    }

    [Fact]
    public async Task Close_WithoutAnOutcome_OrWithTooLongAnOne_Is400NamingOutcome_AndTheConcernStaysOpen()
    {
        var (s, id) = await RaisedAsync();
        var gp = await factory.SignedInClientAsync(s.Gp.Email);

        foreach (var response in new[]
        {
            await gp.PostAsync($"/api/people/{s.PersonId}/concerns/{id}/close", null, Cancel),
            await CloseAsync(gp, s.PersonId, id, new { outcome = "   " }),
            await CloseAsync(gp, s.PersonId, id, new { outcome = new string('x', Concern.OutcomeMaxLength + 1) }),
        })
        {
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Single(problem.GetProperty("errors").GetProperty("outcome").EnumerateArray());
        }

        Assert.Null((await StoredAsync(id)).ClosedAt);
    }

    [Fact]
    public async Task Close_ByThoseWhoMayNotReadTheConcern_IsRefusedAsReadingIs_AndChangesNothing()
    {
        var (s, id) = await RaisedAsync();
        var outsider = await factory.SignedInClientAsync(s.Outsider.Email);
        var uninvolvedLead = await factory.SignedInClientAsync(s.UninvolvedSafeguardingLead.Email);
        var gp = await factory.SignedInClientAsync(s.Gp.Email);

        await ProblemAsync(await CloseAsync(factory.CreateClient(new() { AllowAutoRedirect = false }), s.PersonId, id, new { outcome = Outcome }), HttpStatusCode.Unauthorized);
        foreach (var client in new[] { outsider, uninvolvedLead })
        {
            var read = await ProblemAsync(await client.GetAsync($"/api/concerns/{id}", Cancel), HttpStatusCode.Forbidden);
            var close = await ProblemAsync(await CloseAsync(client, s.PersonId, id, new { outcome = Outcome }), HttpStatusCode.Forbidden);
            Assert.Equal(read.GetProperty("code").GetString(), close.GetProperty("code").GetString());
            Assert.Equal(read.GetProperty("title").GetString(), close.GetProperty("title").GetString());
        }

        // The care team's own concern, named under another person: refused as though unseen.
        var elsewhere = await ProblemAsync(await CloseAsync(gp, Guid.CreateVersion7(), id, new { outcome = Outcome }), HttpStatusCode.Forbidden);
        Assert.Equal(ConcernAccess.NoAccessMessage, elsewhere.GetProperty("title").GetString());
        Assert.Null((await StoredAsync(id)).ClosedAt);
    }

    [Fact]
    public async Task Acknowledge_AfterClose_IsRefused_AndNothingIsRecorded()
    {
        var (s, id) = await RaisedAsync();
        var gp = await factory.SignedInClientAsync(s.Gp.Email);
        var lead = await factory.SignedInClientAsync(s.CouncilSafeguardingLead.Email);
        await OkAsync(await CloseAsync(gp, s.PersonId, id, new { outcome = Outcome }));

        var seen = await OkAsync(await lead.GetAsync($"/api/concerns/{id}", Cancel));
        Assert.Empty(seen.GetProperty("canAcknowledgeFor").EnumerateArray());
        var problem = await ProblemAsync(await lead.PostAsync($"/api/concerns/{id}/acknowledge", null, Cancel), HttpStatusCode.Conflict);

        Assert.Equal(ConcernErrors.Closed, problem.GetProperty("code").GetString());
        Assert.EndsWith("it no longer needs acknowledging.", problem.GetProperty("title").GetString());
        await using var db = factory.CreateDbContext();
        Assert.False(await db.ConcernAcknowledgements.AnyAsync(a => a.ConcernId == id, Cancel));
    }

    [Fact]
    public async Task MyConcerns_ListOpenOnesFirst_AndClosedOnesAfter()
    {
        var (s, older) = await RaisedAsync();
        var linkWorker = await factory.SignedInClientAsync(s.LinkWorker.Email);
        var newer = (await OkAsync(await linkWorker.PostAsJsonAsync($"/api/people/{s.PersonId}/concerns",
            new { kind = "Wellbeing", severity = "Low", description = "Not eating" }, Cancel), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await OkAsync(await CloseAsync(linkWorker, s.PersonId, newer, new { outcome = "Meals on wheels arranged" }));

        var mine = (await OkAsync(await linkWorker.GetAsync("/api/concerns", Cancel))).EnumerateArray()
            .Select(c => (c.GetProperty("id").GetGuid(), c.GetProperty("status").GetString())).ToList();

        // Newest first would put the closed one on top.
        Assert.Equal([(older, "Open"), (newer, "Closed")], mine);
    }
}
