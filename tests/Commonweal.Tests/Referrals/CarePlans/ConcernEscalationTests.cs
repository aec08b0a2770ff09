using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Referrals;
using Commonweal.Referrals.Concerns;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Commonweal.Tests.Referrals.CarePlans;

/// <summary>Unacknowledged high-severity concerns escalate after the configured time, once, by moving the clock.</summary>
public sealed class ConcernEscalationTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly ConcernOptions FourHours = new();

    private static readonly DateTimeOffset RaisedAt = new(2027, 3, 3, 14, 5, 0, TimeSpan.Zero);

    private CommonwealDbContext At(DateTimeOffset when) => factory.Database.CreateContext(time: new MovableTime(when));

    private async Task<Guid> RaiseAsync(CareTeamScenario s, ConcernSeverity severity = ConcernSeverity.High)
    {
        await using var db = At(RaisedAt);
        var raised = await new ConcernWork(db, new PersonRecords(db)).RaiseAsync(s.PersonId,
            new ConcernInput { Kind = ConcernKind.Safeguarding, Severity = severity, Description = "Missed three visits; door not answered" }, s.LinkWorker.Viewer, Cancel);
        Assert.True(raised.Succeeded, raised.Message);
        return raised.Value!.Concern.Id;
    }

    private async Task<int> EscalateAsync(DateTimeOffset when)
    {
        await using var db = At(when);
        return await new ConcernEscalation(db, FourHours).RunAsync(when.UtcDateTime, Cancel);
    }

    private async Task<Concern> ConcernAsync(Guid id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Concerns.AsNoTracking().SingleAsync(c => c.Id == id, Cancel);
    }

    private async Task<int> EscalationEventsAsync(Guid id)
    {
        await using var db = factory.CreateDbContext();
        return await db.AuditEvents.CountAsync(e => e.Action == ConcernEscalation.EscalatedAction && e.EntityId == id.ToString(), Cancel);
    }

    [Fact]
    public async Task Unacknowledged_HighSeverity_EscalatesAfterFourHours_Once_AndThenReachesTheAdmins()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var id = await RaiseAsync(s);

        await EscalateAsync(RaisedAt.AddHours(4).AddMinutes(-1));
        Assert.Null((await ConcernAsync(id)).EscalatedAt);
        await using (var db = At(RaisedAt.AddHours(1)))
        {
            var before = await new ConcernWork(db, new PersonRecords(db)).MineAsync(s.LinkWorkersAdmin.Viewer, Cancel);
            Assert.DoesNotContain(before, v => v.Concern.Id == id);
        }

        var due = RaisedAt.AddHours(4).AddMinutes(1);
        await EscalateAsync(due);
        await EscalateAsync(due.AddHours(2));

        Assert.Equal(due.UtcDateTime, (await ConcernAsync(id)).EscalatedAt);
        Assert.Equal(1, await EscalationEventsAsync(id));
        await using (var db = At(due.AddHours(3)))
        {
            var after = await new ConcernWork(db, new PersonRecords(db)).MineAsync(s.LinkWorkersAdmin.Viewer, Cancel);
            var seen = Assert.Single(after, v => v.Concern.Id == id);
            Assert.Equal(ConcernSight.EscalationAdmin, seen.Sight);
            Assert.True(seen.Concern.IsEscalated);
        }
    }

    [Fact]
    public async Task AcknowledgedByEveryOrganisation_DoesNotEscalate_ButOneMissing_Does()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var all = await RaiseAsync(s);
        var partly = await RaiseAsync(s);
        var leads = new List<Viewer>();
        await using (var db = factory.CreateDbContext())
        {
            foreach (var organisation in new[] { s.GpPractice, s.LinkWorkers, s.Council })
            {
                var email = $"dsl-{Guid.NewGuid():N}@commonweal.example";
                var user = await ProcurementTestData.CommissionerAsync(db, email, organisation, MembershipRole.SafeguardingLead);
                leads.Add(new Viewer(user.Id, user.DisplayName, false, [(organisation, MembershipRole.SafeguardingLead)]));
            }
        }

        await using (var db = At(RaisedAt.AddHours(1)))
        {
            var work = new ConcernWork(db, new PersonRecords(db));
            foreach (var lead in leads)
            {
                Assert.True((await work.AcknowledgeAsync(all, null, lead, Cancel)).Succeeded);
            }

            Assert.True((await work.AcknowledgeAsync(partly, null, leads[0], Cancel)).Succeeded);
        }

        await EscalateAsync(RaisedAt.AddHours(5));

        Assert.Null((await ConcernAsync(all)).EscalatedAt);
        Assert.NotNull((await ConcernAsync(partly)).EscalatedAt);
        Assert.Equal(0, await EscalationEventsAsync(all));
    }

    [Fact]
    public async Task Closed_BeforeItIsDue_DoesNotEscalate()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var id = await RaiseAsync(s);
        await using (var db = At(RaisedAt.AddHours(1)))
        {
            var closed = await new ConcernWork(db, new PersonRecords(db)).CloseAsync(id,
                new ConcernClosingInput { Outcome = "Visited with the district nurse: she had been in hospital" }, s.Gp.Viewer, cancellationToken: Cancel);
            Assert.True(closed.Succeeded, closed.Message);
        }

        await EscalateAsync(RaisedAt.AddHours(5));

        Assert.Null((await ConcernAsync(id)).EscalatedAt);
        Assert.Equal(0, await EscalationEventsAsync(id));
    }

    [Fact]
    public async Task Escalated_TheAdminSeesIt_ButOnlyTheCareTeamOrTheLeadsCloseIt()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var id = await RaiseAsync(s);
        await EscalateAsync(RaisedAt.AddHours(5));
        var closing = new ConcernClosingInput { Outcome = "Door answered: she had been staying with her sister" };

        await using var db = At(RaisedAt.AddHours(6));
        var work = new ConcernWork(db, new PersonRecords(db));
        var seen = await work.GetAsync(id, s.LinkWorkersAdmin.Viewer, "Test", Cancel);
        Assert.True(seen.Succeeded, seen.Message);
        Assert.False(seen.Value!.CanClose);
        var refused = await work.CloseAsync(id, closing, s.LinkWorkersAdmin.Viewer, cancellationToken: Cancel);
        Assert.Equal((PersonErrors.NotAllowed, ConcernAccess.CloseNotAllowedMessage), (refused.ErrorCode, refused.Message));

        var closed = await work.CloseAsync(id, closing, s.LinkWorker.Viewer, cancellationToken: Cancel);
        Assert.True(closed.Succeeded, closed.Message);
        Assert.NotNull((await ConcernAsync(id)).EscalatedAt);
    }

    [Fact]
    public async Task MediumSeverity_DoesNotEscalate()
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        var id = await RaiseAsync(s, ConcernSeverity.Medium);

        await EscalateAsync(RaisedAt.AddDays(3));

        Assert.Null((await ConcernAsync(id)).EscalatedAt);
    }

    [Fact]
    public void Host_RunsTheEscalationJob_WithFourHoursByDefault()
    {
        Assert.Contains(factory.Services.GetServices<IHostedService>(), s => s is ConcernEscalationService);
        Assert.Equal(TimeSpan.FromHours(4), factory.Services.GetRequiredService<IOptions<ConcernOptions>>().Value.EscalateAfter);
    }
}
