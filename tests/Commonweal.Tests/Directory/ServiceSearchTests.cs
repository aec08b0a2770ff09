using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Directory.Search;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Directory;

/// <summary>The database's search, which the CLI uses and the web server falls back on.</summary>
public sealed class DatabaseServiceSearchTests(DirectorySearchData data) : ServiceSearchTests(data), IClassFixture<DirectorySearchData>
{
    protected override ServiceSearch Search(CommonwealDbContext db) => new(db);
}

/// <summary>The web server's search from its in-memory index: every rule of the database's, the same answers.</summary>
public sealed class IndexedServiceSearchTests(DirectorySearchData data) : ServiceSearchTests(data), IClassFixture<DirectorySearchData>
{
    private readonly ServiceIndexes indexes = DirectoryIndexes.For(data.Database);

    protected override ServiceSearch Search(CommonwealDbContext db) => new(db, indexes);

    [Fact]
    public async Task Answers_FromTheIndex()
    {
        await using var db = Data.Database.CreateContext();

        var index = await indexes.ForSearchAsync(db, Cancel);

        Assert.NotNull(index);
        Assert.Equal(5, index.Count);
        Assert.Equal(await DirectoryVersion.ReadAsync(db, Cancel), index.Version);
    }
}

/// <summary>
/// One set of expectations for both ways of searching: each derived class runs every test against its own.
/// </summary>
public abstract class ServiceSearchTests(DirectorySearchData data)
{
    protected DirectorySearchData Data => data;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected abstract ServiceSearch Search(CommonwealDbContext db);

    private async Task<ServiceSearchResult> SearchAsync(ServiceQuery query, int page = 1, int perPage = 50)
    {
        await using var db = data.Database.CreateContext();
        return await Search(db).SearchAsync(query, page, perPage, Cancel);
    }

    private async Task<List<Guid>> IdsAsync(ServiceQuery query) => [.. (await SearchAsync(query)).Hits.Select(h => h.ServiceId)];

    [Fact]
    public async Task NoFilters_FindsActiveServicesByName()
    {
        var result = await SearchAsync(new ServiceQuery());

        Assert.Equal([data.Counselling.Id, data.FoodBank.Id, data.Walks.Id, data.Carers.Id], result.Hits.Select(h => h.ServiceId));
        Assert.Equal(4, result.Total);
    }

    [Fact]
    public async Task IncludeInactive_FindsClosedServices() =>
        Assert.Contains(data.Closed.Id, await IdsAsync(new ServiceQuery { IncludeInactive = true }));

    [Fact]
    public async Task Text_IsStemmed()
    {
        // "walking" and "walks" share the stem "walk" under both Porter (SQLite) and the english config (PostgreSQL).
        Assert.Equal([data.Walks.Id], await IdsAsync(new ServiceQuery { Text = "walking" }));
        Assert.Equal([data.FoodBank.Id], await IdsAsync(new ServiceQuery { Text = "parcel" }));
    }

    [Fact]
    public async Task Text_MatchesOrganisationAndTermNames()
    {
        Assert.Equal([data.Counselling.Id], await IdsAsync(new ServiceQuery { Text = "Ancoats" }));
        Assert.Equal([data.Carers.Id], await IdsAsync(new ServiceQuery { Text = "bereavement" }));
    }

    [Fact]
    public async Task Text_RanksNameAboveDescription()
    {
        // The food bank has "food" in its name; the carers' service only in its description.
        var ids = await IdsAsync(new ServiceQuery { Text = "food" });

        Assert.Equal([data.FoodBank.Id, data.Carers.Id], ids);
    }

    [Fact]
    public async Task Text_EveryWordMustMatch() =>
        Assert.Equal([data.Carers.Id], await IdsAsync(new ServiceQuery { Text = "young counselling" }));

    [Fact]
    public async Task Text_WithOnlyPunctuation_IsIgnored() =>
        Assert.Equal(4, (await SearchAsync(new ServiceQuery { Text = "\"*()" })).Total);

    [Fact]
    public async Task TaxonomyTerm_IncludesDescendants()
    {
        var ids = await IdsAsync(new ServiceQuery { TaxonomyTermIds = [data.MentalHealth.Id] });

        Assert.Equal([data.Counselling.Id, data.Walks.Id, data.Carers.Id], ids);
    }

