using Commonweal.Passport;

namespace Commonweal.Tests.Passport;

/// <summary>The status rules at their boundaries: each test fails if a rule moves by a day.</summary>
public sealed class PassportStatusTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTime Noon = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    private static InsurancePolicy Insurance(DateOnly expires, DateOnly? starts = null, decimal cover = 5_000_000m, EvidenceKind kind = EvidenceKind.PublicLiabilityInsurance) => new()
    {
        Kind = kind, Insurer = "Thameside Mutual", PolicyNumber = "PL-1", Cover = cover, StartsOn = starts ?? expires.AddYears(-1), ExpiresOn = expires,
    };

    private static KindStatus StatusOf(EvidenceKind kind, params Evidence[] evidence) => PassportStatus.Compute(evidence, Noon)[kind];

    [Theory]
    [InlineData(61, EvidenceState.Valid)]
    [InlineData(60, EvidenceState.ExpiringSoon)]
    [InlineData(0, EvidenceState.ExpiringSoon)]
    [InlineData(-1, EvidenceState.Expired)]
    public void Insurance_IsExpiringSoonFrom60DaysAndExpiredTheDayAfterItsExpiry(int daysLeft, EvidenceState expected)
    {
        var status = StatusOf(EvidenceKind.PublicLiabilityInsurance, Insurance(Today.AddDays(daysLeft)));

        Assert.Equal(expected, status.State);
        Assert.Equal(Today.AddDays(daysLeft), status.Date);
    }

    [Fact]
    public void Insurance_NotYetStarted_DoesNotCount()
    {
        var status = StatusOf(EvidenceKind.PublicLiabilityInsurance, Insurance(Today.AddYears(1), starts: Today.AddDays(1)));

        Assert.Equal(EvidenceState.Missing, status.State);
        Assert.False(status.Holds);
    }

    [Fact]
    public void Insurance_Renewed_TheNewPolicyIsCurrentAndTheOldOneReplaced()
    {
        var old = Insurance(Today.AddDays(-5));
        var renewal = Insurance(Today.AddDays(360), starts: Today.AddDays(-4));

        var status = StatusOf(EvidenceKind.PublicLiabilityInsurance, old, renewal);

        Assert.Equal(EvidenceState.Valid, status.State);
        Assert.True(status.Items.Single(i => i.Evidence == renewal).Current);
        Assert.False(status.Items.Single(i => i.Evidence == old).Current);
    }

    [Fact]
    public void Nothing_IsMissingForEveryKind()
    {
        var status = PassportStatus.Compute([], Noon);

        Assert.All(status.Kinds, k => Assert.Equal(EvidenceState.Missing, k.State));
        Assert.Equal(Enum.GetValues<EvidenceKind>().Length, status.Kinds.Count);
    }

    [Theory]
    [InlineData(0, EvidenceState.ExpiringSoon)]
    [InlineData(-1, EvidenceState.Expired)]
    [InlineData(90, EvidenceState.Valid)]
    public void SafeguardingPolicy_IsExpiredOnceItsReviewDateHasPassed(int daysToReview, EvidenceState expected) =>
        Assert.Equal(expected, StatusOf(EvidenceKind.SafeguardingPolicy, new SafeguardingPolicy { ReviewDueOn = Today.AddDays(daysToReview) }).State);

    [Theory]
    [InlineData(0, false, EvidenceState.ExpiringSoon)]
    [InlineData(1, false, EvidenceState.Expired)]
    [InlineData(-61, false, EvidenceState.Valid)]
    [InlineData(-60, false, EvidenceState.ExpiringSoon)]
    [InlineData(400, true, EvidenceState.Valid)]
    public void DbsCheck_OlderThanThreeYears_IsExpiredUnlessOnTheUpdateService(int daysOlderThanThreeYears, bool updateService, EvidenceState expected)
    {
        var check = new DbsCheck
        {
            Role = "Befriender", Initials = "JS", Level = DbsLevel.Enhanced,
            IssuedOn = Today.AddYears(-3).AddDays(-daysOlderThanThreeYears), OnUpdateService = updateService,
        };

        Assert.Equal(expected, StatusOf(EvidenceKind.DbsChecks, check).State);
    }

    [Fact]
    public void DbsChecks_TheWeakestRoleDecides_AndARecheckReplacesTheOldCertificate()
    {
        var coordinatorOld = new DbsCheck { Role = "Coordinator", Initials = "NR", Level = DbsLevel.Enhanced, IssuedOn = Today.AddYears(-4) };
        var coordinatorNew = new DbsCheck { Role = "coordinator", Initials = "nr", Level = DbsLevel.Enhanced, IssuedOn = Today.AddMonths(-1) };
        var driver = new DbsCheck { Role = "Driver", Initials = "AB", Level = DbsLevel.Basic, IssuedOn = Today.AddYears(-3).AddDays(30) };

        var status = StatusOf(EvidenceKind.DbsChecks, coordinatorOld, coordinatorNew, driver);

        Assert.Equal(EvidenceState.ExpiringSoon, status.State);
        Assert.Equal(Today.AddDays(30), status.Date);
        Assert.False(status.Items.Single(i => i.Evidence == coordinatorOld).Current);
    }

    [Fact]
    public void Volunteer_TheLatestCompletionOfEachCourseCounts_AndTheEarliestExpiryDecides()
    {
        var volunteer = new Volunteer
        {
            Reference = "V001", Role = "Cook", StartedOn = Today.AddYears(-2),
            Training =
            [
                new TrainingRecord { Course = "Food hygiene", CompletedOn = Today.AddYears(-3), ExpiresOn = Today.AddDays(-10) },
                new TrainingRecord { Course = "Food hygiene", CompletedOn = Today.AddMonths(-1), ExpiresOn = Today.AddYears(3) },
                new TrainingRecord { Course = "Safeguarding", CompletedOn = Today.AddYears(-1), ExpiresOn = Today.AddDays(20) },
                new TrainingRecord { Course = "Induction", CompletedOn = Today.AddYears(-2) },
            ],
        };

        var status = StatusOf(EvidenceKind.VolunteerRegister, volunteer);

        Assert.Equal(EvidenceState.ExpiringSoon, status.State);
        Assert.Equal(Today.AddDays(20), status.Date);
    }

    [Theory]
    [InlineData(DsptStatus.StandardsMet, -200, EvidenceState.Valid)]
    [InlineData(DsptStatus.ApproachingStandards, -200, EvidenceState.Valid)]
    [InlineData(DsptStatus.StandardsExceeded, -366, EvidenceState.Expired)]
    [InlineData(DsptStatus.StandardsNotMet, -10, EvidenceState.Missing)]
    public void Dspt_IsCurrentForAYear_AndStandardsNotMetDoesNotCount(DsptStatus dspt, int publishedDaysAgo, EvidenceState expected) =>
        Assert.Equal(expected, StatusOf(EvidenceKind.DataSecurityAndProtectionToolkit,
            new DsptAssessment { OdsCode = "8JK12", Status = dspt, PublishedOn = Today.AddDays(publishedDaysAgo) }).State);

    [Fact]
    public void Accounts_AreCurrentUntilTheNextYearsAreDue()
    {
        // Year end 31 March 2025: next year end 31 March 2026, due 31 January 2027 (69 days away).
        var accounts = new AnnualAccounts { YearEnd = new DateOnly(2025, 3, 31), Income = 100_000m };

        var status = StatusOf(EvidenceKind.Accounts, accounts);

        Assert.Equal(EvidenceState.Valid, status.State);
        Assert.Equal(new DateOnly(2027, 1, 31), status.Date);
        Assert.Equal(EvidenceState.ExpiringSoon, PassportStatus.Compute([accounts], new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc))[EvidenceKind.Accounts].State);
        Assert.Equal(EvidenceState.Expired, PassportStatus.Compute([accounts], new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc))[EvidenceKind.Accounts].State);
    }

    [Fact]
    public void Summary_AnswersWhatBidsAsk()
    {
        var summary = new PassportSummary(PassportStatus.Compute(
        [
            Insurance(Today.AddDays(30), cover: 2_000_000m),
            Insurance(Today.AddDays(-1), cover: 10_000_000m, kind: EvidenceKind.EmployersLiabilityInsurance),
            new AnnualAccounts { YearEnd = new DateOnly(2025, 3, 31), Income = 90_000m },
            new AnnualAccounts { YearEnd = new DateOnly(2026, 3, 31), Income = 120_500m },
            new CqcRegistration { ProviderId = "1-101234567", RegisteredOn = new DateOnly(2019, 6, 1) },
        ], Noon));

        Assert.True(summary.Holds(EvidenceKind.PublicLiabilityInsurance));
        Assert.Equal(2_000_000m, summary.InsuranceCover(EvidenceKind.PublicLiabilityInsurance));
        Assert.False(summary.Holds(EvidenceKind.EmployersLiabilityInsurance));
        Assert.Null(summary.InsuranceCover(EvidenceKind.EmployersLiabilityInsurance));
        Assert.Equal(120_500m, summary.LatestIncome);
        Assert.True(summary.HasCqcRegistration);
        Assert.False(summary.Holds(EvidenceKind.SafeguardingPolicy));
    }
}
