namespace Commonweal.Insight;

/// <summary>Income from one funder (or one kind of other income) in a year.</summary>
public sealed record FunderIncome(string Key, string Funder, FundingSource Source, decimal Amount);

/// <summary>One funder's income and its share of the organisation's total.</summary>
public sealed record FunderShare(string Key, string Funder, FundingSource Source, decimal Amount, double Share);

/// <summary>An organisation's dependency picture for one financial year.</summary>
public sealed record DependencyFigures(
    decimal TotalIncome,
    IReadOnlyList<FunderShare> Funders,
    double LargestShare,
    string? LargestFunder,
    double Hhi,
    double? EquivalentFunders,
    bool DependsOnOneFunder,
    bool Concentrated)
{
    /// <summary>A largest single-funder share above this (not at it) is flagged.</summary>
    public const double LargestShareThreshold = 0.5;

    /// <summary>A Herfindahl-Hirschman index above this (not at it) is flagged as concentrated.</summary>
    public const double HhiThreshold = 0.25;

    public bool Flagged => DependsOnOneFunder || Concentrated;
}

/// <summary>
/// Concentration of income: each funder's share of the total, the largest share, the
/// Herfindahl-Hirschman index (sum of squared shares, 0 to 1) and its inverse, the number of
/// equal funders that would give the same concentration.
/// </summary>
public static class Dependency
{
    public static DependencyFigures Compute(IEnumerable<FunderIncome> income)
    {
        // Several records from one funder add up; negative or zero amounts (refunds netted off) do not count as funders.
        var byFunder = income
            .GroupBy(i => i.Key)
            .Select(g => new FunderIncome(g.Key, g.First().Funder, g.First().Source, g.Sum(i => i.Amount)))
            .Where(f => f.Amount > 0)
            .OrderByDescending(f => f.Amount).ThenBy(f => f.Funder, StringComparer.Ordinal)
            .ToList();
        var total = byFunder.Sum(f => f.Amount);
        if (total <= 0)
        {
            return new DependencyFigures(0, [], 0, null, 0, null, false, false);
        }

        var shares = byFunder.Select(f => new FunderShare(f.Key, f.Funder, f.Source, f.Amount, (double)(f.Amount / total))).ToList();
        // Shares come from decimal division, so an exact half or quarter stays exact for the thresholds.
        var hhiExact = byFunder.Sum(f => (f.Amount / total) * (f.Amount / total));
        var largestExact = byFunder[0].Amount / total;
        var hhi = (double)hhiExact;
        return new DependencyFigures(
            total,
            shares,
            (double)largestExact,
            byFunder[0].Funder,
            hhi,
            1 / hhi,
            largestExact > (decimal)DependencyFigures.LargestShareThreshold,
            hhiExact > (decimal)DependencyFigures.HhiThreshold);
    }
}
