using Commonweal.Data;

namespace Commonweal.Referrals.Concerns;

public enum ConcernKind
{
    Safeguarding,
    Health,
    Wellbeing,
    Other,
}

public enum ConcernSeverity
{
    Low,
    Medium,
    High,
}

public enum ConcernStatus
{
    Open,
    Closed,
}

/// <summary>
/// A worry about a person raised by a member of their care team, shown to the whole team and to the
/// safeguarding lead of each organisation involved, each of whom acknowledges it for their organisation.
/// It stays open until one of them closes it with what was done; a closed concern leaves the banner and
/// the escalation job, and is kept, with its outcome, as history.
/// </summary>
public sealed class Concern
{
    public const int DescriptionMaxLength = 4_000;
    public const int OutcomeMaxLength = 4_000;

    public Guid Id { get; set; } = NewId.Next();
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public ConcernKind Kind { get; set; }
    public ConcernSeverity Severity { get; set; }
    public string Description { get; set; } = "";
    public Guid RaisedByUserId { get; set; }
    public string RaisedBy { get; set; } = "";
    public Guid RaisedByOrganisationId { get; set; }
    public string RaisedByOrganisation { get; set; } = "";
    public DateTime RaisedAt { get; set; }

    /// <summary>Set once, by <see cref="ConcernEscalation"/>, when a high-severity concern went unacknowledged too long.</summary>
    public DateTime? EscalatedAt { get; set; }

    /// <summary>Set once, by <see cref="ConcernWork.CloseAsync"/>, with who closed it, for which organisation, and the outcome.</summary>
    public DateTime? ClosedAt { get; set; }
    public Guid? ClosedByUserId { get; set; }
    public string? ClosedBy { get; set; }
    public Guid? ClosedByOrganisationId { get; set; }
    public string? ClosedByOrganisation { get; set; }

    /// <summary>What was done about the concern, in the closer's words.</summary>
    public string? Outcome { get; set; }

    public List<ConcernAcknowledgement> Acknowledgements { get; set; } = [];

    public bool IsEscalated => EscalatedAt is not null;

    public bool IsClosed => ClosedAt is not null;

    public ConcernStatus Status => IsClosed ? ConcernStatus.Closed : ConcernStatus.Open;
}

/// <summary>One organisation's safeguarding lead has seen the concern.</summary>
public sealed class ConcernAcknowledgement
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid ConcernId { get; set; }
    public Guid OrganisationId { get; set; }
    public string OrganisationName { get; set; } = "";
    public Guid UserId { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}

public static class ConcernLabels
{
    public static string Kind(ConcernKind kind) => kind switch
    {
        ConcernKind.Safeguarding => "Safeguarding",
        ConcernKind.Health => "Health",
        ConcernKind.Wellbeing => "Wellbeing",
        ConcernKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static string Severity(ConcernSeverity severity) => severity switch
    {
        ConcernSeverity.Low => "Low",
        ConcernSeverity.Medium => "Medium",
        ConcernSeverity.High => "High",
        _ => severity.ToString(),
    };
}
