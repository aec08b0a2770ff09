using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Importing;

/// <summary>
/// On SQLite, an import's one transaction outgrows the connection's page cache (2 MB by default) long
/// before it ends; from then on SQLite writes changed pages out to the write-ahead log in the middle of
/// the transaction and reads them back for the next row (20,000 HSDS services made 520,000 writes and
/// 151,000 reads; with this cache, 29,000 and 16,000; 200,000 grants spent 0.7 s less in the kernel). The import holds its connection open, gives it a
/// larger cache while it runs and the old size back after (a pooled connection outlives the import).
/// PostgreSQL is left alone.
/// </summary>
public sealed class ImportPageCache : IAsyncDisposable
{
    /// <summary>In KiB, as SQLite takes a negative cache_size: taken only as pages are used (a database of 50,000 services is about 96 MB).</summary>
    private const int ImportKibibytes = 128 * 1024;

    private readonly CommonwealDbContext db;
    private readonly long? previous;

    private ImportPageCache(CommonwealDbContext db, long? previous) => (this.db, this.previous) = (db, previous);

    /// <summary>
    /// Opens the context's connection and raises its cache; disposing puts the old size back and closes
    /// it. Begin the import's transaction after this, so that the transaction ends first.
    /// </summary>
    public static async Task<ImportPageCache> RaiseAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return new ImportPageCache(db, null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var previous = (long)(await PragmaAsync(db, "PRAGMA cache_size", cancellationToken))!;
        await PragmaAsync(db, $"PRAGMA cache_size = {-ImportKibibytes}", cancellationToken);
        return new ImportPageCache(db, previous);
    }

    public async ValueTask DisposeAsync()
    {
        if (previous is { } size)
        {
            await PragmaAsync(db, $"PRAGMA cache_size = {size}", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<object?> PragmaAsync(CommonwealDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
