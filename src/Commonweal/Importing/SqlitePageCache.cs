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

    private readonly CommonwealDbContext db;
    private readonly DbTransaction transaction;
    private readonly long before;

    private SqlitePageCache(CommonwealDbContext db, DbTransaction transaction, long before) => (this.db, this.transaction, this.before) = (db, transaction, before);

    /// <summary>Enlarges the cache of the open connection inside the current transaction; nothing on other databases.</summary>
    public static async Task<IAsyncDisposable> EnlargeAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return NoChange.Instance;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The page cache is enlarged inside the import's transaction, whose connection stays open.");
        // Held open here as well, so that committing (which closes a connection the transaction opened) leaves it open to be put back.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var before = Convert.ToInt64(await ScalarAsync(transaction, "PRAGMA cache_size;", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await ScalarAsync(transaction, $"PRAGMA cache_size = -{ImportKibibytes};", cancellationToken);
        return new SqlitePageCache(db, transaction, before);
    }

    public async ValueTask DisposeAsync()
    {
        // The transaction may be over (committed) or not (a failure, rolled back after this).
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = transaction.Connection is null ? null : transaction;
            command.CommandText = $"PRAGMA cache_size = {before};";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }

        await db.Database.CloseConnectionAsync();
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
