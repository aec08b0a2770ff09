using Commonweal.Directory;
using Commonweal.Directory.Search;
using Commonweal.Organisations;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Directory;

/// <summary>
/// The in-memory index never answers with a directory older than the database's, whoever changed it,
/// and a change that no search reads does not cost a rebuild. Each test has its own database.
/// </summary>
public sealed class ServiceIndexFreshnessTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private DirectoryTestData data = null!;
    private Organisation organisation = null!;
    private Service walks = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        data = new DirectoryTestData(() => database.CreateContext());
        await data.CentroidAsync("E3", DirectoryTestData.E3);
        await data.CentroidAsync("E14", DirectoryTestData.E14);
        organisation = await data.OrganisationAsync("Limehouse Wellbeing CIC");
        walks = await data.ServiceAsync(organisation, "Wellbeing walks", "Gentle walks in the park", at: DirectoryTestData.E3, outcode: "E3");
    }

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    private async Task<List<Guid>> FindAsync(ServiceIndexes indexes, ServiceQuery query)
    {
        await using var db = database.CreateContext();
        return [.. (await new ServiceSearch(db, indexes).SearchAsync(query, 1, 50, Cancel)).Hits.Select(h => h.ServiceId)];
    }

    private async Task<long> VersionAsync()
    {
        await using var db = database.CreateContext();
        return await DirectoryVersion.ReadAsync(db, Cancel);
    }

    [Fact]
    public async Task AnEditThroughTheSite_IsFoundAtOnce()
    {
        var indexes = DirectoryIndexes.For(database);
        Assert.Empty(await FindAsync(indexes, new ServiceQuery { Text = "rambles" }));

        await using (var db = database.CreateContext())
        {
            var service = await db.Services.SingleAsync(s => s.Id == walks.Id, Cancel);
            service.Name = "Riverside rambles";
            await db.SaveChangesAsync(Cancel);
        }

        Assert.Equal([walks.Id], await FindAsync(indexes, new ServiceQuery { Text = "rambles" }));
    }

    [Fact]
    public async Task SqlFromAnotherProcess_IsFoundAtOnce()
    {
        var indexes = DirectoryIndexes.For(database);
        Assert.Equal([walks.Id], await FindAsync(indexes, new ServiceQuery { Postcode = "E3", ProximityMetres = 1_000 }));

        // As an import in another process would: straight to the tables, past this process's context.
        await using (var db = database.CreateContext())
        {
            await db.Locations.ExecuteUpdateAsync(u => u.SetProperty(l => l.Latitude, DirectoryTestData.E14.Latitude)
                .SetProperty(l => l.Longitude, DirectoryTestData.E14.Longitude), Cancel);
        }

        Assert.Empty(await FindAsync(indexes, new ServiceQuery { Postcode = "E3", ProximityMetres = 1_000 }));
        Assert.Equal([walks.Id], await FindAsync(indexes, new ServiceQuery { Postcode = "E14", ProximityMetres = 1_000 }));
    }

    [Fact]
    public async Task EverythingASearchReads_RaisesTheVersion()
    {
        var needs = await data.TaxonomyAsync("Needs");
        var before = await VersionAsync();
        var term = await data.TermAsync(needs, "Loneliness");
        Assert.True(await VersionAsync() > before, "a new term");

        before = await VersionAsync();
        await data.ScheduleAsync(walks.Id, null, "MO", "09:00", "12:00");
        Assert.True(await VersionAsync() > before, "a schedule");

        before = await VersionAsync();
        await data.CentroidAsync("E1", DirectoryTestData.E1);
        Assert.True(await VersionAsync() > before, "an outcode centre");

        await using var db = database.CreateContext();
        before = await VersionAsync();
        db.ServiceTaxonomyTerms.Add(new ServiceTaxonomyTerm { ServiceId = walks.Id, TaxonomyTermId = term.Id });
        await db.SaveChangesAsync(Cancel);
        Assert.True(await VersionAsync() > before, "a service's term");

        before = await VersionAsync();
        await db.Organisations.Where(o => o.Id == organisation.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.Name, "Limehouse Walkers"), Cancel);
        Assert.True(await VersionAsync() > before, "an organisation's name");
    }

    [Fact]
    public async Task ChangesNoSearchReads_LeaveTheVersionAlone()
    {
        var before = await VersionAsync();

        await using var db = database.CreateContext();
        // A referral accepted or closed moves the service's count of active referrals, and its time of change.
        await db.Services.ExecuteUpdateAsync(u => u.SetProperty(s => s.ActiveReferrals, 3).SetProperty(s => s.LastModified, DateTime.UtcNow), Cancel);
        await db.Organisations.ExecuteUpdateAsync(u => u.SetProperty(o => o.Email, "new@example.org"), Cancel);

        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task ALargeDirectory_IsIndexedInTheBackground_WhileTheDatabaseAnswers()
    {
        // Any directory counts as large here.
        var indexes = DirectoryIndexes.For(database, indexWhileWaitingUpTo: 0);
        await using var db = database.CreateContext();

        Assert.Null(await indexes.ForSearchAsync(db, Cancel));
        Assert.Equal([walks.Id], await FindAsync(indexes, new ServiceQuery { Text = "walks" }));

        var index = await WaitForIndexAsync(indexes);
        Assert.Equal(1, index.Count);
        Assert.Equal(await VersionAsync(), index.Version);
    }

    [Fact]
    public async Task AModifiedSinceSearch_AlwaysAsksTheDatabase()
    {
        var indexes = DirectoryIndexes.For(database);
        await FindAsync(indexes, new ServiceQuery());
        var since = DateTime.UtcNow.AddMinutes(-1);

        // A change of email is a change to the service, but not to anything the index holds.
        await using (var db = database.CreateContext())
        {
            await db.Services.ExecuteUpdateAsync(u => u.SetProperty(s => s.LastModified, DateTime.UtcNow.AddDays(-30)), Cancel);
        }

        Assert.Empty(await FindAsync(indexes, new ServiceQuery { ModifiedAfter = since }));
    }

    private async Task<ServiceIndex> WaitForIndexAsync(ServiceIndexes indexes)
    {
        await using var db = database.CreateContext();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await indexes.ForSearchAsync(db, Cancel) is { } index)
            {
                return index;
            }

            await Task.Delay(50, Cancel);
        }

        throw new TimeoutException("The index was not built in 10 seconds");
    }
}
