using System.Net;
using System.Text.Json;
using Commonweal.Accounts;
using Commonweal.Seed;
using Commonweal.TestSupport;
using static Commonweal.Tests.Outcomes.OutcomeTestData;
using static Commonweal.Tests.Referrals.CarePlans.CarePlanApiTests;

namespace Commonweal.Tests.Outcomes;

/// <summary>
/// The summary API against a small case worked by hand. Two services meet a need of their own, all
/// referred in 2020. ONS4, each wellbeing item given the same score:
/// <list type="bullet">
/// <item>Service A (Stepney Money Advice): 5 referred, 4 baselines, 3 paired. Life satisfaction 3→(4 at 3 months)→6 at
/// discharge (the latest counts: +3), 4→5 (+1), 5→8 (+3), and 6 with no follow-up. Anxiety 6→3 (−3), 5→5 (0), 4→7 (+3).</item>
/// <item>Service B (Bow Community Kitchen): 2 referred, 2 baselines, 1 paired: 5→5 (0), anxiety 5→4 (−1).</item>
/// </list>
/// Service A, life satisfaction: mean 7/3 = 2.3333; s = √(4/3 ÷ ... ) worked below; t(2) = 4.302653;
/// meaningful change 2: improved 2 of 3. Anxiety (lower is better): mean 0, s = 3, improved 1 of 3, deteriorated 1 of 3.
/// The need (A and B): 7 referred, 6 baselines, 4 paired (follow-up rate 2/3); life changes 3, 1, 3, 0: mean 1.75, s = 1.5, t(3) = 3.182446.
/// </summary>
public sealed class OutcomeSummaryTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>, IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Guid need;
    private Guid serviceA;
    private Guid serviceB;

    public async ValueTask InitializeAsync()
    {
        await using var db = factory.CreateDbContext();
        need = await NeedAsync(db);
        serviceA = await ServiceAsync(db, "Stepney Money Advice", need);
        serviceB = await ServiceAsync(db, "Bow Community Kitchen", need);
        var at = new DateTime(2020, 3, 2, 10, 0, 0, DateTimeKind.Utc);
        await ReferralAsync(db, serviceA, at, Baseline(3, 6), FollowUp(3, 4, 4), Discharge(6, 3, 120));
        await ReferralAsync(db, serviceA, at.AddDays(10), Baseline(4, 5), FollowUp(3, 5, 5));
        await ReferralAsync(db, serviceA, at.AddDays(20), Baseline(5, 4), FollowUp(6, 8, 7));
        await ReferralAsync(db, serviceA, at.AddDays(30), Baseline(6, 2));
        await ReferralAsync(db, serviceA, at.AddDays(40));
        await ReferralAsync(db, serviceB, at.AddDays(5), Baseline(5, 5), FollowUp(3, 5, 4));
        await ReferralAsync(db, serviceB, at.AddDays(6), Baseline(7, 3));
        // Referred after the period: not in the figures, even though it has a pair.
        await ReferralAsync(db, serviceA, new DateTime(2021, 2, 1, 0, 0, 0, DateTimeKind.Utc), Baseline(1, 9), FollowUp(3, 9, 1));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string Url(Guid? service = null, string instrument = "ons4") =>
        $"/api/outcomes/summary?instrument={instrument}&need={need}{(service is null ? "" : $"&service={service}")}&from=2020-01-01&to=2020-12-31";

    private static JsonElement Scale(JsonElement figures, string key) => figures.GetProperty("scales").EnumerateArray().Single(s => s.GetProperty("scale").GetString() == key);

    private static (double Mean, double Low, double High) Interval(double[] changes, double t)
    {
        var mean = changes.Average();
        var sd = Math.Sqrt(changes.Sum(c => (c - mean) * (c - mean)) / (changes.Length - 1));
        var half = t * sd / Math.Sqrt(changes.Length);
        return (mean, mean - half, mean + half);
    }

    [Fact]
    public async Task Summary_ForAServiceAndItsNeed_MatchesTheHandWorkedFigures()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var body = await OkAsync(await commissioner.GetAsync(Url(serviceA), Cancel));

        Assert.Equal((5, 4, 3), (body.GetProperty("n_referred").GetInt32(), body.GetProperty("n_baseline").GetInt32(), body.GetProperty("n_paired").GetInt32()));
        Assert.Equal(0.75, body.GetProperty("follow_up_rate").GetDouble(), 10);
        var life = Scale(body, "life_satisfaction");
        var (mean, low, high) = Interval([3, 1, 3], 4.302652729911275);
        Assert.Equal(mean, life.GetProperty("mean_change").GetDouble(), 6);
        Assert.Equal(low, life.GetProperty("ci_low").GetDouble(), 4);
        Assert.Equal(high, life.GetProperty("ci_high").GetDouble(), 4);
        Assert.Equal(2.0 / 3, life.GetProperty("share_improved").GetDouble(), 6);
        Assert.Equal(0, life.GetProperty("share_deteriorated").GetDouble(), 6);
        Assert.Equal("higher-is-better", life.GetProperty("direction").GetString());

        var anxiety = Scale(body, "anxiety");
        Assert.Equal(0, anxiety.GetProperty("mean_change").GetDouble(), 6);
        Assert.Equal(-4.302652729911275 * 3 / Math.Sqrt(3), anxiety.GetProperty("ci_low").GetDouble(), 4);
        Assert.Equal(1.0 / 3, anxiety.GetProperty("share_improved").GetDouble(), 6);
        Assert.Equal(1.0 / 3, anxiety.GetProperty("share_deteriorated").GetDouble(), 6);
        Assert.Equal("lower-is-better", anxiety.GetProperty("direction").GetString());
        Assert.Equal(4, body.GetProperty("scales").GetArrayLength());

        var comparison = body.GetProperty("comparison");
        Assert.Equal((7, 6, 4), (comparison.GetProperty("n_referred").GetInt32(), comparison.GetProperty("n_baseline").GetInt32(), comparison.GetProperty("n_paired").GetInt32()));
        Assert.Equal(4.0 / 6, comparison.GetProperty("follow_up_rate").GetDouble(), 10);
        var all = Interval([3, 1, 3, 0], 3.182446305284263);
        Assert.Equal(1.75, Scale(comparison, "life_satisfaction").GetProperty("mean_change").GetDouble(), 6);
        Assert.Equal(all.Low, Scale(comparison, "life_satisfaction").GetProperty("ci_low").GetDouble(), 4);
        Assert.Equal(all.High, Scale(comparison, "life_satisfaction").GetProperty("ci_high").GetDouble(), 4);
        Assert.Equal(0.5, Scale(comparison, "life_satisfaction").GetProperty("share_improved").GetDouble(), 6);
    }

    [Fact]
    public async Task Summary_ForANeedAlone_GivesTheWholeGroup()
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var body = await OkAsync(await commissioner.GetAsync(Url(), Cancel));
        Assert.Equal((7, 6, 4), (body.GetProperty("n_referred").GetInt32(), body.GetProperty("n_baseline").GetInt32(), body.GetProperty("n_paired").GetInt32()));
        Assert.Equal(4, Scale(body, "happiness").GetProperty("n_paired").GetInt32());
    }

    [Fact]
    public async Task Summary_AccessRules_AnonymousOtherProvidersAndOwnOrganisation()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBrowserClient().GetAsync(Url(serviceA), Cancel)).StatusCode);

        await using var db = factory.CreateDbContext();
        var own = await ReferralTestData.UserAsync(db, $"own-{Guid.NewGuid():N}@commonweal.example", "Stepney Money Advice", MembershipRole.Practitioner);
        var other = await ReferralTestData.UserAsync(db, $"other-{Guid.NewGuid():N}@commonweal.example", "Bow Community Kitchen", MembershipRole.Admin);
        var ownClient = await factory.SignedInClientAsync(own.Email!);
        var otherClient = await factory.SignedInClientAsync(other.Email!);

        await OkAsync(await ownClient.GetAsync(Url(serviceA), Cancel));
        // A provider asking about another provider's service, or about a need across providers, is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await otherClient.GetAsync(Url(serviceA), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ownClient.GetAsync(Url(), Cancel)).StatusCode);
        await OkAsync(await otherClient.GetAsync(Url(serviceB), Cancel));
    }

    [Theory]
    [InlineData("instrument=nope&need={need}", "instrument")]
    [InlineData("instrument=ons4&need=not-a-guid", "need")]
    [InlineData("instrument=ons4&service=00000000-0000-0000-0000-000000000001", "service")]
    [InlineData("instrument=ons4", "need")]
    [InlineData("instrument=ons4&need={need}&from=2020-13-01", "from")]
    [InlineData("instrument=ons4&need={need}&from=2021-01-01&to=2020-01-01", "from")]
    public async Task Summary_WithABadParameter_Is400NamingIt(string query, string parameter)
    {
        var commissioner = await factory.SignedInClientAsync(DemoAccounts.Commissioner);
        var problem = await ProblemAsync(await commissioner.GetAsync("/api/outcomes/summary?" + query.Replace("{need}", need.ToString(), StringComparison.Ordinal), Cancel), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task ServicePage_ShowsTheFiguresWithChartTableAndCsv_ForItsOwnOrganisation()
    {
        await using var db = factory.CreateDbContext();
        var own = await ReferralTestData.UserAsync(db, $"own-{Guid.NewGuid():N}@commonweal.example", "Stepney Money Advice", MembershipRole.Admin);
        var client = await factory.SignedInClientAsync(own.Email!);
        var page = await client.GetDocumentAsync($"/outcomes/services/{serviceA}?instrument=ons4&from=2020-01-01&to=2020-12-31");
        Assert.NotNull(page.QuerySelector("figure.cw-chart canvas[data-cw-chart]"));
        var table = page.QuerySelector("#outcome-figures")!.TextContent;
        Assert.Contains("+2.33", table);
        Assert.Contains("66.7%", table);
        var csv = await client.GetStringAsync($"/outcomes/services/{serviceA}?handler=Csv&instrument=ons4&from=2020-01-01&to=2020-12-31", Cancel);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("group,scale,n_referred,n_baseline,n_paired,follow_up_rate,mean_change", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("service,life_satisfaction,5,4,3,0.75,2.3333", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("comparison,life_satisfaction,7,6,4,0.6667,1.75", StringComparison.Ordinal));

        var otherUser = await ReferralTestData.UserAsync(db, $"other-{Guid.NewGuid():N}@commonweal.example", "Bow Community Kitchen", MembershipRole.Admin);
        var other = await factory.SignedInClientAsync(otherUser.Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/outcomes/services/{serviceA}", Cancel)).StatusCode);
    }
}
