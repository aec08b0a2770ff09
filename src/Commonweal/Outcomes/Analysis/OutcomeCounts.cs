namespace Commonweal.Outcomes.Analysis;

/// <summary>
/// How many people were referred, had a baseline, and had a paired follow-up. The follow-up rate is shown beside every
/// result because people lost to follow-up are rarely a random sample: a low rate means the paired change may flatter
/// the service.
/// </summary>
public sealed record OutcomeCounts(int NReferred, int NBaseline, int NPaired)
{
    public int NReferred { get; init; } = NReferred >= 0
        ? NReferred
        : throw new ArgumentOutOfRangeException(nameof(NReferred), NReferred, "A count cannot be negative.");

    public int NBaseline { get; init; } = NBaseline >= 0
        ? NBaseline
        : throw new ArgumentOutOfRangeException(nameof(NBaseline), NBaseline, "A count cannot be negative.");

    // A pair needs a baseline, so there cannot be more pairs than baselines.
    public int NPaired { get; init; } = NPaired >= 0 && NPaired <= NBaseline
        ? NPaired
        : throw new ArgumentOutOfRangeException(nameof(NPaired), NPaired,
            "The number paired must be between 0 and the number with a baseline.");

    /// <summary>Paired follow-ups as a fraction (0 to 1) of people with a baseline; null when nobody has a baseline.</summary>
    public double? FollowUpRate => NBaseline == 0 ? null : (double)NPaired / NBaseline;
}
