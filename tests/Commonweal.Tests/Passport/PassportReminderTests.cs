using Commonweal.Organisations;
using Commonweal.Passport;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Passport;

/// <summary>The reminder job records each threshold once, from the database's state alone.</summary>
public sealed class PassportReminderTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly DateTime Start = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private async Task<(Guid Organisation, InsurancePolicy Policy)> ArrangeAsync(DateOnly expires)
    {
        await using var db = fixture.Database.CreateContext();
        var organisation = new Organisation { Name = $"Reminder test {Guid.NewGuid():N}" };
        db.Organisations.Add(organisation);
        var policy = new InsurancePolicy
        {
            OrganisationId = organisation.Id, Kind = EvidenceKind.PublicLiabilityInsurance, Insurer = "Thameside Mutual",
            PolicyNumber = "PL-1", Cover = 1_000_000m, StartsOn = expires.AddYears(-1), ExpiresOn = expires,
        };
        db.PassportEvidence.Add(policy);
        await db.SaveChangesAsync(Cancel);
        return (organisation.Id, policy);
    }

    /// <summary>Each run on a fresh context, as after a restart.</summary>
    private async Task<int> RunAsync(DateTime now)
    {
        await using var db = fixture.Database.CreateContext();
        return await PassportReminders.RunAsync(db, now, Cancel);
    }

    private async Task<List<PassportReminder>> RemindersAsync(Guid organisation)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.PassportReminders.Where(r => r.OrganisationId == organisation).OrderBy(r => r.RecordedAt).ToListAsync(Cancel);
    }

    [Fact]
    public async Task Run_RecordsEachThresholdOnce_AsTimeMoves()
    {
        var expires = DateOnly.FromDateTime(Start).AddDays(90);
        var (organisation, policy) = await ArrangeAsync(expires);

        await RunAsync(Start);
        Assert.Empty(await RemindersAsync(organisation));

        var sixtyDaysBefore = Start.AddDays(30);
        await RunAsync(sixtyDaysBefore);
        await RunAsync(sixtyDaysBefore.AddHours(1));
        var expiring = Assert.Single(await RemindersAsync(organisation));
        Assert.Equal((policy.Id, ReminderThreshold.ExpiringSoon, expires), (expiring.EvidenceId, expiring.Threshold, expiring.DueOn));

        var dayAfterExpiry = Start.AddDays(91);
        await RunAsync(dayAfterExpiry);
        await RunAsync(dayAfterExpiry.AddDays(7));
        var reminders = await RemindersAsync(organisation);
        Assert.Equal([ReminderThreshold.ExpiringSoon, ReminderThreshold.Expired], reminders.Select(r => r.Threshold));
    }

    [Fact]
    public async Task Run_ItemFirstSeenExpired_GetsOnlyTheExpiredReminder()
    {
        var (organisation, _) = await ArrangeAsync(DateOnly.FromDateTime(Start).AddDays(-3));

        await RunAsync(Start);

        Assert.Equal(ReminderThreshold.Expired, Assert.Single(await RemindersAsync(organisation)).Threshold);
    }

    [Fact]
    public async Task Run_AfterRenewal_RemindsAgainOnlyWhenTheNewDateComesNear()
    {
        var expires = DateOnly.FromDateTime(Start).AddDays(10);
        var (organisation, policy) = await ArrangeAsync(expires);
        await RunAsync(Start);

        await using (var db = fixture.Database.CreateContext())
        {
            var tracked = await db.PassportEvidence.OfType<InsurancePolicy>().SingleAsync(p => p.Id == policy.Id, Cancel);
            tracked.ExpiresOn = expires.AddYears(1);
            await db.SaveChangesAsync(Cancel);
        }

        // Other tests' organisations share the database, so what this one got is counted by organisation.
        await RunAsync(Start.AddDays(1));
        Assert.Single(await RemindersAsync(organisation));
        await using (var db = fixture.Database.CreateContext())
        {
            var status = await PassportStatus.LoadAsync(db, organisation, Start.AddDays(1), Cancel);
            Assert.Empty(await PassportReminders.OpenAsync(db, organisation, status, Cancel));
        }

        await RunAsync(Start.AddDays(320));
        var reminders = await RemindersAsync(organisation);
        Assert.Equal([expires, expires.AddYears(1)], reminders.Select(r => r.DueOn));
    }

    [Fact]
    public async Task Reminders_AreNotWrittenToTheAuditLog_ButTheEvidenceIs()
    {
        var (_, policy) = await ArrangeAsync(DateOnly.FromDateTime(Start).AddDays(5));

        await RunAsync(Start);

        await using var db = fixture.Database.CreateContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "InsurancePolicy.Created" && e.EntityId == policy.Id.ToString(), Cancel));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(PassportReminder), Cancel));
    }
}
