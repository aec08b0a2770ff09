using Commonweal.Data;

namespace Commonweal.Directory;

public enum ServiceChangeStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A provider's edit to a service record that a person has assured: held for review rather than
/// applied, so that assured information stays assured. <see cref="Changes"/> is a JSON object of
/// field name to proposed value.
/// </summary>
public sealed class ServiceChange
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }
    public Guid ProposedByUserId { get; set; }
    public DateTime ProposedAt { get; set; }
    public required string Changes { get; set; }
    public ServiceChangeStatus Status { get; set; } = ServiceChangeStatus.Pending;
    public Guid? ReviewedByUserId { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
}
