namespace Commonweal.Outcomes.Analysis;

/// <summary>
/// Paired change for a group of people. <see cref="MeanChange"/> and the 95 % confidence interval keep the raw sign
/// (follow-up minus baseline); the shares are fractions from 0 to 1 and already take the instrument's direction into
/// account. Everything but <see cref="NPaired"/> is null when nobody is paired, and the interval is null when only one
/// person is (one change has no spread).
/// </summary>
public sealed record ChangeSummary(
    int NPaired,
    double? MeanChange,
    double? CiLow,
    double? CiHigh,
    double? ShareImproved,
    double? ShareDeteriorated)
{
    /// <summary>People whose change reached the meaningful-change threshold in the better direction; null only when suppressed.</summary>
    public int? NImproved { get; init; }

    /// <summary>People whose change reached the meaningful-change threshold in the worse direction; null only when suppressed.</summary>
    public int? NDeteriorated { get; init; }

    /// <summary>
    /// True when the figures were withheld because too few people were paired (<see cref="SmallNumbers"/>), so that a
    /// page can say so instead of showing "no data".
    /// </summary>
    public bool Suppressed { get; init; }
}
