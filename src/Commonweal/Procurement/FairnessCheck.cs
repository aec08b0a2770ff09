namespace Commonweal.Procurement;

public enum FairnessSeverity
{
    Warning,
    Error,
}

/// <summary>A lot split that would bring each lot within a medium-sized organisation's reach.</summary>
public sealed record LotSplit(int Lots, long ValueEach);

/// <summary>One finding: a stable code, why (with the figures), the rule behind it and what to do instead.</summary>
public sealed record FairnessFinding(string Code, FairnessSeverity Severity, string Reason, string Rule, string Suggestion, LotSplit? SuggestedSplit = null);

/// <summary>
/// Checks a draft for terms that would keep small organisations, charities and social enterprises
/// out, before it is published. Errors block publishing unless a commissioner records why they
/// are justified (the reason is published with the notice); warnings are for the commissioner
/// to weigh. The thresholds are constants here so that they are read, argued about and changed in
/// one place.
/// </summary>
public static class FairnessCheck
{
    public static class Codes
    {
        public const string TurnoverOutOfProportion = "turnover-out-of-proportion";
        public const string InsuranceOutOfProportion = "insurance-out-of-proportion";
        public const string ResponseWindowTooShort = "response-window-too-short";
        public const string LotTooLarge = "lot-too-large";
        public const string TooMuchEvidence = "too-much-evidence";
        public const string SocialValueWeightTooLow = "social-value-weight-too-low";
        public const string DirectAwardCWithoutAssessment = "direct-award-c-without-assessment";
        public const string MobilisationTooShort = "mobilisation-too-short";
    }

    /// <summary>A turnover requirement above twice the annual value shuts out organisations that could deliver it.</summary>
    public const int TurnoverMultiple = 2;

    /// <summary>
    /// Public liability cover of £5m is usual for community health contracts; asking for more on a
    /// contract under £1m a year is rarely justified by the risk and costs a small provider a
    /// premium it cannot recover. A warning, not an error: some services (clinical procedures,
    /// work with heavy equipment) carry risks that do justify more, and the commissioner knows the risk.
    /// </summary>
    public const long PublicLiabilityCeiling = 5_000_000;

    /// <summary>Employers' liability is required by law at £5m; policies commonly give £10m. More than £10m is out of proportion under £1m a year.</summary>
    public const long EmployersLiabilityCeiling = 10_000_000;

    public const long ProportionateInsuranceBelowAnnualValue = 1_000_000;

    /// <summary>Small organisations have no bid teams: 25 days from publication to the deadline at least, for an open competition.</summary>
    public const int MinimumResponseDays = 25;

    /// <summary>
    /// A medium-sized company has a turnover of at most £36m (Companies Act 2006, s465, before the
    /// April 2025 rise to £54m: the lower figure is kept as the cautious bound). No provider
    /// should depend on one contract for more than half its turnover, so a lot worth more than
    /// £18m a year is beyond any small or medium organisation.
    /// </summary>
    public const long MediumOrganisationLotCeiling = 36_000_000 / 2;

    /// <summary>Under £100,000 a year, more than three kinds of passport evidence costs a small bidder more than the work justifies.</summary>
    public const int MaximumEvidenceKindsForSmallValue = 3;
    public const long SmallValue = 100_000;

    public const decimal MinimumSocialValueWeight = 10m;

    /// <summary>
    /// A new provider needs at least three months to recruit, register (CQC registration alone
    /// often takes longer), take on staff under TUPE (consultation takes 30 to 45 days) and set up
    /// premises. Less than that favours the incumbent, so it is an error for contracts; grants
    /// usually fund work the applicant already does and are not checked.
    /// </summary>
    public const int MinimumMobilisationMonths = 3;

