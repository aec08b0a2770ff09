using Commonweal.Directory;
using Commonweal.Organisations;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Directory;

/// <summary>
/// A migrated database holding a small, known directory in east London and Manchester, shared by
/// the search tests of one class. Read-only tests only: a test that changes data makes its own.
/// </summary>
public sealed class DirectorySearchData : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public Organisation Kitchen { get; private set; } = null!;
    public Organisation Wellbeing { get; private set; } = null!;
    public Organisation Manchester { get; private set; } = null!;
    public Taxonomy Needs { get; private set; } = null!;
    public TaxonomyTerm MentalHealth { get; private set; } = null!;
    public TaxonomyTerm Bereavement { get; private set; } = null!;
    public TaxonomyTerm FoodTerm { get; private set; } = null!;

    /// <summary>At the E3 centre: carers' counselling, 8-18, Monday and Wednesday 09:00-17:00.</summary>
    public Service Carers { get; private set; } = null!;

    /// <summary>At the E1 centre: a food bank, 18+, not accepting referrals, Tuesday 10:00-14:00 at its location.</summary>
    public Service FoodBank { get; private set; } = null!;

    /// <summary>In E14 with no coordinates (placed by its outcode): walking groups, 16-99.</summary>
    public Service Walks { get; private set; } = null!;

    /// <summary>In Manchester: counselling.</summary>
    public Service Counselling { get; private set; } = null!;

    /// <summary>At E3, inactive.</summary>
    public Service Closed { get; private set; } = null!;

    public DirectoryTestData Data => new(() => Database.CreateContext());

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await Database.MigrateAsync();
        var data = Data;
        await data.CentroidAsync("E1", DirectoryTestData.E1);
        await data.CentroidAsync("E3", DirectoryTestData.E3);
        await data.CentroidAsync("E14", DirectoryTestData.E14);
        await data.CentroidAsync("M1", DirectoryTestData.M1);
        await data.CentroidAsync("M1 1AE", DirectoryTestData.M1);

        Kitchen = await data.OrganisationAsync("Bow Community Kitchen", "GB-CHC-1190002");
        Wellbeing = await data.OrganisationAsync("Limehouse Wellbeing CIC", "GB-COH-11234567");
        Manchester = await data.OrganisationAsync("Ancoats Listening Trust", "GB-CHC-1190009");
        Needs = await data.TaxonomyAsync("Needs");
        MentalHealth = await data.TermAsync(Needs, "Mental health");
        Bereavement = await data.TermAsync(Needs, "Bereavement", parent: MentalHealth);
        FoodTerm = await data.TermAsync(Needs, "Food poverty");

        Carers = await data.ServiceAsync(Wellbeing, "Young carers counselling", "Support for young carers, with food at every session",
            at: DirectoryTestData.E3, outcode: "E3", terms: [Bereavement], configure: s => (s.MinimumAge, s.MaximumAge) = (8, 18));
        await data.ScheduleAsync(Carers.Id, null, "MO,WE", "09:00", "17:00");
        FoodBank = await data.ServiceAsync(Kitchen, "Food bank", "Emergency parcels",
            at: DirectoryTestData.E1, outcode: "E1", terms: [FoodTerm], configure: s => (s.MinimumAge, s.AcceptingReferrals) = (18, false));
        await using (var db = Database.CreateContext())
        {
            var sal = db.ServiceAtLocations.Single(x => x.ServiceId == FoodBank.Id);
            await data.ScheduleAsync(null, sal.Id, "TU", "10:00", "14:00");
        }

        Walks = await data.ServiceAsync(Wellbeing, "Wellbeing walks", "Gentle walks in the park",
            outcode: "E14", terms: [MentalHealth], configure: s => (s.MinimumAge, s.MaximumAge) = (16, 99));
        Counselling = await data.ServiceAsync(Manchester, "Counselling service", "Talking therapy", at: DirectoryTestData.M1, outcode: "M1", terms: [MentalHealth]);
        Closed = await data.ServiceAsync(Kitchen, "Closed lunch club", "Lunch", at: DirectoryTestData.E3, outcode: "E3",
            configure: s => s.Status = ServiceStatus.Inactive);
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
