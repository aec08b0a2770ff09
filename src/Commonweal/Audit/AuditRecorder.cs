using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Audit;

/// <summary>Turns the change tracker's pending changes into audit events (before and after values).</summary>
public static class AuditRecorder
{
    public const string RedactedAnnotation = "Commonweal:AuditRedacted";
    public const string NotAuditedAnnotation = "Commonweal:NotAudited";
    private const string Redacted = "(redacted)";

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The value is never copied into the log, only the fact that it changed.</summary>
    public static PropertyBuilder<T> IsAuditRedacted<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(RedactedAnnotation, true);

    /// <summary>For infrastructure tables (the log itself, key rings) whose changes are not business events.</summary>
    public static EntityTypeBuilder<T> IsNotAudited<T>(this EntityTypeBuilder<T> entity) where T : class =>
        entity.HasAnnotation(NotAuditedAnnotation, true);

    /// <summary>One event per added, changed or removed row; added rows are left out when <paramref name="describeAdded"/>
    /// is false (an import that audits what it adds as one event).</summary>
    public static List<AuditEvent> Describe(ChangeTracker tracker, Actor actor, DateTime now, bool describeAdded = true)
    {
        var events = new List<AuditEvent>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || (entry.State is EntityState.Added && !describeAdded)
                || entry.Metadata.FindAnnotation(NotAuditedAnnotation) is not null)
            {
                continue;
            }

            var summary = entry.State switch
            {
                EntityState.Added => Values(entry, current: true),
                EntityState.Deleted => Values(entry, current: false),
                _ => Changes(entry),
            };
            if (summary.Count == 0)
            {
                continue;
            }

            var verb = entry.State switch
            {
                EntityState.Added => "Created",
                EntityState.Deleted => "Deleted",
                _ => "Updated",
            };
            var entityType = entry.Metadata.ClrType.Name;
            events.Add(new AuditEvent
            {
                OccurredAt = now,
                ActorUserId = actor.UserId,
                Actor = actor.Name,
                Action = $"{entityType}.{verb}",
                EntityType = entityType,
                EntityId = KeyOf(entry),
                Summary = summary.ToJsonString(),
                PreviousHash = "",
                Hash = "",
            });
        }

        return events;
    }

    public static string Serialise(object? value) => JsonSerializer.Serialize(value, Json);

    private static JsonObject Values(EntityEntry entry, bool current)
    {
        var values = new JsonObject();
        foreach (var property in entry.Properties)
        {
            var value = current ? property.CurrentValue : property.OriginalValue;
            if (value is not null)
            {
                values[property.Metadata.Name] = ValueOf(property.Metadata, value);
            }
        }

        return values;
    }

    private static JsonObject Changes(EntityEntry entry)
    {
        var changes = new JsonObject();
        foreach (var property in entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
        {
            changes[property.Metadata.Name] = new JsonObject
            {
                ["from"] = ValueOf(property.Metadata, property.OriginalValue),
                ["to"] = ValueOf(property.Metadata, property.CurrentValue),
            };
        }

        return changes;
    }

    private static JsonNode? ValueOf(IProperty property, object? value) =>
        property.FindAnnotation(RedactedAnnotation) is not null
            ? JsonValue.Create(Redacted)
            : JsonSerializer.SerializeToNode(value, Json);

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? ""
            : string.Join("/", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