    public static IReadOnlyList<FairnessFinding> Run(Opportunity o)
    {
        var findings = new List<FairnessFinding>();
        var annual = o.AnnualValue;

        if (o.MinimumAnnualTurnover is { } turnover && turnover > TurnoverMultiple * annual)
        {
            findings.Add(new(Codes.TurnoverOutOfProportion, FairnessSeverity.Error,
                $"The minimum turnover of {Money(turnover)} is more than twice the annual contract value of {Money(annual)}.",
                "A turnover requirement must not be more than twice the annual value of the contract.",
                $"Ask for a turnover of {Money(TurnoverMultiple * annual)} or less, or none: check financial standing through the accounts instead."));
        }

        if (annual < ProportionateInsuranceBelowAnnualValue)
        {
            if (o.MinimumPublicLiabilityCover is { } pl && pl > PublicLiabilityCeiling)
            {
                findings.Add(new(Codes.InsuranceOutOfProportion, FairnessSeverity.Warning,
                    $"Public liability cover of {Money(pl)} is asked for on a contract worth {Money(annual)} a year.",
                    $"Under {Money(ProportionateInsuranceBelowAnnualValue)} a year, public liability cover of more than {Money(PublicLiabilityCeiling)} is out of proportion unless the service's risks call for it.",
                    $"Ask for {Money(PublicLiabilityCeiling)} of public liability cover, or say which risk needs more."));
            }

            if (o.MinimumEmployersLiabilityCover is { } el && el > EmployersLiabilityCeiling)
            {
                findings.Add(new(Codes.InsuranceOutOfProportion, FairnessSeverity.Warning,
                    $"Employers' liability cover of {Money(el)} is asked for on a contract worth {Money(annual)} a year.",
                    $"Under {Money(ProportionateInsuranceBelowAnnualValue)} a year, employers' liability cover of more than {Money(EmployersLiabilityCeiling)} is out of proportion.",
                    $"Ask for the legal minimum of £5,000,000, or at most {Money(EmployersLiabilityCeiling)}."));
            }
        }

        if (o.Process is ProcurementProcess.CompetitiveProcess or ProcurementProcess.GrantRound)
        {
            var days = Timetable.ResponseWindowDays(o);
            if (days < MinimumResponseDays)
            {
                findings.Add(new(Codes.ResponseWindowTooShort, FairnessSeverity.Error,
                    $"There are {days} days from publication ({o.PublicationDate:d MMMM yyyy}) to the submission deadline ({Timetable.UkDate(o.SubmissionDeadline):d MMMM yyyy}).",
                    $"An open competition must give at least {MinimumResponseDays} days from publication to the submission deadline, so that organisations without bid teams can respond.",
                    $"Move the submission deadline to {o.PublicationDate.AddDays(MinimumResponseDays):d MMMM yyyy} or later."));
            }
        }

        var lots = o.Lots.Count > 0 ? o.Lots.Select(l => (Name: $"Lot {l.Number} ({l.Title})", l.Value)).ToList() : [("The contract", o.TotalValue)];
        foreach (var (name, value) in lots)
        {
            var lotAnnual = o.Annualise(value);
            if (lotAnnual > MediumOrganisationLotCeiling)
            {
                var count = (int)Math.Ceiling(lotAnnual / (double)MediumOrganisationLotCeiling);
                var each = (long)Math.Ceiling(value / (double)count);
                findings.Add(new(Codes.LotTooLarge, FairnessSeverity.Error,
                    $"{name} is worth {Money(lotAnnual)} a year, more than a medium-sized organisation could carry ({Money(MediumOrganisationLotCeiling)} a year: half the £36,000,000 turnover ceiling of a medium-sized company).",
                    $"No lot should be worth more than {Money(MediumOrganisationLotCeiling)} a year, so that small and medium organisations can bid.",
                    $"Split it into {count} lots of about {Money(each)} each ({Money(o.Annualise(each))} a year), for example by area or by service.",
                    new LotSplit(count, each)));
            }
        }

        if (annual < SmallValue && o.RequiredEvidence.Count > MaximumEvidenceKindsForSmallValue)
        {
            findings.Add(new(Codes.TooMuchEvidence, FairnessSeverity.Warning,
                $"{o.RequiredEvidence.Count} kinds of compliance evidence are asked for on work worth {Money(annual)} a year.",
                $"Under {Money(SmallValue)} a year, ask for no more than {MaximumEvidenceKindsForSmallValue} kinds of evidence.",
                "Keep the evidence the service's risks need (safeguarding, say) and check the rest at award, from the winner only."));
        }

        var socialValue = o.Criteria.Where(c => c.Kind == CriterionKind.SocialValue).Sum(c => c.Weight);
        if (socialValue < MinimumSocialValueWeight)
        {
            findings.Add(new(Codes.SocialValueWeightTooLow, FairnessSeverity.Error,
                $"Social value is weighted at {ProcurementLabels.Percent(socialValue)} of the score.",
                $"Social value must be weighted at {ProcurementLabels.Percent(MinimumSocialValueWeight)} or more (Procurement Policy Note 06/20 sets a 10% minimum).",
                $"Weight social value at {ProcurementLabels.Percent(MinimumSocialValueWeight)} or more, taking the difference from another criterion."));
        }

        if (o.Process == ProcurementProcess.DirectAwardC && string.IsNullOrWhiteSpace(o.PerformanceAssessmentUrl))
        {
            findings.Add(new(Codes.DirectAwardCWithoutAssessment, FairnessSeverity.Error,
                o.IncumbentOrganisation?.Name is { } incumbent
                    ? $"Direct award process C would award to {incumbent} without a published assessment of how it has performed."
                    : "Direct award process C would award to the existing provider without a published assessment of how it has performed.",
                "Under the Provider Selection Regime, direct award process C needs the existing provider's performance to be assessed against the key criteria, and other providers need to see that assessment.",
                "Publish the performance assessment and give its address, or use the competitive process."));
        }

        if (o.Type is not OpportunityType.Grant)
        {
            var from = Timetable.MobilisationFrom(o);
            if (o.ContractStart < from.AddMonths(MinimumMobilisationMonths))
            {
                var days = o.ContractStart.DayNumber - from.DayNumber;
                findings.Add(new(Codes.MobilisationTooShort, FairnessSeverity.Error,
                    $"There are {days} days from {(o.MobilisationStart is null ? "publication" : "the start of mobilisation")} ({from:d MMMM yyyy}) to the contract start ({o.ContractStart:d MMMM yyyy}).",
                    $"A new provider needs at least {MinimumMobilisationMonths} months to mobilise a contract: recruiting, registering and taking on staff.",
                    $"Start the contract on {from.AddMonths(MinimumMobilisationMonths):d MMMM yyyy} or later."));
            }
        }

        return findings;
    }

    public static bool HasErrors(IEnumerable<FairnessFinding> findings) => findings.Any(f => f.Severity == FairnessSeverity.Error);

    /// <summary>
    /// Within a small organisation's reach: a charity with an income under £1m (the top of NCVO's
    /// "medium" band, which covers most of the voluntary sector) could take a lot worth half that
    /// a year without depending on it. So: some lot (or the whole, without lots) worth £500,000 a
    /// year or less, and no fairness errors.
    /// </summary>
    public const long SmallOrganisationLotCeiling = 500_000;

    public static bool SuitsSmallOrganisations(Opportunity o, IEnumerable<FairnessFinding> findings) =>
        !HasErrors(findings)
        && (o.Lots.Count > 0 ? o.Lots.Min(l => o.Annualise(l.Value)) : o.AnnualValue) <= SmallOrganisationLotCeiling;

    private static string Money(long pounds) => ProcurementLabels.Money(pounds);
}
