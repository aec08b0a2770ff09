using System.Data.Common;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commonweal.Importing;

/// <summary>
/// A larger SQLite page cache for one import's connection, put back as it was when the import ends
/// (the connection goes back to the pool). An import writes hundreds of thousands of rows into
/// tables with several indexes in one transaction; with SQLite's default 2 MB cache, index pages are
/// spilt to the write-ahead log and written again many times before the commit.
/// </summary>
public sealed class SqlitePageCache : IAsyncDisposable
{
    /// <summary>In kibibytes, as a negative cache_size is read: 128 MiB, taken only as pages are used.</summary>
    private const int ImportKibibytes = 131_072;

    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly long before;

    private SqlitePageCache(DbTransaction transaction, long before) => (connection, this.transaction, this.before) = (transaction.Connection!, transaction, before);

    /// <summary>Enlarges the cache of the open connection inside the current transaction; nothing on other databases.</summary>
    public static async Task<IAsyncDisposable> EnlargeAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return NoChange.Instance;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The page cache is enlarged inside the import's transaction, whose connection stays open.");
        var before = Convert.ToInt64(await ScalarAsync(transaction, "PRAGMA cache_size;", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await ScalarAsync(transaction, $"PRAGMA cache_size = -{ImportKibibytes};", cancellationToken);
        return new SqlitePageCache(transaction, before);
    }

    public async ValueTask DisposeAsync()
    {
        // Disposed before the transaction, so the connection is still open; the transaction may be over (committed) or not (a failure).
        if (connection.State == System.Data.ConnectionState.Open)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction.Connection is null ? null : transaction;
            command.CommandText = $"PRAGMA cache_size = {before};";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<object?> ScalarAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private sealed class NoChange : IAsyncDisposable
    {
        public static readonly NoChange Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
