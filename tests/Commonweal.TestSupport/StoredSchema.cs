using Microsoft.EntityFrameworkCore;

namespace Commonweal.TestSupport;

/// <summary>
/// The triggers or indexes of a test database, each as "name: definition" the way the database itself
/// keeps them, in name order: for tests that an import which sets some aside leaves every one as it was.
/// </summary>
public static class StoredSchema
{
    public static Task<List<string>> TriggersAsync(TestDatabase database) => ReadAsync(database,
        "SELECT name || ': ' || sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger'",
        "SELECT tgname || ': ' || pg_get_triggerdef(oid) AS \"Value\" FROM pg_trigger WHERE NOT tgisinternal");

    /// <summary>Indexes made by CREATE INDEX (on SQLite, not those a primary key or constraint makes itself).</summary>
    public static Task<List<string>> IndexesAsync(TestDatabase database) => ReadAsync(database,
        "SELECT name || ': ' || sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
        "SELECT indexname || ': ' || indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema()");

    private static async Task<List<string>> ReadAsync(TestDatabase database, string sqlite, string postgres)
    {
        await using var db = database.CreateContext();
        var rows = await db.Database.SqlQueryRaw<string>(db.Database.IsSqlite() ? sqlite : postgres).ToListAsync(TestContext.Current.CancellationToken);
        return [.. rows.Order(StringComparer.Ordinal)];
    }
}
