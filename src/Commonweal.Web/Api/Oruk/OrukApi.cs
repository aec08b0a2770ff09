using System.Text.Json.Nodes;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Directory.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Api.Oruk;

/// <summary>
/// The Open Referral UK 3.0 read API under /oruk/, open to anyone: the directory as a UK
/// directory must publish it. Documents follow the ORUK compiled schemas; bad parameters are a
/// 400 naming the parameter, unknown ids a 404.
/// </summary>
public static class OrukApi
{
    public const string Profile = "https://github.com/openreferral/uk-profile";
    public const string OpenApiUrl = "https://raw.githubusercontent.com/openreferral/uk-profile/main/openapi.json";

    /// <summary>Service at locations are listed for at most this many matching services.</summary>
    public const int MaxServicesForLocations = 5_000;

    public static void MapOrukApi(this IEndpointRouteBuilder app)
    {
        var oruk = app.MapGroup("/oruk").WithTags("Open Referral UK").AllowAnonymous();
        oruk.MapGet("/", Info).WithSummary("About this ORUK API");
        oruk.MapGet("/services", Services).WithSummary("Services, searched and filtered, a page at a time");
        oruk.MapGet("/services/{id}", Service).WithSummary("One service, fully nested");
        oruk.MapGet("/service_at_locations", ServiceAtLocations).WithSummary("Services at their locations, searched and filtered");
        oruk.MapGet("/service_at_locations/{id}", ServiceAtLocation).WithSummary("One service at a location, fully nested");
        oruk.MapGet("/organizations", Organisations).WithSummary("Organisations, a page at a time");
        oruk.MapGet("/organizations/{id}", Organisation).WithSummary("One organisation with its services");
        oruk.MapGet("/taxonomies", Taxonomies).WithSummary("Taxonomies, a page at a time");
        oruk.MapGet("/taxonomies/{id}", Taxonomy).WithSummary("One taxonomy");
        oruk.MapGet("/taxonomy_terms", TaxonomyTerms).WithSummary("Taxonomy terms, a page at a time");
        oruk.MapGet("/taxonomy_terms/{id}", TaxonomyTerm).WithSummary("One taxonomy term");
    }

    private static Ok<JsonObject> Info() => TypedResults.Ok(new JsonObject
    {
        ["version"] = "3.0",
        ["profile"] = Profile,
        ["openapi_url"] = OpenApiUrl,
    });

    private static DateOnly Today(CommonwealDbContext db) => DateOnly.FromDateTime(db.Now);

    private static async Task<Results<Ok<JsonObject>, ValidationProblem>> Services(HttpRequest request, CommonwealDbContext db, ServiceIndexes indexes, CancellationToken ct)
    {
        var (read, fault) = OrukQuery.Read(request.Query);
        if (read is null)
        {
            return ApiProblems.Field(fault!.Parameter, fault.Message);
        }

        // One connection for the version check, the postcode and the page, not one each from the pool.
        await db.Database.OpenConnectionAsync(ct);
        ServiceSearchResult found;
        try
        {
            found = await new ServiceSearch(db, indexes).SearchAsync(read.Query, read.Page, read.PerPage, ct);
        }
        catch (UnknownPostcodeException)
        {
            return UnknownPostcode(read.Query.Postcode);
        }

        var ids = found.Hits.Select(h => h.ServiceId).ToList();
        var services = ids.Count == 0 ? [] : await PageOfServices(db, ids).ToDictionaryAsync(s => s.Id, ct);
        var contents = ids.Select(id => (JsonNode)OrukDocuments.ServiceListItem(services[id], Today(db)));
        return TypedResults.Ok(Page(contents, found.Total, read.Page, read.PerPage));
    }

