using Commonweal.Data;

namespace Commonweal.Outcomes;

/// <summary>When in the person's time with a service a questionnaire was answered.</summary>
public enum OutcomeTimepoint
{
    /// <summary>At the start, before the service has made a difference: what change is measured from.</summary>
    Baseline,

    /// <summary>At one of the service's follow-up points, so many months after the baseline.</summary>
    FollowUp,

    /// <summary>When the person leaves the service.</summary>
    Discharge,
}

/// <summary>
/// A person's answers to one instrument at one point of one referral, with the scores computed from
/// them when recorded. Answers and scores are personal data: they are read through the person's
/// record and never copied into the audit log; analysis uses only the scores, never the person.
/// </summary>
public sealed class OutcomeResponse
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid PersonId { get; set; }
    public Guid ReferralId { get; set; }
    public Guid ServiceId { get; set; }

    /// <summary>The service's organisation when the response was recorded (the provider whose outcome it is).</summary>
    public Guid OrganisationId { get; set; }

    public required string InstrumentKey { get; set; }
    public required string InstrumentVersion { get; set; }
    public OutcomeTimepoint Timepoint { get; set; }

    /// <summary>For a follow-up: the service's follow-up point it answers (3 for "3 months after the baseline").</summary>
    public int? FollowUpMonths { get; set; }

    public DateOnly CompletedOn { get; set; }

    /// <summary>Item id to answer, as JSON ({"anxiety": 3, ...}).</summary>
    public string Answers { get; set; } = "{}";

    public DateTime RecordedAt { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public string RecordedBy { get; set; } = "";

    public List<OutcomeScore> Scores { get; set; } = [];
}

/// <summary>One scale's score for a response (ONS4 gives four, SWEMWBS one).</summary>
public sealed class OutcomeScore
{
    public Guid ResponseId { get; set; }
    public required string ScaleKey { get; set; }
    public double Score { get; set; }
}
