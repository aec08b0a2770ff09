using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// On SQLite, the rows an import inserts leave the search index alone until the import has written
/// them all; then each service it touched is indexed once (see the SearchIndexPause migration). Row by
/// row, a new service was indexed, then unindexed and indexed again for each place and term inserted
/// for it. The pause is a row inside the import's own transaction, so nobody else ever sees it, and a
/// rejected file takes it away with everything else. PostgreSQL keeps its index row by row.
/// </summary>
internal sealed class SearchIndexPause(CommonwealDbContext db)
{
    private const int IdsPerUpdate = 5_000;

    private readonly HashSet<Guid> touched = [];
    private bool paused;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO search_index_paused (Id) VALUES (1)", cancellationToken);
            paused = true;
        }
    }

    /// <summary>A service whose row, place or term was inserted while paused.</summary>
    public void Touched(Guid serviceId)
    {
        if (paused)
        {
            touched.Add(serviceId);
        }
    }

    public async Task EndAsync(CancellationToken cancellationToken)
    {
        if (!paused)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync("DELETE FROM search_index_paused", cancellationToken);
        paused = false;
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
