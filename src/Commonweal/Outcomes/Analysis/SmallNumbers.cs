namespace Commonweal.Outcomes.Analysis;

/// <summary>
/// Small-number suppression for public pages: a figure about fewer than <see cref="Threshold"/> people could point to
/// someone, so it is withheld. Zero is shown, since it describes nobody. Commissioners and the service's own
/// organisation see the unsuppressed figures.
/// </summary>
public static class SmallNumbers
{
    public const int Threshold = 10;

    /// <summary>True when a figure about <paramref name="people"/> people must be withheld (1 to 9 people).</summary>
    public static bool IsSuppressed(int people) => people is > 0 and < Threshold;

    /// <summary>The count itself, or null when it must be withheld.</summary>
    public static int? Count(int people) => IsSuppressed(people) ? null : people;

    /// <summary>The follow-up rate, or null when it is about too few people with a baseline.</summary>
    public static double? FollowUpRate(OutcomeCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return IsSuppressed(counts.NBaseline) ? null : counts.FollowUpRate;
    }

    /// <summary>
    /// A copy of the summary for a public page: when fewer than <see cref="Threshold"/> people are paired, every figure
    /// derived from them is withheld and <see cref="ChangeSummary.Suppressed"/> is set; otherwise the summary itself.
    /// <see cref="ChangeSummary.NPaired"/> is kept because the record needs it; show it through <see cref="Count"/>.
    /// </summary>
    public static ChangeSummary Suppress(ChangeSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!IsSuppressed(summary.NPaired))
        {
            return summary;
        }
        return new ChangeSummary(summary.NPaired, null, null, null, null, null)
        {
            NImproved = null,
            NDeteriorated = null,
            Suppressed = true,
        };
    }
}
