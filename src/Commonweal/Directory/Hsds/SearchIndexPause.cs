using Commonweal.Data;
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
    private const int IdsPerUpdate = 5_000;

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

    public async Task EndAsync(CancellationToken cancellationToken)
    {
        if (setAside is null)
        {
            return;
        }

        await setAside.RestoreAsync(cancellationToken);
        setAside = null;
        await db.Database.ExecuteSqlRawAsync("UPDATE directory_version SET Version = Version + 1", cancellationToken);
        // Setting a name to itself fires the index's update trigger, which rebuilds the service's row
        // from what is stored now.
        foreach (var chunk in touched.Chunk(IdsPerUpdate))
        {
            var ids = chunk.ToList();
            await db.Services.Where(s => ids.Contains(s.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Name, s => s.Name), cancellationToken);
        }

        touched.Clear();
    }
}
