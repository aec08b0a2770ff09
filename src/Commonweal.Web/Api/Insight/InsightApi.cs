using System.Security.Claims;
using System.Text.Json.Serialization;
using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Insight;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Api.Insight;

/// <summary>
/// Insight figures. Dependency and cliffs are organisation-level and include private income, so
/// they are for the organisation's members and the commissioners that fund it; sector share is
/// built from published awards and grants only, so anyone may read it.
/// </summary>
public static class InsightApi
{
    public static void MapInsightApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/insight").WithTags("Insight");
        group.MapGet("/dependency", Dependency).WithSummary("An organisation's income by funder, largest share, HHI and flags, per financial year");
        group.MapGet("/cliffs", Cliffs).WithSummary("Organisations you may see whose funding ends within 6 or 12 months, with the services at risk, and the totals by area (outcode and commissioning area: by_area) and by need (by_need)");
        group.MapGet("/sectors", Sectors).AllowAnonymous().WithSummary("A commissioner's contract and grant value by provider sector and size, per financial year");
        group.MapPost("/income", RecordIncome).WithSummary("Record an organisation's other income for a financial year (its admins only)");
    }

    public sealed record FunderRow(string Funder, string Source, decimal Amount, double Share);

    public sealed record YearFigures(
        int Year, string FinancialYear, decimal TotalIncome, IReadOnlyList<FunderRow> Funders, double LargestShare, string? LargestFunder,
        double Hhi, double? EquivalentFunders, bool LargestShareOverHalf, bool HhiOverQuarter);

    public sealed record DependencyResponse(Guid Organisation, string Name, string View, IReadOnlyList<YearFigures> Years);

    public sealed record CliffRow(
        Guid Organisation, string Name, string? Area, decimal EndingWithin6Months, decimal EndingWithin12Months,
        decimal AnnualIncomeNow, decimal AnnualIncomeInAYear, bool FallsByMoreThanHalf, IReadOnlyList<string> Needs, IReadOnlyList<string> ServicesAtRisk);

    public sealed record ServiceRow(Guid Id, string Name);

    /// <summary>An outcode ("E3", or "Not known") or a commissioning area, with the organisations of the list in it.</summary>
    public sealed record AreaCliffRow(
        string Area, string Kind, Guid? AreaId, string? Commissioner, decimal EndingWithin6Months, decimal EndingWithin12Months,
        int Organisations, IReadOnlyList<ServiceRow> ServicesAtRisk);

    /// <summary>A need (a taxonomy term of the services): the whole income ending of each organisation with a service meeting it.</summary>
    public sealed record NeedCliffRow(string Need, decimal EndingWithin6Months, decimal EndingWithin12Months, int Organisations, IReadOnlyList<ServiceRow> ServicesAtRisk);

    public sealed record CliffsResponse(
        int Months,
        IReadOnlyList<CliffRow> Organisations,
        [property: JsonPropertyName("by_area")] IReadOnlyList<AreaCliffRow> ByArea,
        [property: JsonPropertyName("by_need")] IReadOnlyList<NeedCliffRow> ByNeed);

    public sealed record SectorRow(int Year, string FinancialYear, string Sector, string Size, decimal Amount, double Share);

    internal static InsightViewer ViewerOf(ClaimsPrincipal user) => user.Identity?.IsAuthenticated != true
        ? InsightViewer.Anonymous
        : new InsightViewer(
            user.Memberships().Select(m => m.OrganisationId).Distinct().ToList(),
            user.Memberships().Where(m => m.Role == MembershipRole.Commissioner).Select(m => m.OrganisationId).Distinct().ToList(),
            user.IsPlatformAdmin());

    internal static YearFigures Figures(YearDependency y) => new(
        y.Year, FinancialYears.Label(y.Year), y.Figures.TotalIncome,
        y.Figures.Funders.Select(f => new FunderRow(f.Funder, f.Source.ToString(), f.Amount, f.Share)).ToList(),
        y.Figures.LargestShare, y.Figures.LargestFunder, y.Figures.Hhi, y.Figures.EquivalentFunders,
        y.Figures.DependsOnOneFunder, y.Figures.Concentrated);

    private static async Task<Results<Ok<DependencyResponse>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Dependency(
        CommonwealDbContext db, TimeProvider time, HttpContext http, string? organisation)
    {
        if (!Guid.TryParse(organisation, out var id))
        {
            return ApiProblems.Field("organisation", "Give the organisation's id (a GUID)");
        }

        var queries = new InsightQueries(db, time);
        var view = await queries.ViewOfAsync(ViewerOf(http.User), id);
        if (view == InsightView.None)
        {
            return TypedResults.Forbid();
        }

        var name = await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync();
        if (name is null)
        {
            return ApiProblems.NotFound("Organisation");
        }

        var years = await queries.DependencyAsync(id, view);
        return TypedResults.Ok(new DependencyResponse(id, name, view.ToString(), years.Select(Figures).ToList()));
    }

    private static async Task<Results<Ok<CliffsResponse>, ValidationProblem>> Cliffs(
        CommonwealDbContext db, TimeProvider time, HttpContext http, string? months)
    {
        var within = 12;
        if (months is not null && (!int.TryParse(months, out within) || within is not (6 or 12)))
        {
            return ApiProblems.Field("months", "Months must be 6 or 12");
        }

        var queries = new InsightQueries(db, time);
        var scope = await ScopeAsync(queries, ViewerOf(http.User));
        var report = await queries.CliffReportAsync(within, scope);
        return TypedResults.Ok(new CliffsResponse(
            within,
            [.. report.Organisations.Select(Row)],
            [.. report.ByArea.Select(a => new AreaCliffRow(a.Area, a.Kind.ToString(), a.AreaId, a.Commissioner, a.EndingWithin6Months, a.EndingWithin12Months,
                a.Organisations.Count, [.. a.ServicesAtRisk.Select(s => new ServiceRow(s.Id, s.Name))]))],
            [.. report.ByNeed.Select(n => new NeedCliffRow(n.Need, n.EndingWithin6Months, n.EndingWithin12Months,
                n.Organisations.Count, [.. n.ServicesAtRisk.Select(s => new ServiceRow(s.Id, s.Name))]))]));
    }

    internal static CliffRow Row(OrganisationCliff c) => new(
        c.OrganisationId, c.Name, c.Area, c.Figures.EndingWithin6Months, c.Figures.EndingWithin12Months,
        c.Figures.AnnualIncomeNow, c.Figures.AnnualIncomeInAYear, c.Figures.FallsByMoreThanHalf, c.Needs, c.ServicesAtRisk.Select(s => s.Name).ToList());

    /// <summary>The organisations whose cliffs a viewer may see: their own and those their commissioners fund; all for platform admins.</summary>
    internal static async Task<IReadOnlyCollection<Guid>?> ScopeAsync(InsightQueries queries, InsightViewer viewer)
    {
        if (viewer.PlatformAdmin)
        {
            return null;
        }

        var funded = viewer.CommissionerIn.Count == 0 ? [] : await queries.FundedByAsync(viewer.CommissionerIn);
        return funded.Concat(viewer.MemberOf).Distinct().ToList();
    }

    private static async Task<Results<Ok<IReadOnlyList<SectorRow>>, ValidationProblem, ProblemHttpResult>> Sectors(
        CommonwealDbContext db, TimeProvider time, string? commissioner)
    {
        if (!Guid.TryParse(commissioner, out var id))
        {
            return ApiProblems.Field("commissioner", "Give the commissioner's organisation id (a GUID)");
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == id))
        {
            return ApiProblems.NotFound("Commissioner");
        }

        var rows = await new InsightQueries(db, time).SectorsAsync(id);
        IReadOnlyList<SectorRow> result = rows.Select(r => new SectorRow(r.Year, FinancialYears.Label(r.Year), r.Sector, r.Size.ToString(), r.Amount, r.ShareOfYear)).ToList();
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<OtherIncomeInput>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> RecordIncome(
        CommonwealDbContext db, TimeProvider time, HttpContext http, OtherIncomeInput input)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == input.Organisation))
        {
            return ApiProblems.NotFound("Organisation");
        }

        if (!http.User.HasRoleIn(input.Organisation, MembershipRole.Admin))
        {
            return TypedResults.Forbid();
        }

        var result = await new OtherIncomeRecording(db).RecordAsync(input);
        return result.IsValid ? TypedResults.Ok(input) : ApiProblems.Validation(result);
    }
}
