using Commonweal.Audit;
using Commonweal.Outcomes;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Seed;

public sealed class ScaleOutcomesTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TinyScale_MakesTheResponsesAskedFor_EachWithItsFourScores_AndAFollowUpOnlyAfterABaseline()
    {
        await ScaleData.SeedAsync(() => database.Database.CreateContext(), 0.01, cancellationToken: Cancel);
        await ScaleDirectory.SeedAsync(() => database.Database.CreateContext(), 0.002, cancellationToken: Cancel);
        await ScaleReferrals.SeedAsync(() => database.Database.CreateContext(), 0.005, cancellationToken: Cancel);
        var reported = new List<int>();

        var made = await ScaleOutcomes.SeedAsync(() => database.Database.CreateContext(), 0.002, new Progress<int>(reported.Add), cancellationToken: Cancel);

        await using var db = database.Database.CreateContext();
        Assert.Equal(800, made);
        Assert.Equal(800, await db.OutcomeResponses.CountAsync(Cancel));
        Assert.Equal(3_200, await db.OutcomeScores.CountAsync(Cancel));
        Assert.False(await db.OutcomeResponses.AnyAsync(r => r.Timepoint != OutcomeTimepoint.Baseline
            && !db.OutcomeResponses.Any(b => b.ReferralId == r.ReferralId && b.Timepoint == OutcomeTimepoint.Baseline && b.CompletedOn <= r.CompletedOn), Cancel));
        Assert.True(await db.OutcomeResponses.CountAsync(r => r.Timepoint == OutcomeTimepoint.FollowUp, Cancel) > 200);
        Assert.True((await AuditVerifier.VerifyAsync(db, cancellationToken: Cancel)).Intact);
    }

}

/// <summary>On a database of its own: the scale seeds fill it.</summary>
public sealed class ScaleOutcomesProportionTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScaleOne_Proportions_MakeEveryResponseAskedFor()
    {
        // As at scale 1: 200,000 referrals a unit and 400,000 responses a unit, here at 1/50. The referrals
        // can give about 5 % more responses than are asked for; at 1/200 that margin was within the draws'
        // noise (between 1,961 and 2,156 could be made, and about one run in ten fell short of 2,000); at
        // 1/50 it is more than four times their spread (8,285 to 8,474 could be made).
        await ScaleData.SeedAsync(() => database.Database.CreateContext(), 0.01, cancellationToken: Cancel);
        await ScaleDirectory.SeedAsync(() => database.Database.CreateContext(), 0.002, cancellationToken: Cancel);
        await ScaleReferrals.SeedAsync(() => database.Database.CreateContext(), 0.02, cancellationToken: Cancel);

        var made = await ScaleOutcomes.SeedAsync(() => database.Database.CreateContext(), 0.02, cancellationToken: Cancel);

        Assert.Equal(8_000, made);
        // Seeded responses are paired as they are saved, as recorded ones are: one pair per baseline and scale (ONS4 has four).
        await using var db = database.Database.CreateContext();
        var baselines = await db.OutcomeResponses.CountAsync(r => r.Timepoint == OutcomeTimepoint.Baseline, Cancel);
        var followedUp = await db.OutcomeResponses.Where(r => r.Timepoint != OutcomeTimepoint.Baseline).Select(r => r.ReferralId).Distinct().CountAsync(Cancel);
        Assert.Equal((baselines * 4, followedUp * 4), (await db.OutcomePairs.CountAsync(Cancel), await db.OutcomePairs.CountAsync(p => p.Paired, Cancel)));
    }
}
