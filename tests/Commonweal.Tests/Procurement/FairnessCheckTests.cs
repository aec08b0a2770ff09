using Commonweal.Passport;
using Commonweal.Procurement;

namespace Commonweal.Tests.Procurement;

/// <summary>Each rule at its boundary: one step inside it finds nothing, one step over finds it.</summary>
public sealed class FairnessCheckTests
{
    private static readonly DateOnly Publication = new(2027, 1, 4);

    /// <summary>£1,200,000 over four years: £300,000 a year. Nothing to find.</summary>
    private static Opportunity Fair(Action<Opportunity>? change = null)
    {
        var o = new Opportunity { Title = "Community navigators" };
        var draft = Commonweal.TestSupport.ProcurementTestData.FairDraft(Guid.NewGuid(), Publication);
        draft.Lots = [];
        draft.SubmissionDeadline = new DateTimeOffset(Timetable.ToUtc(Publication.AddDays(25), new TimeOnly(12, 0)), TimeSpan.Zero);
        draft.ContractStart = Publication.AddMonths(3);
        draft.ContractEnd = Publication.AddMonths(3).AddYears(4).AddDays(-1);
        draft.ApplyTo(o);
        change?.Invoke(o);
        return o;
    }

    private static IReadOnlyList<FairnessFinding> Found(Opportunity o, string code) =>
        FairnessCheck.Run(o).Where(f => f.Code == code).ToList();

    [Fact]
    public void FairBaseline_FindsNothing()
    {
        var o = Fair();
        Assert.Equal(300_000, o.AnnualValue);
        Assert.Empty(FairnessCheck.Run(o));
    }

    [Fact]
    public void Turnover_MoreThanTwiceTheAnnualValue_IsAnErrorWithTheFigures()
    {
        Assert.Empty(Found(Fair(o => o.MinimumAnnualTurnover = 600_000), FairnessCheck.Codes.TurnoverOutOfProportion));
        Assert.Single(Found(Fair(o => o.MinimumAnnualTurnover = 600_001), FairnessCheck.Codes.TurnoverOutOfProportion));

        var finding = Assert.Single(Found(Fair(o => o.MinimumAnnualTurnover = 900_000), FairnessCheck.Codes.TurnoverOutOfProportion));
        Assert.Equal(FairnessSeverity.Error, finding.Severity);
        Assert.Equal("The minimum turnover of £900,000 is more than twice the annual contract value of £300,000.", finding.Reason);
        Assert.Contains("£600,000", finding.Suggestion);
    }

    [Fact]
    public void PublicLiability_Over5MillionUnder1MillionAYear_IsAWarning()
    {
        Assert.Empty(Found(Fair(o => o.MinimumPublicLiabilityCover = 5_000_000), FairnessCheck.Codes.InsuranceOutOfProportion));
        var finding = Assert.Single(Found(Fair(o => o.MinimumPublicLiabilityCover = 5_000_001), FairnessCheck.Codes.InsuranceOutOfProportion));
        Assert.Equal(FairnessSeverity.Warning, finding.Severity);
        Assert.Contains("£5,000,001", finding.Reason);
        // At £1m a year or more the same cover is proportionate.
        Assert.Empty(Found(Fair(o => { o.TotalValue = 4_000_000; o.MinimumPublicLiabilityCover = 10_000_000; }), FairnessCheck.Codes.InsuranceOutOfProportion));
    }

    [Fact]
    public void EmployersLiability_Over10MillionUnder1MillionAYear_IsAWarning()
    {
        Assert.Empty(Found(Fair(o => o.MinimumEmployersLiabilityCover = 10_000_000), FairnessCheck.Codes.InsuranceOutOfProportion));
        Assert.Single(Found(Fair(o => o.MinimumEmployersLiabilityCover = 10_000_001), FairnessCheck.Codes.InsuranceOutOfProportion));
    }

    [Fact]
    public void ResponseWindow_Under25DaysForACompetitiveProcess_IsAnError()
    {
        Assert.Empty(Found(Fair(), FairnessCheck.Codes.ResponseWindowTooShort));
        var shortWindow = Fair(o => o.SubmissionDeadline = Timetable.ToUtc(Publication.AddDays(24), new TimeOnly(12, 0)));
        var finding = Assert.Single(Found(shortWindow, FairnessCheck.Codes.ResponseWindowTooShort));
        Assert.Equal(FairnessSeverity.Error, finding.Severity);
        Assert.StartsWith("There are 24 days", finding.Reason);
        // A direct award has no open competition to respond to.
        shortWindow.Process = ProcurementProcess.DirectAwardB;
        Assert.Empty(Found(shortWindow, FairnessCheck.Codes.ResponseWindowTooShort));
    }

    [Fact]
    public void Lot_AboveWhatAMediumOrganisationCouldCarry_IsAnErrorWithASuggestedSplit()
    {
        // Over four years, £72,000,000 is exactly £18,000,000 a year.
        Assert.Empty(Found(Fair(o => { o.TotalValue = 72_000_000; o.Lots = [new Lot { Number = 1, Title = "All", Value = 72_000_000 }]; }), FairnessCheck.Codes.LotTooLarge));
        Assert.Single(Found(Fair(o => { o.TotalValue = 72_000_004; o.Lots = [new Lot { Number = 1, Title = "All", Value = 72_000_004 }]; }), FairnessCheck.Codes.LotTooLarge));

        var finding = Assert.Single(Found(Fair(o => o.TotalValue = 100_000_000), FairnessCheck.Codes.LotTooLarge));
        Assert.Equal(FairnessSeverity.Error, finding.Severity);
        Assert.Equal(new LotSplit(2, 50_000_000), finding.SuggestedSplit);
        Assert.Contains("£25,000,000 a year", finding.Reason);
        Assert.Contains("Split it into 2 lots of about £50,000,000 each", finding.Suggestion);
    }

