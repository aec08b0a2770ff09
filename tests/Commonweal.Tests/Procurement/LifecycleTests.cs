using Commonweal.Audit;
using Commonweal.Organisations;
using Commonweal.Procurement;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Procurement;

public sealed class LifecycleTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly Actor Commissioner = new(Guid.NewGuid(), "Test Commissioner");

    /// <summary>Published at 09:00 UTC on 4 January 2027; bids close at noon on 3 February.</summary>
    private static readonly DateOnly Publication = new(2027, 1, 4);
    private static readonly DateTimeOffset PublishedAt = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    private async Task<Guid> PublishedAsync(MovableTime time)
    {
        await using var db = fixture.Database.CreateContext(Commissioner, time);
        var organisation = new Organisation { Name = $"Commissioning body {Guid.NewGuid():N}", LegalForm = LegalForm.IntegratedCareBoard };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(Cancel);
        var o = await OpportunityEditing.CreateAsync(db, ProcurementTestData.FairDraft(organisation.Id, Publication), Commissioner.UserId, Cancel);
        Assert.True(OpportunityLifecycle.Publish(o, Commissioner, db.Now).Succeeded);
        await db.SaveChangesAsync(Cancel);
        return o.Id;
    }

    private async Task<Opportunity> LoadAsync(Guid id)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.Opportunities.Include(o => o.Transitions).SingleAsync(o => o.Id == id, Cancel);
    }

    [Fact]
    public async Task Clock_BeforeTheSubmissionDeadline_LeavesItOpen_AfterIt_ClosesItOnce()
    {
        var time = new MovableTime(PublishedAt);
        var id = await PublishedAsync(time);
        var deadline = (await LoadAsync(id)).SubmissionDeadline;

        await using (var db = fixture.Database.CreateContext(time: time))
        {
            await new ProcurementClock(db).AdvanceAsync(deadline.AddMinutes(-1), Cancel);
        }

        Assert.Equal(OpportunityStatus.Published, (await LoadAsync(id)).Status);

        for (var run = 0; run < 2; run++)
        {
            await using var db = fixture.Database.CreateContext(time: time);
            await new ProcurementClock(db).AdvanceAsync(deadline.AddMinutes(1), Cancel);
        }

        var closed = await LoadAsync(id);
        Assert.Equal(OpportunityStatus.Closed, closed.Status);
        var transition = Assert.Single(closed.Transitions, t => t.To == OpportunityStatus.Closed);
        Assert.Equal(OpportunityStatus.Published, transition.From);
        Assert.Equal(ProcurementClock.ClockActor.Name, transition.By);
        Assert.Equal("The submission deadline passed.", transition.Reason);
        Assert.Equal(deadline.AddMinutes(1), transition.At);
    }

    [Fact]
    public async Task FullLifecycle_WithMovedTime_AwardsWhenTheStandstillEnds()
    {
        var time = new MovableTime(PublishedAt);
        var id = await PublishedAsync(time);
        await using var db = fixture.Database.CreateContext(Commissioner, time);
        var o = await db.Opportunities.Include(x => x.Transitions).SingleAsync(x => x.Id == id, Cancel);

        time.Now = new DateTimeOffset(o.SubmissionDeadline, TimeSpan.Zero).AddHours(1);
        Assert.True(OpportunityLifecycle.Transition(o, OpportunityStatus.Closed, Commissioner, db.Now).Succeeded);
        Assert.True(OpportunityLifecycle.Transition(o, OpportunityStatus.Evaluation, Commissioner, db.Now).Succeeded);
        Assert.True(OpportunityLifecycle.Transition(o, OpportunityStatus.IntentionToAward, Commissioner, db.Now).Succeeded);
        // The intention to award is sent on Thursday 25 March 2027: the standstill runs over Easter to 8 April.
        time.Now = new DateTimeOffset(2027, 3, 25, 10, 0, 0, TimeSpan.Zero);
        Assert.True(OpportunityLifecycle.Transition(o, OpportunityStatus.Standstill, Commissioner, db.Now).Succeeded);
        await db.SaveChangesAsync(Cancel);
        Assert.Equal(new DateTime(2027, 4, 8, 23, 0, 0, DateTimeKind.Utc), o.StandstillEndsAt);

        var early = OpportunityLifecycle.Transition(o, OpportunityStatus.Awarded, Commissioner, new DateTime(2027, 4, 8, 22, 59, 0, DateTimeKind.Utc));
        Assert.Equal(ProcurementErrors.StandstillNotOver, early.ErrorCode);

        await using (var clockDb = fixture.Database.CreateContext(time: time))
        {
            var before = await new ProcurementClock(clockDb).AdvanceAsync(new DateTime(2027, 4, 8, 22, 59, 0, DateTimeKind.Utc), Cancel);
            Assert.Equal(0, before.Awarded);
        }

        await using (var clockDb = fixture.Database.CreateContext(time: time))
        {
            var after = await new ProcurementClock(clockDb).AdvanceAsync(new DateTime(2027, 4, 8, 23, 0, 0, DateTimeKind.Utc), Cancel);
            Assert.Equal(1, after.Awarded);
        }

        var awarded = await LoadAsync(id);
        Assert.Equal(OpportunityStatus.Awarded, awarded.Status);
        Assert.Equal(
            [OpportunityStatus.Published, OpportunityStatus.Closed, OpportunityStatus.Evaluation, OpportunityStatus.IntentionToAward, OpportunityStatus.Standstill, OpportunityStatus.Awarded],
            awarded.Transitions.Select(t => t.To).Order().ToArray());
        Assert.All(awarded.Transitions.Where(t => t.To != OpportunityStatus.Awarded), t => Assert.Equal(Commissioner.UserId, t.ByUserId));
        await using var check = fixture.Database.CreateContext();
        Assert.True(await check.AuditEvents.AnyAsync(e => e.Action == "OpportunityTransition.Created" && e.Summary.Contains("Awarded"), Cancel));
    }

    [Fact]
    public async Task Transition_SkippingAStage_IsRefusedWithAStableCode()
    {
        var id = await PublishedAsync(new MovableTime(PublishedAt));
        var o = await LoadAsync(id);

        var result = OpportunityLifecycle.Transition(o, OpportunityStatus.Awarded, Commissioner, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.False(result.Succeeded);
        Assert.Equal(ProcurementErrors.TransitionNotAllowed, result.ErrorCode);
        Assert.Equal("An opportunity that is open for bids cannot become awarded.", result.Message);
        Assert.Equal(OpportunityStatus.Published, o.Status);
    }

    [Fact]
    public async Task Close_BeforeTheDeadline_IsRefused()
    {
        var id = await PublishedAsync(new MovableTime(PublishedAt));
        var o = await LoadAsync(id);

        var result = OpportunityLifecycle.Transition(o, OpportunityStatus.Closed, Commissioner, o.SubmissionDeadline.AddSeconds(-1));

        Assert.Equal(ProcurementErrors.DeadlineNotReached, result.ErrorCode);
        Assert.Contains("3 February 2027 12:00", result.Message);
    }

    [Fact]
    public async Task Cancel_NeedsAReason_AndIsRecordedWithIt_ButNotOnceCancelled()
    {
        var id = await PublishedAsync(new MovableTime(PublishedAt));
        await using var db = fixture.Database.CreateContext(Commissioner);
        var o = await db.Opportunities.Include(x => x.Transitions).SingleAsync(x => x.Id == id, Cancel);

        Assert.Equal(ProcurementErrors.ReasonRequired, OpportunityLifecycle.Transition(o, OpportunityStatus.Cancelled, Commissioner, db.Now, " ").ErrorCode);
        Assert.True(OpportunityLifecycle.Transition(o, OpportunityStatus.Cancelled, Commissioner, db.Now, "The service is being brought in house.").Succeeded);
        await db.SaveChangesAsync(Cancel);

        var again = OpportunityLifecycle.Transition(o, OpportunityStatus.Cancelled, Commissioner, db.Now, "Twice");
        Assert.Equal(ProcurementErrors.TransitionNotAllowed, again.ErrorCode);
        var cancelled = await LoadAsync(id);
        Assert.Equal(OpportunityStatus.Cancelled, cancelled.Status);
        Assert.Equal("The service is being brought in house.", Assert.Single(cancelled.Transitions, t => t.To == OpportunityStatus.Cancelled).Reason);
    }

    [Fact]
    public async Task Clock_WhenSomeoneElseMovedItFirst_LeavesTheirChange()
    {
        var time = new MovableTime(PublishedAt);
        var id = await PublishedAsync(time);
        var deadline = (await LoadAsync(id)).SubmissionDeadline;
        await using var clockDb = fixture.Database.CreateContext(time: time);
        var stale = await clockDb.Opportunities.SingleAsync(o => o.Id == id, Cancel);

        // A commissioner cancels after the clock has read the row but before it saves.
        await using (var db = fixture.Database.CreateContext(Commissioner, time))
        {
            var o = await db.Opportunities.SingleAsync(x => x.Id == id, Cancel);
            OpportunityLifecycle.Transition(o, OpportunityStatus.Cancelled, Commissioner, db.Now, "Withdrawn");
            await db.SaveChangesAsync(Cancel);
        }

        OpportunityLifecycle.Transition(stale, OpportunityStatus.Closed, ProcurementClock.ClockActor, deadline.AddMinutes(1));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => clockDb.SaveChangesAsync(Cancel));
        Assert.Equal(OpportunityStatus.Cancelled, (await LoadAsync(id)).Status);
    }
}