    /// <summary>
    /// A page of services with their organisations, with only the columns <see cref="OrukDocuments.ServiceListItem"/>
    /// reads (about half of the two tables' columns; each costs reading and materialising on every search).
    /// </summary>
    private static IQueryable<Service> PageOfServices(CommonwealDbContext db, List<Guid> ids) =>
        db.Services.Where(s => ids.Contains(s.Id)).Select(s => new Service
        {
            Id = s.Id, OrganisationId = s.OrganisationId, Name = s.Name, Status = s.Status, Description = s.Description, Url = s.Url,
            Email = s.Email, FeesDescription = s.FeesDescription, Extra = s.Extra, MinimumAge = s.MinimumAge, MaximumAge = s.MaximumAge,
            AssuredDate = s.AssuredDate, AssurerEmail = s.AssurerEmail, Alert = s.Alert, LastModified = s.LastModified,
            Organisation = new Commonweal.Organisations.Organisation
            {
                Id = s.Organisation!.Id, Name = s.Organisation.Name, Description = s.Organisation.Description, Email = s.Organisation.Email,
                Website = s.Organisation.Website, Identifier = s.Organisation.Identifier, DirectoryExtra = s.Organisation.DirectoryExtra,
            },
        });

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Service(string id, CommonwealDbContext db, CancellationToken ct)
    {
        var service = Guid.TryParse(id, out var key) ? await FullServices(db).FirstOrDefaultAsync(s => s.Id == key, ct) : null;
        return service is null ? ApiProblems.NotFound("Service") : TypedResults.Ok(OrukDocuments.ServiceFull(service, Today(db)));
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem>> ServiceAtLocations(HttpRequest request, CommonwealDbContext db, ServiceIndexes indexes, CancellationToken ct)
    {
        var (read, fault) = OrukQuery.Read(request.Query);
        if (read is null)
        {
            return ApiProblems.Field(fault!.Parameter, fault.Message);
        }

        IReadOnlyList<Guid> serviceIds;
        try
        {
            serviceIds = await new ServiceSearch(db, indexes).MatchingServiceIdsAsync(read.Query, MaxServicesForLocations, ct);
        }
        catch (UnknownPostcodeException)
        {
            return UnknownPostcode(read.Query.Postcode);
        }

        var order = serviceIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var links = await db.ServiceAtLocations.AsNoTracking()
            .Where(sal => serviceIds.Contains(sal.ServiceId))
            .Select(sal => new { sal.Id, sal.ServiceId })
            .ToListAsync(ct);
        var ordered = links.OrderBy(l => order[l.ServiceId]).ThenBy(l => l.Id).ToList();
        var pageIds = ordered.Skip((read.Page - 1) * read.PerPage).Take(read.PerPage).Select(l => l.Id).ToList();
        var rows = await db.ServiceAtLocations.AsNoTracking()
            .Include(sal => sal.Location).Include(sal => sal.Service).ThenInclude(s => s!.Organisation)
            .Where(sal => pageIds.Contains(sal.Id)).ToDictionaryAsync(sal => sal.Id, ct);
        var contents = pageIds.Select(id => (JsonNode)OrukDocuments.ServiceAtLocationListItem(rows[id], Today(db)));
        return TypedResults.Ok(Page(contents, ordered.Count, read.Page, read.PerPage));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ServiceAtLocation(string id, CommonwealDbContext db, CancellationToken ct)
    {
        var sal = Guid.TryParse(id, out var key)
            ? await db.ServiceAtLocations.AsNoTracking().Include(s => s.Location).FirstOrDefaultAsync(s => s.Id == key, ct)
            : null;
        if (sal is null)
        {
            return ApiProblems.NotFound("Service at location");
        }

        sal.Service = await FullServices(db).FirstAsync(s => s.Id == sal.ServiceId, ct);
        return TypedResults.Ok(OrukDocuments.ServiceAtLocationFull(sal, Today(db)));
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem>> Organisations(HttpRequest request, CommonwealDbContext db, CancellationToken ct)
    {
        var (page, perPage, fault) = OrukQuery.TryReadPage(request.Query);
        if (fault is not null)
        {
            return ApiProblems.Field(fault.Parameter, fault.Message);
        }

        var query = db.Organisations.AsNoTracking();
        var total = await query.CountAsync(ct);
        var organisations = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        return TypedResults.Ok(Page(organisations.Select(o => (JsonNode)OrukDocuments.Organisation(o, full: false)), total, page, perPage));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Organisation(string id, CommonwealDbContext db, CancellationToken ct)
    {
        var organisation = Guid.TryParse(id, out var key) ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == key, ct) : null;
        if (organisation is null)
        {
            return ApiProblems.NotFound("Organization");
        }

        var document = OrukDocuments.Organisation(organisation, full: true);
        var services = await FullServices(db).Where(s => s.OrganisationId == key).OrderBy(s => s.Name).ToListAsync(ct);
        document["services"] = new JsonArray([.. services.Select(s => (JsonNode)OrukDocuments.ServiceFull(s, Today(db)))]);
        return TypedResults.Ok(document);
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem>> Taxonomies(HttpRequest request, CommonwealDbContext db, CancellationToken ct)
    {
        var (page, perPage, fault) = OrukQuery.TryReadPage(request.Query);
        if (fault is not null)
        {
            return ApiProblems.Field(fault.Parameter, fault.Message);
        }

        var total = await db.Taxonomies.CountAsync(ct);
        var taxonomies = await db.Taxonomies.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        return TypedResults.Ok(Page(taxonomies.Select(t => (JsonNode)OrukDocuments.Taxonomy(t)), total, page, perPage));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> Taxonomy(string id, CommonwealDbContext db, CancellationToken ct)
    {
        var taxonomy = Guid.TryParse(id, out var key) ? await db.Taxonomies.AsNoTracking().FirstOrDefaultAsync(t => t.Id == key, ct) : null;
        return taxonomy is null ? ApiProblems.NotFound("Taxonomy") : TypedResults.Ok(OrukDocuments.Taxonomy(taxonomy));
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem>> TaxonomyTerms(HttpRequest request, CommonwealDbContext db, CancellationToken ct)
    {
        var (page, perPage, fault) = OrukQuery.TryReadPage(request.Query);
        if (fault is not null)
        {
            return ApiProblems.Field(fault.Parameter, fault.Message);
        }

        var total = await db.TaxonomyTerms.CountAsync(ct);
        var terms = await db.TaxonomyTerms.AsNoTracking().Include(t => t.Taxonomy)
            .OrderBy(t => t.Name).ThenBy(t => t.Id).Skip((page - 1) * perPage).Take(perPage).ToListAsync(ct);
        return TypedResults.Ok(Page(terms.Select(t => (JsonNode)OrukDocuments.TaxonomyTerm(t)), total, page, perPage));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> TaxonomyTerm(string id, CommonwealDbContext db, CancellationToken ct)
    {
        var term = Guid.TryParse(id, out var key)
            ? await db.TaxonomyTerms.AsNoTracking().Include(t => t.Taxonomy).FirstOrDefaultAsync(t => t.Id == key, ct)
            : null;
        return term is null ? ApiProblems.NotFound("Taxonomy term") : TypedResults.Ok(OrukDocuments.TaxonomyTerm(term));
    }

    private static IQueryable<Service> FullServices(CommonwealDbContext db) =>
        db.Services.AsNoTracking().AsSplitQuery()
            .Include(s => s.Organisation)
            .Include(s => s.Schedules)
            .Include(s => s.ServiceAtLocations).ThenInclude(sal => sal.Location)
            .Include(s => s.TaxonomyTerms).ThenInclude(t => t.TaxonomyTerm).ThenInclude(t => t!.Taxonomy);

    private static ValidationProblem UnknownPostcode(string? postcode) =>
        ApiProblems.Field("postcode", $"The postcode '{postcode}' is not one we can place: try its outcode, such as E3");

    /// <summary>The HSDS page envelope.</summary>
    public static JsonObject Page(IEnumerable<JsonNode> contents, int total, int page, int perPage)
    {
        var items = new JsonArray([.. contents]);
        var totalPages = (total + perPage - 1) / perPage;
        return new JsonObject
        {
            ["total_items"] = total,
            ["total_pages"] = totalPages,
            ["page_number"] = page,
            ["size"] = items.Count,
            ["first_page"] = page == 1,
            ["last_page"] = page >= totalPages,
            ["empty"] = items.Count == 0,
            ["contents"] = items,
        };
    }
}
