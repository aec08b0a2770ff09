using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Commonweal.Audit;

public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// SHA-256 over every field that matters, each length-prefixed so that no two different entries
    /// can be made to serialise alike by moving text between fields.
    /// </summary>
    public static string ComputeHash(AuditEvent e)
    {
        var fields = new[]
        {
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.PreviousHash,
            e.Id.ToString("D"),
            e.OccurredAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
            e.ActorUserId?.ToString("D") ?? "",
            e.Actor,
            e.Action,
            e.EntityType,
            e.EntityId,
            e.Summary,
            e.Reason ?? "",
        };
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Links an event to the chain: sets its sequence, previous hash and hash.</summary>
    public static void Link(AuditEvent e, long sequence, string previousHash)
    {
        // PostgreSQL keeps timestamps to the microsecond; hashing the 100 ns ticks .NET has would
        // make every entry read back from it fail verification.
        e.OccurredAt = e.OccurredAt.AddTicks(-(e.OccurredAt.Ticks % TimeSpan.TicksPerMicrosecond));
        e.Sequence = sequence;
        e.PreviousHash = previousHash;
        e.Hash = ComputeHash(e);
    }
}
