namespace Commonweal.Outcomes.Analysis;

/// <summary>One person's score on one instrument (or one reported item) at baseline and at follow-up.</summary>
public readonly record struct PairedScore(double Baseline, double FollowUp)
{
    /// <summary>Follow-up minus baseline, with its raw sign (not flipped for the instrument's direction).</summary>
    public double Change => FollowUp - Baseline;
}
