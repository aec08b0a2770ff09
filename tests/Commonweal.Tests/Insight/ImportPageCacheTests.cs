using System.Data.Common;
using Commonweal.Data;
using Commonweal.Importing;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commonweal.Tests.Insight;

/// <summary>
/// An import's larger SQLite page cache is its own: set on its connection inside its transaction and
/// put back when the import ends, whether it committed or failed, since the connection returns to the pool.
/// </summary>
public sealed class ImportPageCacheTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Enlarge_DuringAnImport_IsPutBackWhenItEnds(bool commits)
    {
        await using var db = database.Database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
        var connection = db.Database.GetDbConnection();
        var before = await CacheSizeAsync(connection, transaction);

        await using (var cache = await SqlitePageCache.EnlargeAsync(db, Cancel))
        {
            var during = await CacheSizeAsync(connection, transaction);
            Assert.Equal(database.Database.Provider == DatabaseProvider.Sqlite ? -131_072 : before, during);
            if (commits)
            {
                await transaction.CommitAsync(Cancel);
            }
        }

        // Committed, the connection went back to the pool: opened again, it is the same SQLite connection.
        if (commits)
        {
            await connection.OpenAsync(Cancel);
        }

        Assert.Equal(before, await CacheSizeAsync(connection, commits ? null : transaction));
    }

    /// <summary>SQLite's cache_size; on PostgreSQL, which has none, a stand-in that stays the same.</summary>
    private async Task<long> CacheSizeAsync(DbConnection connection, IDbContextTransaction? transaction)
    {
        if (database.Database.Provider != DatabaseProvider.Sqlite)
        {
            return 0;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction?.GetDbTransaction();
        command.CommandText = "PRAGMA cache_size;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }
}
