namespace Commonweal.Outcomes.Analysis;

/// <summary>Contract value divided by the number of people with a meaningful improvement, to the penny.</summary>
public static class CostPerOutcome
{
    /// <summary>
    /// The cost per person meaningfully improved, rounded to pence half away from zero (<see cref="Money.Rounding"/>);
    /// null when nobody improved, since there is then no outcome to divide by.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The contract value or the number improved is negative.</exception>
    public static decimal? Compute(decimal contractValue, int peopleImproved)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contractValue);
        ArgumentOutOfRangeException.ThrowIfNegative(peopleImproved);
        return peopleImproved == 0 ? null : Money.ToPence(contractValue / peopleImproved);
    }

    /// <summary>The cost per person meaningfully improved in <paramref name="summary"/>; null when nobody improved or the
    /// summary was suppressed.</summary>
    public static decimal? Compute(decimal contractValue, ChangeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.NImproved is { } improved ? Compute(contractValue, improved) : null;
    }
}
