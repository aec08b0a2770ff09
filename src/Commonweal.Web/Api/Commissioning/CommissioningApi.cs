using System.Text.Json;
using Commonweal.Commissioning;
using Commonweal.Data;
using Commonweal.Insight;
using Commonweal.Web.Api.Insight;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Api.Commissioning;

/// <summary>
/// Areas and their needs, plans with budget lines and their figures, and pooled funds. Published
/// plans are public; drafts and every change are for the commissioner's members; a pool's report
/// is for commissioners of its members.
/// </summary>
public static class CommissioningApi
{
    public static void MapCommissioningApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/commissioning").WithTags("Commissioning");
        group.MapPost("/areas", AddArea).WithSummary("Record an area (a name and its outcodes) for a commissioner");
        group.MapPost("/areas/{id:guid}/needs", AddNeed).WithSummary("Record a health condition or social need of an area");
        group.MapPost("/plans", AddPlan).WithSummary("Create a commissioner's plan for an area and financial year");
        group.MapGet("/plans/{id:guid}", GetPlan).AllowAnonymous().WithSummary("A plan's figures: spend against burden, needs with no budget and no service, overlaps and gaps");
        group.MapPost("/plans/{id:guid}/lines", SetLine).WithSummary("Set the plan's budget for one need or condition");
        group.MapPost("/plans/{id:guid}/publish", Publish).WithSummary("Publish a draft plan: it becomes public");
        group.MapPost("/pools", AddPool).WithSummary("Create a pooled fund of several commissioners with agreed shares");
        group.MapGet("/pools/{id:guid}", GetPool).WithSummary("A pooled fund's contributions and spend per commissioner");
        group.MapPost("/pools/{id:guid}/opportunities", DrawOn).WithSummary("Let a joint opportunity draw on the pool (its commissioners must be members)");
    }

    public sealed record Created(Guid Id);

    public sealed record NeedRow(Guid Id, string Kind, string Name, decimal? Prevalence, string? PrevalenceUnit, decimal? Burden, string? BurdenUnit,
        bool Rare, string? OrphanetCode, int? EstimatedPeople, decimal Budget, IReadOnlyList<string> Services);

    public sealed record PlanResponse(Guid Id, string Title, Guid Commissioner, string CommissionerName, int Year, string FinancialYear, bool Published,
        Guid Area, string AreaName, IReadOnlyList<string> Outcodes, IReadOnlyList<NeedRow> Needs, IReadOnlyList<SpendBurdenRow> SpendVsBurden,
        IReadOnlyList<UnprovidedNeed> NoBudgetNoService, IReadOnlyList<Overlap> Overlaps, IReadOnlyList<Gap> Gaps);

    public sealed record PoolResponse(Guid Id, string Name, decimal TotalContribution, decimal TotalSpend, IReadOnlyList<PoolMemberFigures> Members, IReadOnlyList<PoolContract> Contracts);

    /// <summary>Errors keyed by JSON path as the client sent it: "members[0].share".</summary>
    internal static ValidationProblem Problem(ValidationResult result) =>
        TypedResults.ValidationProblem(
            result.Errors.GroupBy(e => JsonPath(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()),
            title: "The request has errors");

    internal static string JsonPath(string property) => string.Join('.', property.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static async Task<Results<Created<Created>, ValidationProblem, ForbidHttpResult>> AddArea(CommonwealDbContext db, HttpContext http, AreaInput input)
    {
        if (!CommissioningAccess.CanEditFor(InsightApi.ViewerOf(http.User), input.Commissioner))
        {
            return TypedResults.Forbid();
        }

        var result = await new CommissioningEditing(db).AddAreaAsync(input);
        return result.IsValid ? TypedResults.Created($"/api/commissioning/areas/{result.Value!.Id}", new Created(result.Value.Id)) : Problem(result.Errors);
    }

    private static async Task<Results<Created<Created>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> AddNeed(CommonwealDbContext db, HttpContext http, Guid id, NeedInput input)
    {
        var area = await db.NeedsAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (area is null)
        {
            return ApiProblems.NotFound("Area");
        }

        if (!CommissioningAccess.CanEditFor(InsightApi.ViewerOf(http.User), area.CommissionerOrganisationId))
        {
            return TypedResults.Forbid();
        }

        var result = await new CommissioningEditing(db).AddNeedAsync(area, input);
        return result.IsValid ? TypedResults.Created($"/api/commissioning/areas/{id}/needs/{result.Value!.Id}", new Created(result.Value.Id)) : Problem(result.Errors);
    }

    private static async Task<Results<Created<Created>, ValidationProblem, ForbidHttpResult>> AddPlan(CommonwealDbContext db, HttpContext http, PlanInput input)
    {
        if (!CommissioningAccess.CanEditFor(InsightApi.ViewerOf(http.User), input.Commissioner))
        {
            return TypedResults.Forbid();
        }

        var result = await new CommissioningEditing(db).AddPlanAsync(input);
        return result.IsValid ? TypedResults.Created($"/api/commissioning/plans/{result.Value!.Id}", new Created(result.Value.Id)) : Problem(result.Errors);
    }

    private static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> GetPlan(CommonwealDbContext db, HttpContext http, Guid id)
    {
        var report = await new PlanQueries(db).ReportAsync(id);
        // A draft is not found for those who may not see it, so its existence is not disclosed.
        if (report is null || !CommissioningAccess.CanSeePlan(InsightApi.ViewerOf(http.User), report.Plan))
        {
            return ApiProblems.NotFound("Plan");
        }

        return TypedResults.Ok(Response(report));
    }

    internal static PlanResponse Response(PlanReport r)
    {
        var budgets = r.Plan.Lines.GroupBy(l => l.NeedId).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
        var needs = r.Area.Needs.OrderBy(n => n.Kind).ThenBy(n => n.Name, StringComparer.Ordinal)
            .Select(n => new NeedRow(n.Id, n.Kind.ToString(), n.Name, n.Prevalence, n.PrevalenceUnit?.ToString(), n.Burden, n.BurdenUnit?.ToString(), n.IsRare, n.OrphanetCode,
                n.EstimatedPeople, budgets.GetValueOrDefault(n.Id), (r.Services.GetValueOrDefault(n.Id) ?? []).Select(s => s.ServiceName).ToList()))
            .ToList();
        return new PlanResponse(r.Plan.Id, r.Plan.Title, r.Plan.CommissionerOrganisationId, r.Commissioner, r.Plan.Year, FinancialYears.Label(r.Plan.Year), r.Plan.IsPublished,
            r.Area.Id, r.Area.Name, r.Area.Outcodes, needs, r.Figures.SpendVsBurden, r.Figures.Unprovided, r.Figures.Overlaps, r.Figures.Gaps);
    }

    private static async Task<Results<Ok<Created>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> SetLine(CommonwealDbContext db, HttpContext http, Guid id, PlanLineInput input)
    {
        var plan = await db.CommissioningPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        var viewer = InsightApi.ViewerOf(http.User);
        if (plan is null || !CommissioningAccess.CanSeePlan(viewer, plan))
        {
            return ApiProblems.NotFound("Plan");
        }

        if (!CommissioningAccess.CanEditFor(viewer, plan.CommissionerOrganisationId))
        {
            return TypedResults.Forbid();
        }

        var result = await new CommissioningEditing(db).SetLineAsync(plan, input);
        return result.IsValid ? TypedResults.Ok(new Created(result.Value!.Id)) : Problem(result.Errors);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ForbidHttpResult>> Publish(CommonwealDbContext db, HttpContext http, Guid id)
    {
        var plan = await db.CommissioningPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        var viewer = InsightApi.ViewerOf(http.User);
        if (plan is null || !CommissioningAccess.CanSeePlan(viewer, plan))
        {
            return ApiProblems.NotFound("Plan");
        }

        if (!CommissioningAccess.CanEditFor(viewer, plan.CommissionerOrganisationId))
        {
            return TypedResults.Forbid();
        }

        await new CommissioningEditing(db).PublishAsync(id);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<Created>, ValidationProblem, ForbidHttpResult>> AddPool(CommonwealDbContext db, HttpContext http, PoolInput input)
    {
        var viewer = InsightApi.ViewerOf(http.User);
        if (!CommissioningAccess.CanCreatePool(viewer, input.Members?.Select(m => m.Organisation) ?? []))
        {
            return viewer.CommissionerIn.Count == 0 ? TypedResults.Forbid() : ApiProblems.Field("members", "Include an organisation you commission for");
        }

        var result = await new CommissioningEditing(db).AddPoolAsync(input);
        return result.IsValid ? TypedResults.Created($"/api/commissioning/pools/{result.Value!.Id}", new Created(result.Value.Id)) : Problem(result.Errors);
    }

    private static async Task<Results<Ok<PoolResponse>, ProblemHttpResult, ForbidHttpResult>> GetPool(CommonwealDbContext db, HttpContext http, Guid id)
    {
        var queries = new PoolQueries(db);
        var pool = await queries.FindAsync(id);
        if (pool is null)
        {
            return ApiProblems.NotFound("Pooled fund");
        }

        if (!CommissioningAccess.CanSeePool(InsightApi.ViewerOf(http.User), pool))
        {
            return TypedResults.Forbid();
        }

        var report = await queries.ReportAsync(pool);
        return TypedResults.Ok(new PoolResponse(pool.Id, pool.Name, report.TotalContribution, report.TotalSpend, report.Members, report.Contracts));
    }

    private static async Task<Results<Ok<Created>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> DrawOn(CommonwealDbContext db, HttpContext http, Guid id, PoolLinkInput input)
    {
        var pool = await new PoolQueries(db).FindAsync(id);
        if (pool is null)
        {
            return ApiProblems.NotFound("Pooled fund");
        }

        if (!CommissioningAccess.CanEditPool(InsightApi.ViewerOf(http.User), pool))
        {
            return TypedResults.Forbid();
        }

        var result = await new CommissioningEditing(db).DrawOnAsync(pool, input);
        return result.IsValid ? TypedResults.Ok(new Created(result.Value!.Id)) : Problem(result.Errors);
    }
}
