namespace Commonweal.Procurement;

public enum OpportunityType
{
    Grant,
    Contract,
    /// <summary>An Alternative Provider Medical Services contract to run a GP practice.</summary>
    ApmsContract,
    FrameworkCallOff,
}

/// <summary>The process an opportunity is awarded under: the Provider Selection Regime's, or an open grant round.</summary>
public enum ProcurementProcess
{
    DirectAwardA,
    DirectAwardB,
    DirectAwardC,
    MostSuitableProvider,
    CompetitiveProcess,
    GrantRound,
}

public enum OpportunityStatus
{
    Draft,
    Published,
    Closed,
    Evaluation,
    IntentionToAward,
    Standstill,
    Awarded,
    Cancelled,
}

/// <summary>The Provider Selection Regime's five key criteria, and any other a commissioner adds.</summary>
public enum CriterionKind
{
    QualityAndInnovation,
    Value,
    IntegrationCollaborationSustainability,
    AccessInequalitiesAndChoice,
    SocialValue,
    Other,
}

public static class ProcurementLabels
{
    public static string DisplayName(OpportunityType type) => type switch
    {
        OpportunityType.Grant => "Grant",
        OpportunityType.Contract => "Contract",
        OpportunityType.ApmsContract => "APMS contract (GP practice)",
        OpportunityType.FrameworkCallOff => "Framework call-off",
        _ => type.ToString(),
    };

    public static string DisplayName(ProcurementProcess process) => process switch
    {
        ProcurementProcess.DirectAwardA => "Direct award process A (Provider Selection Regime)",
        ProcurementProcess.DirectAwardB => "Direct award process B (Provider Selection Regime)",
        ProcurementProcess.DirectAwardC => "Direct award process C (Provider Selection Regime)",
        ProcurementProcess.MostSuitableProvider => "Most suitable provider process (Provider Selection Regime)",
        ProcurementProcess.CompetitiveProcess => "Competitive process (Provider Selection Regime)",
        ProcurementProcess.GrantRound => "Open grant round",
        _ => process.ToString(),
    };

    public static string DisplayName(OpportunityStatus status) => status switch
    {
        OpportunityStatus.Draft => "Draft",
        OpportunityStatus.Published => "Open for bids",
        OpportunityStatus.Closed => "Closed for bids",
        OpportunityStatus.Evaluation => "Being evaluated",
        OpportunityStatus.IntentionToAward => "Intention to award",
        OpportunityStatus.Standstill => "Standstill",
        OpportunityStatus.Awarded => "Awarded",
        OpportunityStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string DisplayName(CriterionKind kind) => kind switch
    {
        CriterionKind.QualityAndInnovation => "Quality and innovation",
        CriterionKind.Value => "Value",
        CriterionKind.IntegrationCollaborationSustainability => "Integration, collaboration and service sustainability",
        CriterionKind.AccessInequalitiesAndChoice => "Improving access, reducing health inequalities and facilitating choice",
        CriterionKind.SocialValue => "Social value",
        _ => "Other",
    };

    /// <summary>Outcodes in the order people expect: E1, E3, E14 (area letters, then district number).</summary>
    public static IEnumerable<string> SortOutcodes(IEnumerable<string> outcodes) =>
        outcodes.OrderBy(o => new string(o.TakeWhile(char.IsLetter).ToArray()), StringComparer.Ordinal)
            .ThenBy(o => int.TryParse(new string(o.SkipWhile(char.IsLetter).TakeWhile(char.IsDigit).ToArray()), out var n) ? n : 0)
            .ThenBy(o => o, StringComparer.Ordinal);

    public static string Money(long pounds) => "£" + pounds.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Percent(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
