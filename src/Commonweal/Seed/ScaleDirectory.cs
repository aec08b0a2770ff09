using Commonweal.Data;
using Commonweal.Directory;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Seed;

/// <summary>
/// Synthetic directory for benchmarks: 250,000 services per unit of scale, each at a location (one
/// per organisation) near the centre of an outcode, classified by a small needs taxonomy and open
/// on some weekdays. Needs organisations (from <see cref="ScaleData"/>). Services are spread over
/// every outcode the database knows (load the national table with `import postcodes` first), as a
/// national directory is; with only the demo area's outcodes, all of them crowd into east London.
/// </summary>
public static class ScaleDirectory
{
    public const int ServicesPerUnit = 250_000;

    /// <summary>The needs taxonomy: each parent with its children.</summary>
    public static readonly IReadOnlyList<(string Parent, string[] Children)> Needs =
    [
        ("Mental health", ["Counselling", "Peer support", "Bereavement"]),
        ("Food and money", ["Food banks", "Debt advice", "Benefits advice"]),
        ("Physical activity", ["Walking groups", "Exercise classes"]),
        ("Loneliness", ["Befriending", "Social clubs"]),
        ("Caring", ["Carers support", "Respite"]),
    ];

    private static readonly string[] Audiences = ["young people", "older people", "carers", "families", "men", "women", "veterans", "refugees", "everyone"];
    private static readonly string[] Settings = ["community centre", "library", "GP surgery", "church hall", "park", "online", "phone"];
    private static readonly string[][] Days = [["MO", "WE"], ["TU", "TH"], ["FR"], ["MO", "TU", "WE", "TH", "FR"], ["SA"], ["WE"]];

    public static async Task<int> SeedAsync(
        Func<CommonwealDbContext> createContext, double scale, IProgress<int>? progress = null, int seed = 2026,
        CancellationToken cancellationToken = default)
    {
        var planned = (int)Math.Round(scale * ServicesPerUnit);
        var random = new Random(seed);
        List<Guid> organisations;
        List<(Guid Id, string Name, Guid? Parent)> terms;
        List<(string Outcode, double Latitude, double Longitude)> centres;
        await using (var db = createContext())
        {
            organisations = await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(cancellationToken);
            terms = await NeedsTaxonomyAsync(db, cancellationToken);
            await DemoPostcodes.AddMissingAsync(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            centres = (await db.PostcodeCentroids.AsNoTracking().Where(p => !p.Code.Contains(" ")).OrderBy(p => p.Code)
                .Select(p => new { p.Code, p.Latitude, p.Longitude }).ToListAsync(cancellationToken))
                .Select(p => (p.Code, p.Latitude, p.Longitude)).ToList();
        }

        if (organisations.Count == 0 || planned == 0)
        {
            return 0;
        }

        var leaves = terms.Where(t => t.Parent is not null).ToList();
        var locations = new Dictionary<Guid, Guid>();
        var made = 0;
        while (made < planned)
        {
            await using var db = createContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.BulkInserts = true;
            var count = Math.Min(ScaleData.BatchSize, planned - made);
            for (var i = 0; i < count; i++)
            {
                var organisation = organisations[random.Next(organisations.Count)];
                if (!locations.TryGetValue(organisation, out var location))
                {
                    location = AddLocation(db, random, centres);
                    locations.Add(organisation, location);
                }

                var term = leaves[random.Next(leaves.Count)];
                var service = new Service
                {
                    OrganisationId = organisation,
                    Name = $"{term.Name} for {Audiences[random.Next(Audiences.Length)]}",
                    Description = $"{term.Name} at the {Settings[random.Next(Settings.Length)]}: friendly, free and local. "
                        + $"Also {leaves[random.Next(leaves.Count)].Name.ToLowerInvariant()}.",
                    MinimumAge = random.Next(4) == 0 ? 18 : null,
                    AcceptingReferrals = random.Next(10) > 0,
                    AssuredDate = DateOnly.FromDateTime(db.Now).AddDays(-random.Next(700)),
                };
                db.Services.Add(service);
                db.ServiceAtLocations.Add(new ServiceAtLocation { ServiceId = service.Id, LocationId = location });
                db.ServiceTaxonomyTerms.Add(new ServiceTaxonomyTerm { ServiceId = service.Id, TaxonomyTermId = term.Id });
                var days = Days[random.Next(Days.Length)];
                var opens = new TimeOnly(8 + random.Next(4), random.Next(2) * 30);
                db.Schedules.Add(new Schedule
                {
                    ServiceId = service.Id, Freq = "WEEKLY", ByDay = string.Join(',', days),
                    OpensAt = opens, ClosesAt = opens.AddHours(3 + random.Next(6)),
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            made += count;
            progress?.Report(made);
        }

        return made;
    }

    /// <summary>A place within about a kilometre of an outcode's centre; some only by outcode, as imported data often is.</summary>
    private static Guid AddLocation(CommonwealDbContext db, Random random, List<(string Outcode, double Latitude, double Longitude)> centres)
    {
        var (outcode, latitude, longitude) = centres[random.Next(centres.Count)];
        var placed = random.Next(10) > 0;
        var location = new Location
        {
            Name = $"{outcode} community base",
            AddressLine = $"{random.Next(1, 200)} High Street",
            City = "London",
            Outcode = outcode,
            Latitude = placed ? latitude + ((random.NextDouble() - 0.5) * 0.018) : null,
            Longitude = placed ? longitude + ((random.NextDouble() - 0.5) * 0.028) : null,
        };
        db.Locations.Add(location);
        return location.Id;
    }

    private static async Task<List<(Guid Id, string Name, Guid? Parent)>> NeedsTaxonomyAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        const string Name = "Commonweal needs";
        var taxonomy = await db.Taxonomies.FirstOrDefaultAsync(t => t.Name == Name, cancellationToken);
        if (taxonomy is null)
        {
            taxonomy = new Taxonomy { Name = Name, Description = "The needs a link worker refers for" };
            db.Taxonomies.Add(taxonomy);
            foreach (var (parent, children) in Needs)
            {
                var top = new TaxonomyTerm { TaxonomyId = taxonomy.Id, Name = parent };
                db.TaxonomyTerms.Add(top);
                db.TaxonomyTerms.AddRange(children.Select(c => new TaxonomyTerm { TaxonomyId = taxonomy.Id, Name = c, ParentId = top.Id }));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var terms = await db.TaxonomyTerms.Where(t => t.TaxonomyId == taxonomy.Id).Select(t => new { t.Id, t.Name, t.ParentId }).ToListAsync(cancellationToken);
        return [.. terms.Select(t => (t.Id, t.Name, t.ParentId))];
    }
}
