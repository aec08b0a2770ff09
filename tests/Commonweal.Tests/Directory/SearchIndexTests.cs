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

    private async Task<List<Guid>> SearchAsync(ServiceQuery query)
    {
        await using var db = database.Database.CreateContext();
        return [.. (await new ServiceSearch(db).SearchAsync(query, 1, 50, Cancel)).Hits.Select(h => h.ServiceId)];
    }
}
