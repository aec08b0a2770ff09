using Commonweal.Outcomes;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static Commonweal.Tests.Outcomes.OutcomeTestData;

namespace Commonweal.Tests.Outcomes;

/// <summary>
/// The pairs analysis reads (<see cref="OutcomePair"/>) follow the responses: each save that adds or
/// removes a response pairs its referral afresh, and the migration that introduced pairs made the same
/// pairs from the responses already recorded (the demo area's several hundred, and the cases here).
/// </summary>
public sealed class OutcomePairingTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static readonly DateTime Referred = new(2021, 5, 3, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Each_response_recorded_or_removed_pairs_its_referral_afresh()
    {
        await using var db = factory.CreateDbContext();
        var service = await ServiceAsync(db, "Stepney Money Advice", await NeedAsync(db));
        var referral = await ReferralAsync(db, service, Referred, Baseline(4, 6));
        var other = await ReferralAsync(db, service, Referred, Baseline(2, 8), FollowUp(3, 3, 7));

        var pairs = await PairsAsync(referral);
        Assert.Equal(["anxiety", "happiness", "life_satisfaction", "worthwhile"], pairs.Select(p => p.ScaleKey));
        Assert.All(pairs, p => Assert.Equal((service, Referred, false, (double?)null), (p.ServiceId, p.ReferredAt, p.Paired, p.Latest)));
        Assert.Equal([6.0, 4, 4, 4], pairs.Select(p => p.Baseline));

        await RespondAsync(db, referral, OutcomeTimepoint.FollowUp, 3, 5, 5, Referred.AddMonths(3));
        Assert.Equal([(6.0, 5.0), (4, 5), (4, 5), (4, 5)], (await PairsAsync(referral)).Select(p => (p.Baseline, p.Latest!.Value)));

        // Answered the same day as the 6-month follow-up but recorded after it: the discharge is the latest.
        var answered = Referred.AddMonths(6);
        await RespondAsync(db, referral, OutcomeTimepoint.FollowUp, 6, 7, 3, answered);
        var discharge = await RespondAsync(db, referral, OutcomeTimepoint.Discharge, null, 6, 4, answered.AddHours(1));
        Assert.Equal([4.0, 6, 6, 6], (await PairsAsync(referral)).Select(p => p.Latest!.Value));

        db.Remove(await db.OutcomeResponses.FirstAsync(r => r.Id == discharge, TestContext.Current.CancellationToken));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        Assert.Equal([3.0, 7, 7, 7], (await PairsAsync(referral)).Select(p => p.Latest!.Value));
        Assert.All(await PairsAsync(referral), p => Assert.True(p.Paired));

        Assert.Equal([7.0, 3, 3, 3], (await PairsAsync(other)).Select(p => p.Latest!.Value));
    }

    [Fact]
    public async Task The_migration_made_the_pairs_the_code_makes()
    {
        await using (var db = factory.CreateDbContext())
        {
            var service = await ServiceAsync(db, "Bow Community Kitchen", await NeedAsync(db));
            await ReferralAsync(db, service, Referred, Baseline(3, 7), FollowUp(3, 5, 5), Discharge(6, 4, 200));
            await ReferralAsync(db, service, Referred, Baseline(5, 5));
            // A follow-up and a discharge answered and recorded at the same moment: the id decides, in SQL as in code.
            var tied = await ReferralAsync(db, service, Referred, Baseline(2, 9));
            await RespondAsync(db, tied, OutcomeTimepoint.FollowUp, 3, 4, 6, Referred.AddMonths(3));
            await RespondAsync(db, tied, OutcomeTimepoint.Discharge, null, 8, 2, Referred.AddMonths(3));
        }

        var made = await AllPairsAsync();
        Assert.Contains(made, p => p.Paired);
        Assert.True(made.Count > 400, $"the demo area's responses are paired too ({made.Count} pairs)");

        await using (var db = factory.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var introduced = migrations.FindIndex(m => m.EndsWith("_OutcomePairs", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[introduced - 1], TestContext.Current.CancellationToken);
            await migrator.MigrateAsync(cancellationToken: TestContext.Current.CancellationToken);
        }

        Assert.Equal(made, await AllPairsAsync());
    }

    private async Task<List<OutcomePair>> PairsAsync(Guid referral)
    {
        await using var db = factory.CreateDbContext();
        return await db.OutcomePairs.AsNoTracking().Where(p => p.ReferralId == referral).OrderBy(p => p.ScaleKey).ToListAsync(TestContext.Current.CancellationToken);
    }

    private sealed record Stored(Guid ReferralId, string Instrument, string Scale, Guid ServiceId, DateTime ReferredAt, double Baseline, bool Paired, double? Latest);

    private async Task<List<Stored>> AllPairsAsync()
    {
        await using var db = factory.CreateDbContext();
        return [.. (await db.OutcomePairs.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken))
            .Select(p => new Stored(p.ReferralId, p.InstrumentKey, p.ScaleKey, p.ServiceId, p.ReferredAt, p.Baseline, p.Paired, p.Latest))
            .OrderBy(p => p.ReferralId).ThenBy(p => p.Instrument, StringComparer.Ordinal).ThenBy(p => p.Scale, StringComparer.Ordinal)];
    }
}
