using System.Net;
using System.Net.Http.Json;
using Commonweal.Referrals.Concerns;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Commonweal.Tests.Referrals.CarePlans.CarePlanApiTests;

namespace Commonweal.Tests.Referrals.CarePlans;

public sealed class ConcernsApiTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Description = "Bruising on both arms; says a new lodger is taking her pension";

    private async Task<(CareTeamScenario S, Guid ConcernId)> RaisedAsync()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var linkWorker = await factory.SignedInClientAsync(s.LinkWorker.Email);
        var raised = await OkAsync(await linkWorker.PostAsJsonAsync($"/api/people/{s.PersonId}/concerns",
            new { kind = "Safeguarding", severity = "High", description = Description }, Cancel), HttpStatusCode.Created);
        return (s, raised.GetProperty("id").GetGuid());
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
}