    [Fact]
    public void Evidence_MoreThanThreeKindsUnder100000AYear_IsAWarning()
    {
        EvidenceKind[] three = [EvidenceKind.SafeguardingPolicy, EvidenceKind.PublicLiabilityInsurance, EvidenceKind.DbsChecks];
        EvidenceKind[] four = [.. three, EvidenceKind.Accounts];
        void Small(Opportunity o, EvidenceKind[] kinds, long total)
        {
            o.TotalValue = total;
            o.RequiredEvidence = kinds.Select(k => new OpportunityEvidence { Kind = k }).ToList();
        }

        Assert.Empty(Found(Fair(o => Small(o, three, 399_996)), FairnessCheck.Codes.TooMuchEvidence));
        var finding = Assert.Single(Found(Fair(o => Small(o, four, 399_996)), FairnessCheck.Codes.TooMuchEvidence));
        Assert.Equal(FairnessSeverity.Warning, finding.Severity);
        Assert.Contains("£99,999 a year", finding.Reason);
        // £100,000 a year is not "under £100,000".
        Assert.Empty(Found(Fair(o => Small(o, four, 400_000)), FairnessCheck.Codes.TooMuchEvidence));
    }

    [Fact]
    public void SocialValue_WeightedBelow10Percent_IsAnError()
    {
        void Weight(Opportunity o, decimal socialValue)
        {
            o.Criteria.Single(c => c.Kind == CriterionKind.SocialValue).Weight = socialValue;
            o.Criteria.Single(c => c.Kind == CriterionKind.Value).Weight = 40m - socialValue;
        }

        Assert.Empty(Found(Fair(o => Weight(o, 10m)), FairnessCheck.Codes.SocialValueWeightTooLow));
        var finding = Assert.Single(Found(Fair(o => Weight(o, 9.5m)), FairnessCheck.Codes.SocialValueWeightTooLow));
        Assert.Equal(FairnessSeverity.Error, finding.Severity);
        Assert.Contains("9.5%", finding.Reason);
    }

    [Fact]
    public void DirectAwardC_WithoutAPublishedPerformanceAssessment_IsAnError()
    {
        var incumbent = new Commonweal.Organisations.Organisation { Name = "Island Health Practice" };
        var withoutAssessment = Fair(o => { o.Process = ProcurementProcess.DirectAwardC; o.IncumbentOrganisation = incumbent; });
        var finding = Assert.Single(Found(withoutAssessment, FairnessCheck.Codes.DirectAwardCWithoutAssessment));
        Assert.Equal(FairnessSeverity.Error, finding.Severity);
        Assert.Contains("Island Health Practice", finding.Reason);

        withoutAssessment.PerformanceAssessmentUrl = "https://example.org/assessment";
        Assert.Empty(Found(withoutAssessment, FairnessCheck.Codes.DirectAwardCWithoutAssessment));
        Assert.Empty(Found(Fair(o => o.Process = ProcurementProcess.CompetitiveProcess), FairnessCheck.Codes.DirectAwardCWithoutAssessment));
    }

    [Fact]
    public void Mobilisation_UnderThreeMonthsForAContract_IsAnError()
    {
        // Published 4 January 2027; starting 4 April 2027 gives exactly three months.
        Assert.Empty(Found(Fair(), FairnessCheck.Codes.MobilisationTooShort));
        var early = Fair(o => o.ContractStart = new DateOnly(2027, 4, 3));
        var finding = Assert.Single(Found(early, FairnessCheck.Codes.MobilisationTooShort));
        Assert.Equal(FairnessSeverity.Error, finding.Severity);

        // An explicit mobilisation start is measured from instead of publication.
        Assert.Single(Found(Fair(o => o.MobilisationStart = new DateOnly(2027, 2, 1)), FairnessCheck.Codes.MobilisationTooShort));
        // Grants are not checked.
        early.Type = OpportunityType.Grant;
        Assert.Empty(Found(early, FairnessCheck.Codes.MobilisationTooShort));
    }

    [Fact]
    public void SuitsSmallOrganisations_NeedsNoErrorsAndALotWithinReach()
    {
        var o = Fair(o => o.Lots = [new Lot { Number = 1, Title = "Small", Value = 2_000_000 }, new Lot { Number = 2, Title = "Large", Value = 2_400_000 }]);
        o.TotalValue = 4_400_000;
        Assert.True(FairnessCheck.SuitsSmallOrganisations(o, FairnessCheck.Run(o))); // lot 1: £500,000 a year
        o.Lots[0].Value = 2_000_004;
        Assert.False(FairnessCheck.SuitsSmallOrganisations(o, FairnessCheck.Run(o)));
        o.Lots[0].Value = 400_000;
        o.MinimumAnnualTurnover = 100_000_000;
        Assert.False(FairnessCheck.SuitsSmallOrganisations(o, FairnessCheck.Run(o)));
    }
}
