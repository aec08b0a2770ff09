using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Organisations;

namespace Commonweal.TestSupport;

/// <summary>
/// Arranges directory data through the DbContext (so the full-text triggers and the audit chain
/// see it as they would in use): organisations, services at located places, terms, schedules and
/// postcode centres. Each call saves.
/// </summary>
public sealed class DirectoryTestData(Func<CommonwealDbContext> createContext)
{
    /// <summary>Real outcode centres (from the ONS/OS-derived table) used by the directory tests.</summary>
    public static readonly GeoPoint E1 = new(51.514997, -0.058707);
    public static readonly GeoPoint E3 = new(51.528805, -0.022753);
    public static readonly GeoPoint E14 = new(51.502526, -0.017603);
    public static readonly GeoPoint M1 = new(53.479, -2.237);

    public async Task<Organisation> OrganisationAsync(string name, string? identifier = null, string? website = "https://example.org/")
    {
        var organisation = new Organisation
        {
            Name = name, Identifier = identifier, Description = $"{name}: a test organisation", Email = "hello@example.org", Website = website,
        };
        await SaveAsync(db => db.Organisations.Add(organisation));
        return organisation;
    }

    /// <summary>A service at one location: at <paramref name="at"/> when given, else only in <paramref name="outcode"/>.</summary>
    public async Task<Service> ServiceAsync(
        Organisation organisation, string name, string? description = null, GeoPoint? at = null, string? outcode = null,
        IEnumerable<TaxonomyTerm>? terms = null, Action<Service>? configure = null)
    {
        var service = new Service
        {
            OrganisationId = organisation.Id, Name = name, Description = description, Email = "service@example.org",
            Url = "https://example.org/service", AssuredDate = new DateOnly(2026, 1, 15), AssurerEmail = "assurer@example.org",
        };
        configure?.Invoke(service);
        var location = at is null && outcode is null ? null : new Location
        {
            Name = $"{name} base", AddressLine = "1 High Street", City = "London", Postcode = outcode is null ? null : $"{outcode} 1AA",
            Outcode = outcode, Latitude = at?.Latitude, Longitude = at?.Longitude,
        };
        await SaveAsync(db =>
        {
            db.Services.Add(service);
            if (location is not null)
            {
                db.Locations.Add(location);
                db.ServiceAtLocations.Add(new ServiceAtLocation { ServiceId = service.Id, LocationId = location.Id });
            }

            foreach (var term in terms ?? [])
            {
                db.ServiceTaxonomyTerms.Add(new ServiceTaxonomyTerm { ServiceId = service.Id, TaxonomyTermId = term.Id });
            }
        });
        return service;
    }

    public async Task<Taxonomy> TaxonomyAsync(string name)
    {
        var taxonomy = new Taxonomy { Name = name, Description = $"{name} vocabulary", Uri = "https://example.org/taxonomy", Version = "1" };
        await SaveAsync(db => db.Taxonomies.Add(taxonomy));
        return taxonomy;
    }

    public async Task<TaxonomyTerm> TermAsync(Taxonomy taxonomy, string name, TaxonomyTerm? parent = null)
    {
        var term = new TaxonomyTerm { TaxonomyId = taxonomy.Id, Name = name, Code = name.ToLowerInvariant().Replace(' ', '-'), ParentId = parent?.Id };
        await SaveAsync(db => db.TaxonomyTerms.Add(term));
        return term;
    }

    /// <summary>Opening times for a service, or for one of its service-at-locations.</summary>
    public async Task ScheduleAsync(Guid? serviceId, Guid? serviceAtLocationId, string byDay, string opens, string closes) =>
        await SaveAsync(db => db.Schedules.Add(new Schedule
        {
            ServiceId = serviceId, ServiceAtLocationId = serviceAtLocationId, Freq = "WEEKLY", ByDay = byDay,
            OpensAt = TimeOnly.Parse(opens, System.Globalization.CultureInfo.InvariantCulture),
            ClosesAt = TimeOnly.Parse(closes, System.Globalization.CultureInfo.InvariantCulture),
        }));

    public async Task CentroidAsync(string code, GeoPoint at) =>
        await SaveAsync(db => db.PostcodeCentroids.Add(new PostcodeCentroid { Code = code, Latitude = at.Latitude, Longitude = at.Longitude }));

    private async Task SaveAsync(Action<CommonwealDbContext> arrange)
    {
        await using var db = createContext();
        arrange(db);
        await db.SaveChangesAsync();
    }
}
