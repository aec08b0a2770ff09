using Commonweal.Data;

namespace Commonweal.Audit;

/// <summary>
/// One entry of the append-only audit log. Each entry's hash covers its own fields and the previous
/// entry's hash, so altering or deleting any entry breaks every link after it.
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; set; } = NewId.Next();

    /// <summary>Position in the chain, from 1 with no gaps; unique, so two writers cannot fork the chain.</summary>
    public long Sequence { get; set; }

    public DateTime OccurredAt { get; set; }
    public Guid? ActorUserId { get; set; }
    public required string Actor { get; set; }

    /// <summary>For example "Organisation.Created", "Organisation.Updated", "Person.Read".</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>JSON: for creations the new values, for updates each changed field's old and new value.</summary>
    public required string Summary { get; set; }

    public string? Reason { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
