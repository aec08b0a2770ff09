using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Api.Organisations;

public static class OrganisationsApi
{
    public const int MaxPageSize = 100;

    public static void MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Organisations");
        group.MapGet("/", List).AllowAnonymous().WithSummary("Organisations, searchable by name, a page at a time");
        group.MapGet("/{id:guid}", Get).AllowAnonymous().WithSummary("One organisation's public profile");
        group.MapPut("/{id:guid}", Update).WithSummary("Update an organisation's profile (its admins only)");
    }

    public sealed record OrganisationSummary(
        Guid Id, string? Identifier, string Name, string LegalForm, string? Sector, string[] Activities,
        string? IncomeBand, int? Members, int? Volunteers, string Status, string? Website, string? Postcode, string? Description);

    public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalItems, int TotalPages);

    private static async Task<Results<Ok<PageOf<OrganisationSummary>>, ValidationProblem>> List(
        CommonwealDbContext db, string? search, Sector? sector, int page = 1, int pageSize = 20)
    {
        if (page < 1)
        {
            return ApiProblems.Field("page", "Page must be 1 or more");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return ApiProblems.Field("pageSize", $"Page size must be from 1 to {MaxPageSize}");
        }

        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(o => o.Name.ToUpper().Contains(term) || (o.Identifier != null && o.Identifier == term));
        }

        if (sector is not null)
        {
            query = query.Where(o => o.Sector == sector);
        }

        var total = await query.CountAsync();
        var items = await query.OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return TypedResults.Ok(new PageOf<OrganisationSummary>(
            items.Select(Summarise).ToList(), page, pageSize, total, (total + pageSize - 1) / pageSize));
    }

    private static async Task<Results<Ok<OrganisationSummary>, ProblemHttpResult>> Get(CommonwealDbContext db, Guid id)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id);
        return organisation is null ? ApiProblems.NotFound("Organisation") : TypedResults.Ok(Summarise(organisation));
    }

    private static async Task<Results<Ok<OrganisationSummary>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Update(
        CommonwealDbContext db, HttpContext http, Guid id, OrganisationProfile profile)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id);
        if (organisation is null)
        {
            return ApiProblems.NotFound("Organisation");
        }

        if (!http.User.HasRoleIn(id, MembershipRole.Admin) && !http.User.IsPlatformAdmin())
        {
            return TypedResults.Forbid();
        }

        var validation = await profile.CheckAsync(db, id);
        if (!validation.IsValid)
        {
            return ApiProblems.Validation(validation);
        }

        profile.ApplyTo(organisation);
        await db.SaveChangesAsync();
        return TypedResults.Ok(Summarise(organisation));
    }

    internal static OrganisationSummary Summarise(Organisation o) => new(
        o.Id, o.Identifier, o.Name, LegalForms.DisplayName(o.LegalForm), o.Sector?.ToString(),
        OrganisationLabels.Each(o.Activities).Select(OrganisationLabels.DisplayName).ToArray(),
        o.IncomeBand is { } band ? OrganisationLabels.DisplayName(band) : null,
        o.Members, o.Volunteers, o.Status.ToString(), o.Website, o.Postcode, o.Description);
}
