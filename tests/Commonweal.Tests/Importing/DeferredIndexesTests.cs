using Commonweal.Data;
using Commonweal.Importing;
using Commonweal.Insight;
using Commonweal.TestSupport;
using Commonweal.Tests.Insight;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Importing;

/// <summary>
/// A 360Giving import into a table smaller than what it adds sets the table's secondary indexes aside
/// and builds them again before it commits (on SQLite). Whatever happens, the indexes afterwards must be
/// exactly those a fresh migration makes: same names, same columns, same uniqueness.
/// </summary>
public sealed class DeferredIndexesTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly GrantFiles files = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SetAside_TheIndexesAreGoneUntilRestored_ThenExactlyTheMigrations()
    {
        var migrated = await FreshMigrationIndexesAsync();
        await using var db = database.Database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
        var indexes = await DeferredIndexes.ForAsync<FundingRecord>(db, Cancel);

        await indexes.BeforeAddingAsync(1, Cancel);
        var during = await IndexesAsync(db);
        await indexes.RestoreAsync(Cancel);
        var after = await IndexesAsync(db);
        await transaction.CommitAsync(Cancel);

        Assert.Equal(7, migrated.Count);
        if (db.Database.IsSqlite())
        {
            Assert.True(during.Count == 0, $"still there while set aside: {string.Join("; ", during)}");
        }
        else
        {
            // PostgreSQL's readers would wait on a dropped index until commit: left alone there.
            Assert.Equal(migrated, during);
        }

        Assert.Equal(migrated, after);
        Assert.Equal(migrated, await IndexesAsync(database.Database));
    }

    [Fact]
    public async Task NotSetAside_WhileTheTableHoldsMoreThanTheImportHasAdded()
    {
        await GrantFiles.ImportAsync(database.Database, Fixtures.PathOf("360giving/a-b-charitable-trust-grants.json"));
        await using var db = database.Database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
        var indexes = await DeferredIndexes.ForAsync<FundingRecord>(db, Cancel);

        await indexes.BeforeAddingAsync(782, Cancel);

        Assert.False(indexes.Deferred);
        Assert.Equal(await FreshMigrationIndexesAsync(), await IndexesAsync(db));
    }

    [Fact]
    public async Task Import_IntoAnEmptyTable_LeavesTheIndexesAFreshMigrationMakes()
    {
        await using var empty = await MigratedAsync();

        var report = await GrantFiles.ImportAsync(empty, Fixtures.PathOf("360giving/a-b-charitable-trust-grants.json"));

        Assert.Equal("read 783, written 783, rejected 0", report.SummaryLine);
        Assert.Equal(await FreshMigrationIndexesAsync(), await IndexesAsync(empty));
    }

    [Fact]
    public async Task Import_RejectedAfterABatchWasWritten_WritesNothing_AndTheIndexesAreTheMigrations()
    {
        // The first batch is written (indexes set aside) before the bad grant of the second is read.
        var grants = Enumerable.Range(0, Commonweal.Insight.Giving.GrantImport.BatchSize)
            .Select(i => Grant($"360G-DEFER-{i}", "5"))
            .Append(Grant("360G-DEFER-BAD", "\"lots\""));
        var path = await files.WriteAsync("json", "{\"grants\": [\n" + string.Join(",\n", grants) + "\n]}");

        await using var empty = await MigratedAsync();

        var report = await GrantFiles.ImportAsync(empty, path);

        var rejection = Assert.Single(report.Rejected);
        Assert.Contains("360G-DEFER-BAD", rejection.ToString(), StringComparison.Ordinal);
        await using var db = empty.CreateContext();
        Assert.Equal(0, await db.FundingRecords.CountAsync(Cancel));
        Assert.Equal(0, await db.Organisations.CountAsync(Cancel));
        Assert.Equal(await FreshMigrationIndexesAsync(), await IndexesAsync(empty));
    }

    private static string Grant(string id, string amount) =>
        $$"""{"id": "{{id}}", "title": "t", "description": "d", "currency": "GBP", "amountAwarded": {{amount}}, "awardDate": "2025-05-01", "recipientOrganization": [{"id": "GB-CHC-1190100", "name": "R"}], "fundingOrganization": [{"id": "GB-CHC-1000149", "name": "F"}]}""";

    private static async Task<TestDatabase> MigratedAsync()
    {
        var fresh = await TestDatabase.CreateAsync();
        await fresh.MigrateAsync();
        return fresh;
    }

    /// <summary>funding_records' indexes in a database migrated just now, by name with their definitions.</summary>
    private static async Task<List<string>> FreshMigrationIndexesAsync()
    {
        await using var fresh = await MigratedAsync();
        return await IndexesAsync(fresh);
    }

    private static async Task<List<string>> IndexesAsync(TestDatabase on)
    {
        await using var db = on.CreateContext();
        return await IndexesAsync(db);
    }

    /// <summary>Each index as the database itself describes it: sqlite_master's SQL, or pg_indexes' definition.</summary>
    private static async Task<List<string>> IndexesAsync(CommonwealDbContext db)
    {
        var sql = db.Database.IsSqlite()
            ? "SELECT name || ': ' || sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'funding_records' AND sql IS NOT NULL ORDER BY name"
            : "SELECT indexname || ': ' || indexdef AS \"Value\" FROM pg_indexes WHERE tablename = 'funding_records' AND indexname <> 'PK_funding_records' ORDER BY indexname";
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync(Cancel);
    }

    public void Dispose() => files.Dispose();
}
