using Commonweal.TestSupport;
using static Commonweal.Tests.Outcomes.OutcomeTestData;

namespace Commonweal.Tests.Cli;

/// <summary>
/// `outcomes summary` (the outcomes benchmark's command) against the hand-worked need of
/// OutcomeSummaryTests, cut down: two services, 4 referred, 3 baselines, 2 paired. Life satisfaction
/// changes +3 (the discharge, the latest) and 0: mean +1.5.
/// </summary>
public sealed class OutcomeCliTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    [Fact]
    public async Task Summary_PrintsTheNeedsFiguresAndTheServicesComparedWithTheTimesTaken()
    {
        Guid need;
        await using (var db = factory.CreateDbContext())
        {
            need = await NeedAsync(db);
            var a = await ServiceAsync(db, "Stepney Money Advice", need);
            var b = await ServiceAsync(db, "Bow Community Kitchen", need);
            var at = new DateTime(2020, 3, 2, 10, 0, 0, DateTimeKind.Utc);
            await ReferralAsync(db, a, at, Baseline(3, 6), FollowUp(3, 4, 4), Discharge(6, 3, 120));
            await ReferralAsync(db, a, at.AddDays(3), Baseline(6, 2));
            await ReferralAsync(db, a, at.AddDays(4));
            await ReferralAsync(db, b, at.AddDays(5), Baseline(5, 5), FollowUp(3, 5, 4));
        }

        var run = await CliHarness.RunAsync(factory.Database, "outcomes", "summary", "--need", need.ToString(), "--from", "2020-01-01", "--to", "2020-12-31");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("ONS personal wellbeing (ONS4), referred 2020-01-01 to 2020-12-31: 2 services, 4 referred, 3 with a baseline, 2 paired (follow-up rate 66.7 %)", run.Lines[0]);
        Assert.StartsWith("  Life satisfaction: mean change +1.500", Assert.Single(run.Lines, l => l.Contains("Life satisfaction")));
        Assert.Matches(@"^took [\d,]+ ms$", run.Lines[^2]);
        Assert.Matches(@"^services side by side took [\d,]+ ms$", run.Lines[^1]);
    }

    [Fact]
    public async Task Summary_ForAnUnknownNeed_ExitsOneSayingSo()
    {
        var run = await CliHarness.RunAsync(factory.Database, "outcomes", "summary", "--need", Guid.NewGuid().ToString());

        Assert.Equal((1, "No such need."), (run.ExitCode, run.Lines.Single()));
    }
}
