using Commonweal.Data;

namespace Commonweal.Referrals;

public enum ReferralStatus
{
    Sent,
    Accepted,
    Declined,
    InProgress,
    Completed,
    DidNotAttend,
    Cancelled,
}

public enum ReferralUrgency
{
    Routine,
    Soon,
    Urgent,
}

public enum ReferralSource
{
    /// <summary>Made on this platform.</summary>
    Platform,

    /// <summary>Received as a FHIR message bundle from another system.</summary>
    Fhir,
}

/// <summary>
/// A referral of a person to a directory service. Incoming referrals whose service is not in the
/// directory have no <see cref="ServiceId"/> yet: they wait, unrouted, for a platform admin.
/// </summary>
public sealed class Referral
{
    public const int NotesMaxLength = 4_000;
    public const int ReasonMaxLength = 1_000;

    public Guid Id { get; set; } = NewId.Next();

    /// <summary>People-facing and quotable on the phone: R-7KQ2-M9XD (see <see cref="ReferralReferences"/>).</summary>
    public string Reference { get; set; } = "";

    public Guid PersonId { get; set; }
    public Person? Person { get; set; }

    public Guid? ServiceId { get; set; }
    public Directory.Service? Service { get; set; }
    public Guid? ReceivingOrganisationId { get; set; }

    /// <summary>For an unrouted referral: the service as the sending system named it.</summary>
    public string? RequestedService { get; set; }

    public Guid? ReferringOrganisationId { get; set; }
    public Guid? ReferrerUserId { get; set; }
    public string ReferrerName { get; set; } = "";
    public string? ReferrerOrganisationName { get; set; }
    public string? ReferrerPhone { get; set; }
    public string? ReferrerEmail { get; set; }

    public ReferralUrgency Urgency { get; set; }
    public string? Notes { get; set; }
    public ReferralStatus Status { get; set; }
    public DateTime StatusChangedAt { get; set; }

    /// <summary>Why the service declined, or why the referral was cancelled or closed.</summary>
    public string? StatusReason { get; set; }

    public ReferralSource Source { get; set; }

    /// <summary>The sending system's identifier (a FHIR bundle's), so the same message is not taken twice.</summary>
    public string? ExternalId { get; set; }

    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public List<ReferralReason> Reasons { get; set; } = [];
    public List<ReferralTransition> Transitions { get; set; } = [];

    public bool IsRouted => ServiceId is not null;

    /// <summary>Accepted or being worked: holds one of the service's places.</summary>
    public bool HoldsPlace => Status is ReferralStatus.Accepted or ReferralStatus.InProgress;

    public bool IsOpen => Status is ReferralStatus.Sent or ReferralStatus.Accepted or ReferralStatus.InProgress;
}

/// <summary>A reason for the referral: a needs taxonomy term.</summary>
public sealed class ReferralReason
{
    public Guid ReferralId { get; set; }
    public Guid TaxonomyTermId { get; set; }
    public Directory.TaxonomyTerm? TaxonomyTerm { get; set; }
}

/// <summary>One step of a referral's life: from, to, when, by whom and why.</summary>
public sealed class ReferralTransition
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid ReferralId { get; set; }
    public ReferralStatus? From { get; set; }
    public ReferralStatus To { get; set; }
    public DateTime At { get; set; }
    public Guid? ByUserId { get; set; }
    public string By { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>A message between the referrer and the receiving service about one referral.</summary>
public sealed class ReferralMessage
{
    public const int TextMaxLength = 4_000;

    public Guid Id { get; set; } = NewId.Next();
    public Guid ReferralId { get; set; }
    public Guid? AuthorUserId { get; set; }
    public string Author { get; set; } = "";
    public Guid? AuthorOrganisationId { get; set; }
    public string? AuthorOrganisationName { get; set; }
    public required string Text { get; set; }
    public DateTime SentAt { get; set; }
}

/// <summary>A document sent with a referral (a letter, a care summary). Its content is never copied into the audit log.</summary>
public sealed class ReferralAttachment
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int FileNameMaxLength = 200;

    public Guid Id { get; set; } = NewId.Next();
    public Guid ReferralId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTime AddedAt { get; set; }
    public string AddedBy { get; set; } = "";
}
