using Commonweal.Directory;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Directory;

/// <summary>The full-text index follows changes to services, their terms and their organisations.</summary>
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
}
