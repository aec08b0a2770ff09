using Commonweal.Directory;
using Commonweal.TestSupport;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Commonweal.Tests.Directory;

/// <summary>
/// The search index follows changes to services, their terms, their organisations and their
/// places (on SQLite the index itself narrows by need and map cell, so it must keep up).
/// </summary>
public sealed class SearchIndexTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<List<Guid>> FindAsync(string text)
    {
        await using var db = database.Database.CreateContext();
        return [.. (await new ServiceSearch(db).SearchAsync(new ServiceQuery { Text = text }, 1, 50, Cancel)).Hits.Select(h => h.ServiceId)];
    }

    [Fact]
    public async Task Index_FollowsRenamesAndRemovals()
    {
        var data = new DirectoryTestData(() => database.Database.CreateContext());
        var organisation = await data.OrganisationAsync("Poplar Befriending Trust");
        var taxonomy = await data.TaxonomyAsync("Needs");
        var term = await data.TermAsync(taxonomy, "Loneliness");
        var service = await data.ServiceAsync(organisation, "Telephone friends", "Weekly calls", terms: [term]);
        Assert.Equal([service.Id], await FindAsync("befriending"));
        Assert.Equal([service.Id], await FindAsync("loneliness"));

        await using (var db = database.Database.CreateContext())
        {
            await db.Organisations.Where(o => o.Id == organisation.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Name, "Poplar Companions"), Cancel);
            await db.TaxonomyTerms.Where(t => t.Id == term.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Name, "Isolation"), Cancel);
            await db.Services.Where(s => s.Id == service.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Description, "Daily chats"), Cancel);
        }

        Assert.Empty(await FindAsync("befriending"));
        Assert.Equal([service.Id], await FindAsync("companions"));
        Assert.Equal([service.Id], await FindAsync("isolation"));
        Assert.Equal([service.Id], await FindAsync("chats"));
        Assert.Empty(await FindAsync("weekly"));

        await using (var db = database.Database.CreateContext())
        {
            db.ServiceTaxonomyTerms.RemoveRange(db.ServiceTaxonomyTerms.Where(t => t.ServiceId == service.Id));
            await db.SaveChangesAsync(Cancel);
        }

        Assert.Empty(await FindAsync("isolation"));
        await using (var db = database.Database.CreateContext())
        {
            db.Services.Remove(await db.Services.SingleAsync(s => s.Id == service.Id, Cancel));
            await db.SaveChangesAsync(Cancel);
        }

        Assert.Empty(await FindAsync("companions"));
    }

    [Fact]
    public async Task Index_FollowsPlacesAndNeeds()
    {
        var data = new DirectoryTestData(() => database.Database.CreateContext());
        var organisation = await data.OrganisationAsync("Mile End Men's Shed");
        var taxonomy = await data.TaxonomyAsync("Shed needs");
        var loneliness = await data.TermAsync(taxonomy, "Isolation in later life");
        var activity = await data.TermAsync(taxonomy, "Making and mending");
        var shed = await data.ServiceAsync(organisation, "Woodwork shed", "Tools and tea", at: DirectoryTestData.E3, terms: [loneliness]);
        // Known only by an outcode whose centre nobody has loaded yet: findable by text, not by place.
        var repairs = await data.ServiceAsync(organisation, "Repair cafe", "Mending together", outcode: "ZZ9", terms: [activity]);
        var nearE3 = new ServiceQuery { Postcode = "E3", ProximityMetres = 1500 };
        var nearE14 = new ServiceQuery { Postcode = "E14", ProximityMetres = 1500 };
        await data.CentroidAsync("E3", DirectoryTestData.E3);
        await data.CentroidAsync("E14", DirectoryTestData.E14);
        Assert.Equal([shed.Id], await SearchAsync(nearE3));
        Assert.Equal([shed.Id], await SearchAsync(new ServiceQuery { TaxonomyTermIds = [loneliness.Id] }));

        await using (var db = database.Database.CreateContext())
        {
            var place = await db.ServiceAtLocations.Where(l => l.ServiceId == shed.Id).Select(l => l.LocationId).SingleAsync(Cancel);
            await db.Locations.Where(l => l.Id == place).ExecuteUpdateAsync(
                u => u.SetProperty(l => l.Latitude, DirectoryTestData.E14.Latitude).SetProperty(l => l.Longitude, DirectoryTestData.E14.Longitude), Cancel);
        }

        Assert.Empty(await SearchAsync(nearE3));
        Assert.Equal([shed.Id], await SearchAsync(nearE14));
        await using (var db = database.Database.CreateContext())
        {
            await db.ServiceTaxonomyTerms.Where(t => t.ServiceId == shed.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.TaxonomyTermId, activity.Id), Cancel);
        }

        Assert.Empty(await SearchAsync(new ServiceQuery { TaxonomyTermIds = [loneliness.Id] }));
        Assert.Equal(new[] { repairs.Id, shed.Id }.Order(), (await SearchAsync(new ServiceQuery { TaxonomyTermIds = [activity.Id] })).Order());

        await data.CentroidAsync("ZZ9", DirectoryTestData.E3);
        Assert.Equal([repairs.Id], await SearchAsync(nearE3));
    }

    /// <summary>
    /// A directory migrated with services already in it still finds them by text, need and place: on SQLite
    /// the migration that made the index keep no copy of the text (ContentlessSearchIndex) rebuilds it.
    /// </summary>
    [Fact]
    public async Task ServicesStoredBeforeTheIndexWasRemade_AreFoundAfterIt()
    {
        await using var fresh = await TestDatabase.CreateAsync();
        await using var db = fresh.CreateContext();
        var migrations = db.Database.GetMigrations().ToList();
        var remade = migrations.FindIndex(m => m.EndsWith("_ContentlessSearchIndex", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[(remade < 0 ? migrations.Count : remade) - 1], cancellationToken: Cancel);
        var data = new DirectoryTestData(() => fresh.CreateContext());
        var needs = await data.TermAsync(await data.TaxonomyAsync("Bow needs"), "Company");
        var organisation = await data.OrganisationAsync("Bow Befriending Trust");
        var service = await data.ServiceAsync(organisation, "Telephone friends", "Weekly calls", at: DirectoryTestData.E3, terms: [needs]);
        await data.ServiceAsync(organisation, "Walking group", "Weekly walks", at: DirectoryTestData.E14);
        await data.CentroidAsync("E3", DirectoryTestData.E3);

        await CommonwealDatabase.MigrateAsync(db, Cancel);

        var search = new ServiceSearch(db);
        async Task<Guid[]> Found(ServiceQuery query) => [.. (await search.SearchAsync(query, 1, 50, Cancel)).Hits.Select(h => h.ServiceId)];
        Assert.Equal([service.Id], await Found(new ServiceQuery { Text = "telephone befriending" }));
        Assert.Equal([service.Id], await Found(new ServiceQuery { Text = "weekly", TaxonomyTermIds = [needs.Id] }));
        Assert.Equal([service.Id], await Found(new ServiceQuery { Text = "weekly", Postcode = "E3", ProximityMetres = 1500 }));
    }

    /// <summary>
    /// On SQLite the index names the map cells each service's places fall in. The triggers of the migration
    /// SearchCellsByPrintf name the same cells as the triggers before it did, for a place with coordinates,
    /// a place known only by its outcode, and two places of one service in the same cells. The services are
    /// indexed by today's triggers, then again by the earlier ones, and the cells compared.
    /// </summary>
    [Fact]
    public async Task MapCells_AreTheSameAsTheEarlierTriggersNamed()
    {
        await using var fresh = TestDatabase.CreateSqlite();
        await fresh.MigrateAsync();
        var data = new DirectoryTestData(() => fresh.CreateContext());
        await data.CentroidAsync("E3", DirectoryTestData.E3);
        var organisation = await data.OrganisationAsync("Bow Befriending Trust");
        var calls = await data.ServiceAsync(organisation, "Telephone friends", at: DirectoryTestData.E1);
        var walks = await data.ServiceAsync(organisation, "Walking group", outcode: "E3");
        var far = await data.ServiceAsync(organisation, "Manchester friends", at: DirectoryTestData.M1);
        await using (var db = fresh.CreateContext())
        {
            foreach (var (latitude, longitude) in new[] { (DirectoryTestData.E14.Latitude, DirectoryTestData.E14.Longitude), (DirectoryTestData.E1.Latitude + 0.0001, DirectoryTestData.E1.Longitude + 0.0001) })
            {
                var place = new Location { Name = "Another base", Latitude = latitude, Longitude = longitude };
                db.Locations.Add(place);
                db.ServiceAtLocations.Add(new ServiceAtLocation { ServiceId = calls.Id, LocationId = place.Id });
            }

            await db.SaveChangesAsync(Cancel);
        }

        var today = await MapCellsAsync(fresh);

        await using (var db = fresh.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var printf = migrations.FindIndex(m => m.EndsWith("_SearchCellsByPrintf", StringComparison.Ordinal));
            Assert.True(printf > 0, "the migration SearchCellsByPrintf is not in the SQLite migrations");
            await db.GetService<IMigrator>().MigrateAsync(migrations[printf - 1], cancellationToken: Cancel);
            // Renaming a service to itself indexes it afresh by the update trigger.
            await db.Database.ExecuteSqlRawAsync("UPDATE services SET Name = Name", Cancel);
        }

        var earlier = await MapCellsAsync(fresh);

        Assert.Equal(earlier, today);
        // Four levels of cell for each place: the outcode's centre places the walks; the calls' second place
        // shares all its cells with its first, and E14 some of the coarser ones.
        Assert.Equal(4, today[walks.Id].Count);
        Assert.Equal(4, today[far.Id].Count);
        Assert.InRange(today[calls.Id].Count, 5, 8);
    }

    /// <summary>Each indexed service's map cells, read from the index by fts5vocab.</summary>
    private static async Task<Dictionary<Guid, SortedSet<string>>> MapCellsAsync(TestDatabase sqlite)
    {
        await using var db = sqlite.CreateContext();
        await db.Database.OpenConnectionAsync(Cancel);
        await db.Database.ExecuteSqlRawAsync("CREATE VIRTUAL TABLE temp.search_terms USING fts5vocab(main, services_fts, instance)", Cancel);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """
            SELECT DISTINCT s.Id, v.term FROM temp.search_terms v JOIN services s ON s.rowid = v.doc
            WHERE v.col = 'filters' AND v.term LIKE 'g%'
            """;
        var cells = new Dictionary<Guid, SortedSet<string>>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            var id = Guid.Parse(reader.GetString(0));
            (cells.TryGetValue(id, out var set) ? set : cells[id] = []).Add(reader.GetString(1));
        }

        return cells;
    }

    private async Task<List<Guid>> SearchAsync(ServiceQuery query)
    {
        await using var db = database.Database.CreateContext();
        return [.. (await new ServiceSearch(db).SearchAsync(query, 1, 50, Cancel)).Hits.Select(h => h.ServiceId)];
    }
}
