using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Audit;

/// <summary>The first entry at which the chain no longer holds, and why.</summary>
public sealed record AuditBreak(long Sequence, Guid Id, string Reason);

public sealed record AuditVerification(long Checked, AuditBreak? Break)
{
    public bool Intact => Break is null;
}

/// <summary>
/// Walks the audit log in order and checks every link: no sequence missing, each entry pointing at
/// the hash of the one before, and each hash matching the entry's contents. It only reads, so that
/// checking the chain never changes it.
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(CommonwealDbContext db, int batchSize = 5_000, CancellationToken cancellationToken = default)
    {
        var expected = 1L;
        var previousHash = AuditChain.Genesis;
        while (true)
        {
            var after = expected - 1;
            var batch = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                var reason = FindFault(entry, expected, previousHash);
                if (reason is not null)
                {
                    return new AuditVerification(expected - 1, new AuditBreak(entry.Sequence, entry.Id, reason));
                }

                previousHash = entry.Hash;
                expected++;
            }

            if (batch.Count < batchSize)
            {
                return new AuditVerification(expected - 1, null);
            }
        }
    }

    private static string? FindFault(AuditEvent entry, long expected, string previousHash)
    {
        if (entry.Sequence != expected)
        {
            return expected == entry.Sequence - 1
                ? $"entry {expected} is missing"
                : $"entries {expected} to {entry.Sequence - 1} are missing";
        }

        if (entry.PreviousHash != previousHash)
        {
            return expected == 1
                ? "previous hash is not the start of the chain"
                : $"previous hash does not match entry {expected - 1}";
        }

        return AuditChain.ComputeHash(entry) == entry.Hash ? null : "hash does not match its contents";
    }
}
