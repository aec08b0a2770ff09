using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Commonweal.Data;

/// <summary>
/// Serialises writers of the audit chain so that two transactions never read the same last entry.
/// SQLite already does: Microsoft.Data.Sqlite begins transactions IMMEDIATE, taking the write lock.
/// PostgreSQL needs a transaction-scoped advisory lock.
/// </summary>
internal static class AuditChainLock
{
    private const long LockKey = 0x436F6D6D6F6E; // "Common"

    public static async Task AcquireAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (database.IsNpgsql())
        {
            await database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        }
    }
}
