namespace Commonweal.Outcomes;

/// <summary>
/// One scale of one referral's change, kept as responses are recorded: the baseline score and, once the
/// person has answered again (a follow-up or the discharge), the score of the latest of those answers.
/// Analysis reads one of these per person and scale rather than every score of every response and
/// pairing them itself, which at 400,000 responses was most of its time. Derived from the responses by
/// <see cref="OutcomePairing"/> in the same save; never written on its own.
/// </summary>
public sealed class OutcomePair
{
    public Guid ReferralId { get; set; }
    public required string InstrumentKey { get; set; }
    public required string ScaleKey { get; set; }

    /// <summary>The baseline's service: the service whose outcome this is.</summary>
    public Guid ServiceId { get; set; }

    /// <summary>When the referral was made: an analysis's cohort is the referrals made in its period.</summary>
    public DateTime ReferredAt { get; set; }

    public double Baseline { get; set; }

    /// <summary>Whether the person answered again after the baseline (the referral counts as paired).</summary>
    public bool Paired { get; set; }

    /// <summary>This scale's score in the latest later answers; none when those answers lack the scale.</summary>
    public double? Latest { get; set; }
}
