using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Commonweal.Data;

/// <summary>
/// Lets one audited write transaction at a time into a SQLite database from this process, in turn.
/// SQLite allows one writer; without a queue, concurrent writers are refused with SQLITE_BUSY and
/// Microsoft.Data.Sqlite retries each after sleeping 150 ms, so under load most of a request's time
/// was spent asleep. Waiting here instead costs only the writes ahead in the queue. PostgreSQL needs
/// no gate (its writers run side by side, serialised only on the audit chain's advisory lock).
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for this database's turn; null (no wait) for other engines.</summary>
    public static async Task<IDisposable?> EnterAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (!database.IsSqlite())
        {
            return null;
        }

        var gate = Gates.GetOrAdd(database.GetDbConnection().DataSource, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
