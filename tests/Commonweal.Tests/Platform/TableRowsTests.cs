using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Organisations;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Platform;

/// <summary>An import asks which tables are empty, and how many services there are, before it writes.</summary>
public sealed class TableRowsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmptyAndCount_SeeTheRowsOfEachTable_InsideATransactionToo()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        var data = new DirectoryTestData(() => database.CreateContext());
        var organisation = await data.OrganisationAsync("Limehouse Lunch Club");
        await data.ServiceAsync(organisation, "Friday lunches");
        await data.ServiceAsync(organisation, "Tuesday lunches");
        Type[] asked = [typeof(Organisation), typeof(Service), typeof(Location), typeof(Schedule)];
        await using var db = database.CreateContext();

        Assert.Equal([typeof(Location), typeof(Schedule)], (await TableRows.EmptyAsync(db, asked, Cancel)).OrderBy(t => t.Name));
        Assert.Equal(2, await TableRows.CountAsync(db, typeof(Service), Cancel));

        // An import asks inside its own transaction, and must see what it has written there.
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
        db.Locations.Add(new Location { Name = "Church hall" });
        await db.SaveChangesAsync(Cancel);
        Assert.Equal([typeof(Schedule)], await TableRows.EmptyAsync(db, asked, Cancel));
    }
}