    [Fact]
    public async Task TaxonomyTaxonomyAndOrganisation_Filter()
    {
        Assert.Equal(4, (await SearchAsync(new ServiceQuery { TaxonomyId = data.Needs.Id })).Total);
        Assert.Equal([data.Walks.Id, data.Carers.Id], await IdsAsync(new ServiceQuery { OrganisationId = data.Wellbeing.Id }));
    }

    [Fact]
    public async Task Ages_Filter()
    {
        Assert.Equal([data.Counselling.Id, data.Carers.Id], await IdsAsync(new ServiceQuery { Age = 10 }));
        Assert.Equal([data.FoodBank.Id, data.Walks.Id], await IdsAsync(new ServiceQuery { MinimumAge = 16 }));
        Assert.Equal([data.Carers.Id], await IdsAsync(new ServiceQuery { MaximumAge = 18 }));
    }

    [Fact]
    public async Task OpenOnDay_ByServiceOrLocationSchedule()
    {
        Assert.Equal([data.Carers.Id], await IdsAsync(new ServiceQuery { Day = "MO", StartTime = new(10, 0), EndTime = new(12, 0) }));
        Assert.Equal([data.FoodBank.Id], await IdsAsync(new ServiceQuery { Day = "TU", StartTime = new(10, 30), EndTime = new(13, 0) }));
        Assert.Empty(await IdsAsync(new ServiceQuery { Day = "TU", EndTime = new(15, 0) }));
        Assert.Empty(await IdsAsync(new ServiceQuery { Day = "SU" }));
    }

    [Fact]
    public async Task AcceptingReferralsAndModifiedAfter_Filter()
    {
        Assert.Equal([data.FoodBank.Id], await IdsAsync(new ServiceQuery { AcceptingReferrals = false }));
        Assert.Empty(await IdsAsync(new ServiceQuery { ModifiedAfter = DateTime.UtcNow.AddHours(1) }));
        Assert.Equal(4, (await SearchAsync(new ServiceQuery { ModifiedAfter = DateTime.UtcNow.AddDays(-1) })).Total);
    }

    [Fact]
    public async Task Postcode_SortsByDistance_AndProximityCutsOff()
    {
        var near = await SearchAsync(new ServiceQuery { Postcode = "E3 2AN", ProximityMetres = 2_000 });
        Assert.Equal([data.Carers.Id], near.Hits.Select(h => h.ServiceId));
        Assert.Equal(0, near.Hits[0].DistanceMetres!.Value, 1);

        var wider = await SearchAsync(new ServiceQuery { Postcode = "e3", ProximityMetres = 5_000 });
        Assert.Equal(3, wider.Total);
        Assert.Equal(data.Carers.Id, wider.Hits[0].ServiceId);
        var distances = wider.Hits.Select(h => h.DistanceMetres!.Value).ToList();
        Assert.Equal(distances.Order(), distances);
        var walks = wider.Hits.Single(h => h.ServiceId == data.Walks.Id);
        // Walks has no coordinates: it is placed at the centre of its outcode, E14.
        Assert.Equal(DirectoryTestData.E3.MetresTo(DirectoryTestData.E14), walks.DistanceMetres!.Value, 1);
    }

    [Fact]
    public async Task Postcode_FullPostcodeBeatsItsOutcode()
    {
        var result = await SearchAsync(new ServiceQuery { Postcode = "M1 1AE", ProximityMetres = 1_000 });

        Assert.Equal([data.Counselling.Id], result.Hits.Select(h => h.ServiceId));
    }

    [Fact]
    public async Task Postcode_Unknown_IsAnError()
    {
        await Assert.ThrowsAsync<UnknownPostcodeException>(() => SearchAsync(new ServiceQuery { Postcode = "ZZ9 9ZZ" }));
        await Assert.ThrowsAsync<UnknownPostcodeException>(() => SearchAsync(new ServiceQuery { Postcode = "not a postcode" }));
    }

    [Fact]
    public async Task TextPostcodeAndTerm_Together()
    {
        var result = await SearchAsync(new ServiceQuery
        {
            Text = "counselling", Postcode = "E3", ProximityMetres = 10_000, TaxonomyTermIds = [data.MentalHealth.Id],
        });

        Assert.Equal([data.Carers.Id], result.Hits.Select(h => h.ServiceId));
    }

    [Fact]
    public async Task Paging_IsStable()
    {
        var all = await IdsAsync(new ServiceQuery { IncludeInactive = true });
        var pages = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            pages.AddRange((await SearchAsync(new ServiceQuery { IncludeInactive = true }, page, 2)).Hits.Select(h => h.ServiceId));
        }

        Assert.Equal(all, pages);
    }
}
