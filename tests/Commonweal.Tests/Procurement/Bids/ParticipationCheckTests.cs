using Commonweal.Passport;
using Commonweal.Procurement;

namespace Commonweal.Tests.Procurement.Bids;

/// <summary>Each condition of participation, met and not met, judged at the submission deadline.</summary>
public sealed class ParticipationCheckTests
{
    private static readonly DateTime Deadline = new(2027, 3, 3, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly DeadlineDay = new(2027, 3, 3);

    private static Opportunity Opportunity(Action<Opportunity> set)
    {
        var o = new Opportunity { Title = "Test", SubmissionDeadline = Deadline };
        set(o);
        return o;
    }

    private static PassportSummary Passport(params Evidence[] evidence) => new(PassportStatus.Compute(evidence, Deadline));

    private static InsurancePolicy Insurance(EvidenceKind kind, decimal cover, DateOnly expires) =>
        new() { Kind = kind, Insurer = "Insurer", PolicyNumber = "P1", Cover = cover, StartsOn = expires.AddYears(-1), ExpiresOn = expires };

    private static ConditionResult Only(Opportunity o, PassportSummary passport) => Assert.Single(ParticipationCheck.Run(o, passport));

    [Fact]
    public void Turnover_AtOrAboveTheMinimum_IsMet_BelowOrWithoutAccounts_IsNot()
    {
        var o = Opportunity(x => x.MinimumAnnualTurnover = 500_000);
        var accounts = (decimal income) => new AnnualAccounts { YearEnd = DeadlineDay.AddMonths(-6), Income = income };

        Assert.Equal(ConditionOutcome.Met, Only(o, Passport(accounts(500_000m))).Outcome);
        var below = Only(o, Passport(accounts(499_999m)));
        Assert.Equal(ConditionOutcome.NotMet, below.Outcome);
        Assert.Equal("Income in the latest accounts is £499,999, below the minimum of £500,000", below.Reason);
        Assert.Equal("No accounts in the passport to show a turnover of £500,000", Only(o, Passport()).Reason);
    }

    [Fact]
    public void PublicLiabilityCover_MustBeEnoughAndInForceAtTheDeadline()
    {
        var o = Opportunity(x => x.MinimumPublicLiabilityCover = 5_000_000);

        Assert.True(Only(o, Passport(Insurance(EvidenceKind.PublicLiabilityInsurance, 5_000_000m, DeadlineDay))).Met);
        Assert.Equal("Cover is £2,000,000, below the £5,000,000 required", Only(o, Passport(Insurance(EvidenceKind.PublicLiabilityInsurance, 2_000_000m, DeadlineDay.AddDays(100)))).Reason);
        // Expiring the day before the deadline: not in force when bids close.
        Assert.False(Only(o, Passport(Insurance(EvidenceKind.PublicLiabilityInsurance, 5_000_000m, DeadlineDay.AddDays(-1)))).Met);
    }

    [Fact]
    public void EmployersLiabilityCover_IsCheckedSeparatelyFromPublicLiability()
    {
        var o = Opportunity(x => x.MinimumEmployersLiabilityCover = 10_000_000);

        var result = Only(o, Passport(Insurance(EvidenceKind.PublicLiabilityInsurance, 10_000_000m, DeadlineDay.AddDays(100))));

        Assert.Equal(ConditionOutcome.NotMet, result.Outcome);
        Assert.Equal("Employers' liability insurance", result.Condition);
    }

    [Fact]
    public void CqcRegistration_IsReadFromThePassport_OtherRegistrationsAreForTheCommissioner()
    {
        var o = Opportunity(x => x.RequiredRegistrations = ["CQC registration for primary medical services", "Registered with the Fundraising Regulator"]);

        var without = ParticipationCheck.Run(o, Passport());
        var with = ParticipationCheck.Run(o, Passport(new CqcRegistration { ProviderId = "1-101234567", RegisteredOn = DeadlineDay.AddYears(-2) }));

        Assert.Equal([ConditionOutcome.NotMet, ConditionOutcome.ToConfirm], without.Select(r => r.Outcome));
        Assert.Equal([ConditionOutcome.Met, ConditionOutcome.ToConfirm], with.Select(r => r.Outcome));
        Assert.True(ParticipationCheck.MeetsAll(with));
        Assert.False(ParticipationCheck.MeetsAll(without));
    }

    [Fact]
    public void RequiredEvidence_HeldAndNotExpiredAtTheDeadline_IsMet()
    {
        var o = Opportunity(x => x.RequiredEvidence = [new OpportunityEvidence { Kind = EvidenceKind.SafeguardingPolicy }]);

        Assert.True(Only(o, Passport(new SafeguardingPolicy { ReviewDueOn = DeadlineDay })).Met);
        var expired = Only(o, Passport(new SafeguardingPolicy { ReviewDueOn = DeadlineDay.AddDays(-1) }));
        Assert.Equal(ConditionOutcome.NotMet, expired.Outcome);
        Assert.Equal("Not valid at the submission deadline: review due 2 March 2027", expired.Reason);
        Assert.Equal("Not in the passport", Only(o, Passport()).Reason);
    }

    [Fact]
    public void EvidenceKinds_IncludeWhatTheMinimumsAreCheckedAgainst()
    {
        var o = Opportunity(x =>
        {
            x.MinimumAnnualTurnover = 1;
            x.MinimumEmployersLiabilityCover = 1;
            x.RequiredRegistrations = ["CQC"];
            x.RequiredEvidence = [new OpportunityEvidence { Kind = EvidenceKind.DbsChecks }];
        });

        Assert.Equal([EvidenceKind.EmployersLiabilityInsurance, EvidenceKind.DbsChecks, EvidenceKind.CqcRegistration, EvidenceKind.Accounts], ParticipationCheck.EvidenceKinds(o));
    }
}
