using System.Data;
using System.Text.Json.Nodes;
using Commonweal.Audit;
using Commonweal.Data;
using Commonweal.Directory.Hsds;
using Commonweal.Insight.Giving;
using Commonweal.TestSupport;
using Commonweal.Tests.Insight;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Importing;

/// <summary>
/// On SQLite both imports raise their connection's page cache while they run; the connection goes back
/// to the pool afterwards and must not carry the import's cache size to whoever takes it next, whether the
/// import wrote its file or refused it. The test databases' connections are not pooled, so these contexts'
/// are, as the application's are.
/// </summary>
public sealed class ImportPageCacheTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly GrantFiles files = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HsdsImport_GivesItsConnectionBackClosedWithTheCacheItFound()
    {
        var path = await files.WriteAsync("json", new JsonArray(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["name"] = "Marsh marigold walk", ["status"] = "active",
            ["organization"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Marsh Walkers", ["description"] = "Walks" },
        }).ToJsonString());

        await AssertCachePutBackAsync(async db => Assert.Empty((await new HsdsImport(db).ImportAsync(path, cancellationToken: Cancel)).Rejected));
    }

    [Fact]
    public async Task GrantImport_GivesItsConnectionBackClosedWithTheCacheItFound() =>
        await AssertCachePutBackAsync(async db =>
            Assert.Empty((await new GrantImport(db).ImportAsync(Fixtures.PathOf("360giving/a-b-charitable-trust-grants.json"), cancellationToken: Cancel)).Rejected));

    [Fact]
    public async Task RefusedGrantFile_GivesItsConnectionBackClosedWithTheCacheItFound()
    {
        var path = await files.WriteAsync("json", """{ "grants": [ { "id": "360G-x" } ] }""");

        await AssertCachePutBackAsync(async db => Assert.NotEmpty((await new GrantImport(db).ImportAsync(path, cancellationToken: Cancel)).Rejected));
    }

    private async Task AssertCachePutBackAsync(Func<CommonwealDbContext, Task> import)
    {
        await using var db = PooledContext();
        var before = await PageCacheAsync(db);

        await import(db);

        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        Assert.Equal(before, await PageCacheAsync(db));
    }

    private CommonwealDbContext PooledContext()
    {
        if (database.Database.Provider != DatabaseProvider.Sqlite)
        {
            return database.Database.CreateContext();
        }

        var options = new DbContextOptionsBuilder<CommonwealDbContext>();
        var pooled = new SqliteConnectionStringBuilder(database.Database.ConnectionString) { Pooling = true };
        CommonwealDatabase.Configure(options, DatabaseProvider.Sqlite, pooled.ConnectionString);
        return new CommonwealDbContext(options.Options, new FixedActorAccessor(Actor.System), TimeProvider.System);
    }

    /// <summary>SQLite's cache_size; on PostgreSQL, which has none, a stand-in that stays the same.</summary>
    private static async Task<long> PageCacheAsync(CommonwealDbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return 0;
        }

        await db.Database.OpenConnectionAsync(Cancel);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA cache_size";
            return (long)(await command.ExecuteScalarAsync(Cancel))!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose() => files.Dispose();
}
