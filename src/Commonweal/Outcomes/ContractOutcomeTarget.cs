using Commonweal.Data;
using Commonweal.Outcomes.Analysis;

namespace Commonweal.Outcomes;

/// <summary>
/// One target a contract's outcome-linked payment is held against, recorded by its commissioner:
/// what is measured (the follow-up rate, or the share of people meaningfully improved on one
/// instrument scale), the level to reach, and its weight in the outcome-linked part of the payment.
/// A contract has at most one target per measure.
/// </summary>
public sealed class ContractOutcomeTarget
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid ContractId { get; set; }
    public OutcomeMeasure Measure { get; set; }

    public required string InstrumentKey { get; set; }

    /// <summary>The scale measured (ONS4 "life_satisfaction"); the follow-up rate is the same for every scale.</summary>
    public required string ScaleKey { get; set; }

    /// <summary>A share from 0 to 1 (0.6 for 60 %).</summary>
    public double Target { get; set; }

    /// <summary>Its percentage of the outcome-linked payment; a contract's weights add up to 100.</summary>
    public decimal WeightPercent { get; set; }

    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
