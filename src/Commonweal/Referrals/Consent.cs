using Commonweal.Data;

namespace Commonweal.Referrals;

public enum ConsentScope
{
    /// <summary>Sharing what one referral needs with the service it is sent to.</summary>
    Referral,

    /// <summary>Sharing the record, plan and concerns with everyone on the care team.</summary>
    CareTeamSharing,

    /// <summary>Being asked outcome questionnaires after the service.</summary>
    OutcomeFollowUp,
}

public enum ConsentGivenBy
{
    Person,
    Representative,
}

public enum ConsentMethod
{
    Verbal,
    Written,
    Electronic,
}

/// <summary>
/// A consent as the person (or their representative) gave it. It is never deleted: withdrawal is
/// recorded with its time, and from that moment the sharing it allowed stops.
/// </summary>
public sealed class Consent
{
    public const int TextMaxLength = 500;

    public Guid Id { get; set; } = NewId.Next();
    public Guid PersonId { get; set; }
    public ConsentScope Scope { get; set; }

    /// <summary>For <see cref="ConsentScope.Referral"/>: the referral it covers.</summary>
    public Guid? ReferralId { get; set; }

    public ConsentGivenBy GivenBy { get; set; }
    public string? RepresentativeName { get; set; }
    public string? RepresentativeRelationship { get; set; }
    public ConsentMethod Method { get; set; }
    public DateTime GivenAt { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public string RecordedBy { get; set; } = "";

    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }
    public string? WithdrawalRecordedBy { get; set; }

    public bool IsActive(DateTime now) => GivenAt <= now && (WithdrawnAt is null || WithdrawnAt > now);

    /// <summary>Whether this consent lets a referral be shared with its service.</summary>
    public bool Covers(Guid referralId, DateTime now) =>
        IsActive(now) && (Scope == ConsentScope.CareTeamSharing || (Scope == ConsentScope.Referral && ReferralId == referralId));
}
