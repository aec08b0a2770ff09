using System.Collections.Concurrent;
using MathNet.Numerics.Distributions;

namespace Commonweal.Outcomes.Analysis;

/// <summary>Mean paired change with its 95 % confidence interval, and the shares meaningfully improved and deteriorated.</summary>
public static class PairedChange
{
    /// <summary>The confidence level of <see cref="ChangeSummary.CiLow"/> and <see cref="ChangeSummary.CiHigh"/>.</summary>
    public const double ConfidenceLevel = 0.95;

    // Scores are often decimals (SWEMWBS metric scores have two places) that binary doubles cannot hold exactly, so a
    // change of exactly the threshold can come out a hair below it (8.1 - 5.1 = 2.9999999999999996). This tolerance,
    // far below any score's precision, lets such a change count as meaningful, as the instrument intends.
    private const double ThresholdTolerance = 1e-9;

    /// <summary>
    /// Summarises paired scores. change = follow-up − baseline. The mean and sample variance are computed in one
    /// numerically stable pass (Welford); the interval is mean ± t(0.975, n − 1) · s / √n, with s the sample standard
    /// deviation. A person has improved when their change is at least <paramref name="meaningfulChange"/> in the better
    /// direction, and deteriorated when it is at least that in the worse direction; a change of exactly the threshold
    /// counts.
    /// </summary>
    /// <exception cref="ArgumentException">A score is not a finite number, the threshold is not a positive finite
    /// number, or the direction is unknown.</exception>
    public static ChangeSummary Summarise(IReadOnlyList<PairedScore> pairs, double meaningfulChange, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (!double.IsFinite(meaningfulChange) || meaningfulChange <= 0)
        {
            // Zero would let "no change at all" count as both improved and deteriorated.
            throw new ArgumentOutOfRangeException(nameof(meaningfulChange), meaningfulChange,
                "The meaningful-change threshold must be a positive number.");
        }
        if (!Enum.IsDefined(direction))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown direction.");
        }

        var threshold = meaningfulChange - ThresholdTolerance;
        var n = 0;
        var mean = 0.0;
        var sumOfSquares = 0.0;
        var rises = 0;
        var falls = 0;
        foreach (var pair in pairs)
        {
            if (!double.IsFinite(pair.Baseline) || !double.IsFinite(pair.FollowUp))
            {
                throw new ArgumentException($"Score {n + 1} is not a finite number.", nameof(pairs));
            }
            var change = pair.Change;
            n++;
            var delta = change - mean;
            mean += delta / n;
            sumOfSquares += delta * (change - mean);
            if (change >= threshold)
            {
                rises++;
            }
            else if (change <= -threshold)
            {
                falls++;
            }
        }

        if (n == 0)
        {
            return new ChangeSummary(0, null, null, null, null, null) { NImproved = 0, NDeteriorated = 0 };
        }

        var (improved, deteriorated) = direction == Direction.HigherIsBetter ? (rises, falls) : (falls, rises);
        double? low = null;
        double? high = null;
        if (n >= 2)
        {
            var variance = Math.Max(0, sumOfSquares / (n - 1));
            var halfWidth = CriticalValue(n - 1) * Math.Sqrt(variance / n);
            low = mean - halfWidth;
            high = mean + halfWidth;
        }
        return new ChangeSummary(n, mean, low, high, (double)improved / n, (double)deteriorated / n)
        {
            NImproved = improved,
            NDeteriorated = deteriorated,
        };
    }

    /// <summary>
    /// The two-sided 95 % critical value of Student's t distribution: its 0.975 quantile. Found by root
    /// finding, which costs microseconds; comparing thousands of small services asks for the same few
    /// degrees of freedom again and again, so each is found once.
    /// </summary>
    public static double CriticalValue(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return CriticalValues.GetOrAdd(degreesOfFreedom, df => StudentT.InvCDF(0, 1, df, 1 - (1 - ConfidenceLevel) / 2));
    }

    private static readonly ConcurrentDictionary<int, double> CriticalValues = new();
}
