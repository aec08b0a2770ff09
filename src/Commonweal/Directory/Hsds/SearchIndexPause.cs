using Commonweal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// On SQLite, the rows an import inserts leave the search index and the directory version alone until
/// the import has written them all; then each service it touched is indexed once and the version is
/// raised once. SQLite's triggers run for each row: row by row, a new service was indexed, then
/// unindexed and indexed again for each place and term inserted for it, and every row raised the
/// version, which together cost more than the rows themselves. The triggers an insert fires are set
/// aside for the import (<see cref="SqliteSetAside"/>). PostgreSQL keeps its index row by row and
/// raises its version once per statement.
/// </summary>
internal sealed class SearchIndexPause(CommonwealDbContext db)
{
    /// <summary>How the insert trigger's statement picks its one service (the SearchIndexPause migration's).</summary>
    private const string OneService = " WHERE s.Id = new.Id; END";

    /// <summary>The triggers an inserted directory row fires (the SearchIndex and DirectoryVersion migrations').</summary>
    private static readonly string[] InsertTriggers =
    [
        "services_fts_insert", "service_terms_fts_insert", "service_locations_fts_insert",
        "directory_version_services_insert", "directory_version_taxonomy_terms_insert", "directory_version_service_taxonomy_terms_insert",
        "directory_version_service_at_locations_insert", "directory_version_schedules_insert",
    ];

    private readonly HashSet<Guid> touched = [];

    private SqliteSetAside? setAside;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            setAside = await SqliteSetAside.TriggersAsync(db, InsertTriggers, cancellationToken);
        }
    }

    /// <summary>A service whose row, place or term was inserted while paused.</summary>
    public void Touched(Guid serviceId)
    {
        if (setAside is not null)
        {
            touched.Add(serviceId);
        }
    }

    /// <summary>
    /// Puts the triggers back, raises the version and indexes the services touched. With
    /// <paramref name="onlyNewServices"/>, the services table held nothing when the import began: every
    /// service in it now is one the import inserted, and the index holds none of them.
    /// </summary>
    public async Task EndAsync(bool onlyNewServices, CancellationToken cancellationToken)
    {
        if (setAside is null)
        {
            return;
        }

        await setAside.RestoreAsync(cancellationToken);
        setAside = null;
        await db.Database.ExecuteSqlRawAsync("UPDATE directory_version SET Version = Version + 1", cancellationToken);
        if (touched.Count > 0)
        {
            await ReindexTouchedAsync(onlyNewServices, cancellationToken);
        }

        touched.Clear();
    }

    /// <summary>
    /// Rebuilds the index rows of the touched services in two statements, from the insert trigger's own
    /// SQL run for all of them at once. Firing the update trigger for each service instead (setting its
    /// name to itself) also rewrote the service's row and its name index: 0.9 s at 50,000 new services,
    /// against 0.6 s.
    /// </summary>
    private async Task ReindexTouchedAsync(bool onlyNewServices, CancellationToken cancellationToken)
    {
        var stored = await SqliteSetAside.StoredAsync(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = 'services_fts_insert'", cancellationToken);
        var trigger = stored.GetValueOrDefault("services_fts_insert") ?? throw new InvalidOperationException("The trigger services_fts_insert is not in the database.");
        var body = trigger.IndexOf(" BEGIN ", StringComparison.Ordinal) is var begin and >= 0 && trigger.EndsWith(OneService, StringComparison.Ordinal)
            ? trigger[(begin + " BEGIN ".Length)..^OneService.Length]
            : throw new InvalidOperationException($"The trigger services_fts_insert no longer ends '{OneService}', which the import's reindexing relies on.");
        if (onlyNewServices)
        {
            // Every service is indexed, with no list of them to write and look up, nor old rows to delete
            // (0.1 s of 0.45 s at 50,000 services). 'delete-all' only makes sure of the last.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO services_fts (services_fts) VALUES ('delete-all')", cancellationToken);
            await SqliteSetAside.ExecuteAsync(db, $"{body} ORDER BY s.rowid", cancellationToken);
            return;
        }

        await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE search_index_touched (Id TEXT NOT NULL PRIMARY KEY)", cancellationToken);
        // Bound as the bulk inserter binds a key, so that the ids are stored as EF Core stores them.
        using (var insert = SqliteRowBinder.Prepare((SqliteConnection)db.Database.GetDbConnection(), "INSERT INTO search_index_touched VALUES (?)"))
        {
            foreach (var id in touched)
            {
                insert.Insert([id]);
            }
        }

        const string Rows = "SELECT rowid FROM services WHERE Id IN (SELECT Id FROM search_index_touched)";
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM services_fts WHERE rowid IN ({Rows})", cancellationToken);
        // In rowid order: the full-text index writes out what it holds whenever a row comes before the last
        // (three times slower in id order).
        await SqliteSetAside.ExecuteAsync(db, $"{body} WHERE s.rowid IN ({Rows}) ORDER BY s.rowid", cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DROP TABLE search_index_touched", cancellationToken);
    }
}
