using Commonweal.Data;

namespace Commonweal.Passport;

public enum ReminderThreshold
{
    ExpiringSoon,
    Expired,
}

/// <summary>
/// A threshold an item of evidence has reached, recorded the first time it is reached. Keyed by the
/// item, the threshold and the date that drove it, so renewing the evidence (a new date) lets the
/// next reminder come in its turn.
/// </summary>
public sealed class PassportReminder
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid OrganisationId { get; set; }
    public Guid EvidenceId { get; set; }
    public EvidenceKind Kind { get; set; }
    public ReminderThreshold Threshold { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime RecordedAt { get; set; }
}
