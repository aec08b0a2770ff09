using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Commonweal.Audit;
using Commonweal.Data;
using Commonweal.Passport;
using Commonweal.Procurement;
using Commonweal.Web.Accounts;
using Commonweal.Web.Api.Organisations;
using Commonweal.Web.Infrastructure;
using Commonweal.Web.Procurement;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Api.Procurement;

/// <summary>
/// Opportunities: published ones for everyone; drafts for the commissioners who write them.
/// Rule failures come back as ProblemDetails with a stable "code"; field errors name the JSON path.
/// </summary>
public static partial class ProcurementApi
{
    public const int MaxPageSize = 100;

    public static void MapProcurementApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/opportunities").WithTags("Procurement");
        group.MapGet("/", List).AllowAnonymous().WithSummary("Published opportunities, filtered, a page at a time");
        group.MapGet("/{key}", Get).AllowAnonymous().WithSummary("One opportunity, by id or reference (drafts: its commissioning organisations only)");
        group.MapPost("/", Create).RequireAuthorization(Policies.Commissioner).WithSummary("Create a draft opportunity");
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Commissioner).WithSummary("Change a draft");
        group.MapGet("/{id:guid}/fairness", Fairness).AllowAnonymous().WithSummary("The fairness check's findings");
        group.MapPost("/{id:guid}/publish", Publish).RequireAuthorization(Policies.Commissioner).WithSummary("Publish a draft (with a reason, when the fairness check finds errors)");
        group.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Policies.Commissioner).WithSummary("Cancel an opportunity, with a reason");
    }

    public sealed record PublishRequest(string? OverrideReason);

    public sealed record CancelRequest(string? Reason);

    public sealed record CommissionerDto(Guid OrganisationId, string? Name, decimal Share);

    public sealed record LotDto(Guid Id, int Number, string Title, long Value, long AnnualValue);

    public sealed record CriterionDto(string Name, CriterionKind Kind, decimal Weight, IReadOnlyList<string> Descriptors);

    public sealed record TimetableDto(
        DateOnly PublicationDate, DateTimeOffset ClarificationDeadline, DateTimeOffset SubmissionDeadline, DateOnly EvaluationEnd,
        DateOnly PlannedStandstillLastDay, DateTimeOffset? StandstillEndsAt, DateOnly ContractStart, DateOnly ContractEnd, DateOnly? MobilisationStart);

    public sealed record ConditionsDto(
        long? MinimumAnnualTurnover, long? MinimumPublicLiabilityCover, long? MinimumEmployersLiabilityCover,
        IReadOnlyList<string> RequiredRegistrations, IReadOnlyList<EvidenceKind> RequiredEvidence);

    public sealed record OpportunitySummary(
        Guid Id, string Reference, string Title, OpportunityType Type, ProcurementProcess Process, OpportunityStatus Status,
        long TotalValue, long AnnualValue, int Lots, IReadOnlyList<string> Outcodes, IReadOnlyList<string> Commissioners,
        DateTimeOffset SubmissionDeadline, bool SuitableForSmallOrganisations);

    public sealed record OpportunityDetails(
        Guid Id, string Reference, string Title, string? Description, OpportunityType Type, ProcurementProcess Process, OpportunityStatus Status,
        long TotalValue, long AnnualValue, IReadOnlyList<CommissionerDto> Commissioners, IReadOnlyList<LotDto> Lots,
        IReadOnlyList<CriterionDto> Criteria, IReadOnlyList<Guid> Needs, IReadOnlyList<string> Outcodes, TimetableDto Timetable,
        ConditionsDto Conditions, Guid? IncumbentOrganisationId, string? PerformanceAssessmentUrl,
        DateTimeOffset? PublishedAt, string? FairnessOverrideReason, bool SuitableForSmallOrganisations);

    public sealed record FairnessReport(Guid OpportunityId, bool HasErrors, IReadOnlyList<FairnessFinding> Findings);

    private static async Task<Results<Ok<OrganisationsApi.PageOf<OpportunitySummary>>, ValidationProblem>> List(
        CommonwealDbContext db, OpportunityType? type, long? minValue, long? maxValue, string? outcode, Guid? need,
        bool suitableForSmallOrganisations = false, bool includeClosed = false, int page = 1, int pageSize = 20)
    {
        if (page < 1)
        {
            return ApiProblems.Field("page", "Page must be 1 or more");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return ApiProblems.Field("pageSize", $"Page size must be from 1 to {MaxPageSize}");
        }

        if (minValue < 0)
        {
            return ApiProblems.Field("minValue", "Minimum value must be £0 or more");
        }

        if (maxValue < 0 || (minValue is not null && maxValue < minValue))
        {
            return ApiProblems.Field("maxValue", "Maximum value must be £0 or more, and not less than the minimum value");
        }

        var filter = new OpportunityFilter
        {
            Type = type, MinValue = minValue, MaxValue = maxValue, Outcode = outcode, Need = need,
            SuitableForSmallOrganisations = suitableForSmallOrganisations, IncludeClosed = includeClosed,
        };
        var (items, total) = await OpportunitySearch.SearchAsync(db, filter, page, pageSize);
        return TypedResults.Ok(new OrganisationsApi.PageOf<OpportunitySummary>(
            items.Select(Summarise).ToList(), page, pageSize, total, (total + pageSize - 1) / pageSize));
    }

    private static async Task<Results<Ok<OpportunityDetails>, ProblemHttpResult>> Get(CommonwealDbContext db, ClaimsPrincipal user, string key)
    {
        var o = await FindAsync(db, key);
        return o is null || !user.CanSee(o) ? ApiProblems.NotFound("Opportunity") : TypedResults.Ok(Describe(o));
    }

    private static async Task<Results<Created<OpportunityDetails>, ValidationProblem, ForbidHttpResult>> Create(
        CommonwealDbContext db, ClaimsPrincipal user, OpportunityDraft draft)
    {
        var validation = await OpportunityEditing.ValidateAsync(db, draft);
        if (!validation.IsValid)
        {
            return Validation(validation);
        }

        if (!user.CommissionsForAny(draft.Commissioners.Select(c => c.OrganisationId)))
        {
            return TypedResults.Forbid();
        }

        var o = await OpportunityEditing.CreateAsync(db, draft, user.UserId());
        var saved = await FindAsync(db, o.Id.ToString());
        return TypedResults.Created($"/api/opportunities/{o.Id}", Describe(saved!));
    }

    private static async Task<Results<Ok<OpportunityDetails>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Update(
        CommonwealDbContext db, ClaimsPrincipal user, Guid id, OpportunityDraft draft)
    {
        var o = await db.Opportunities.WithDetails().FirstOrDefaultAsync(x => x.Id == id);
        if (o is null || !user.CanSee(o))
        {
            return ApiProblems.NotFound("Opportunity");
        }

        if (!user.CanManage(o))
        {
            return TypedResults.Forbid();
        }

        var validation = await OpportunityEditing.ValidateAsync(db, draft);
        if (!validation.IsValid)
        {
            return Validation(validation);
        }

        if (!user.CommissionsForAny(draft.Commissioners.Select(c => c.OrganisationId)))
        {
            return TypedResults.Forbid();
        }

        var result = await OpportunityEditing.UpdateAsync(db, o, draft);
        return result.Succeeded ? TypedResults.Ok(Describe((await FindAsync(db, id.ToString()))!)) : Refusal(result);
    }

    private static async Task<Results<Ok<FairnessReport>, ProblemHttpResult>> Fairness(CommonwealDbContext db, ClaimsPrincipal user, Guid id)
    {
        var o = await db.Opportunities.AsNoTracking().WithDetails().FirstOrDefaultAsync(x => x.Id == id);
        if (o is null || !user.CanSee(o))
        {
            return ApiProblems.NotFound("Opportunity");
        }

        // A published notice shows the findings it was published with; a draft is checked as it stands.
        var findings = o.IsPublic && o.FairnessFindingsAtPublication is { } stored
            ? JsonSerializer.Deserialize<List<FairnessFinding>>(stored, StoredJson) ?? []
            : FairnessCheck.Run(o);
        return TypedResults.Ok(new FairnessReport(o.Id, FairnessCheck.HasErrors(findings), findings));
    }

    private static async Task<Results<Ok<OpportunityDetails>, ProblemHttpResult, ForbidHttpResult, ValidationProblem>> Publish(
        CommonwealDbContext db, ClaimsPrincipal user, TimeProvider time, Guid id, PublishRequest? request)
    {
        var o = await db.Opportunities.WithDetails().FirstOrDefaultAsync(x => x.Id == id);
        if (o is null || !user.CanSee(o))
        {
            return ApiProblems.NotFound("Opportunity");
        }

        if (!user.CanManage(o))
        {
            return TypedResults.Forbid();
        }

        if (request?.OverrideReason?.Length > Opportunity.ReasonMaxLength)
        {
            return ApiProblems.Field("overrideReason", $"Reason must be {Opportunity.ReasonMaxLength:N0} characters or fewer");
        }

        var result = OpportunityLifecycle.Publish(o, new Actor(user.UserId(), user.Name()), time.GetUtcNow().UtcDateTime, request?.OverrideReason);
        if (!result.Succeeded)
        {
            return Refusal(result);
        }

        await db.SaveChangesAsync();
        return TypedResults.Ok(Describe(o));
    }

    private static async Task<Results<Ok<OpportunityDetails>, ProblemHttpResult, ForbidHttpResult, ValidationProblem>> Cancel(
        CommonwealDbContext db, ClaimsPrincipal user, TimeProvider time, Guid id, CancelRequest? request)
    {
        var o = await db.Opportunities.WithDetails().FirstOrDefaultAsync(x => x.Id == id);
        if (o is null || !user.CanSee(o))
        {
            return ApiProblems.NotFound("Opportunity");
        }

        if (!user.CanManage(o))
        {
            return TypedResults.Forbid();
        }

        if (request?.Reason?.Length > Opportunity.ReasonMaxLength)
        {
            return ApiProblems.Field("reason", $"Reason must be {Opportunity.ReasonMaxLength:N0} characters or fewer");
        }

        var result = OpportunityLifecycle.Transition(o, OpportunityStatus.Cancelled, new Actor(user.UserId(), user.Name()), time.GetUtcNow().UtcDateTime, request?.Reason);
        if (result.ErrorCode == ProcurementErrors.ReasonRequired)
        {
            return ApiProblems.Field("reason", result.Message!);
        }

        if (!result.Succeeded)
        {
            return Refusal(result);
        }

        await db.SaveChangesAsync();
        return TypedResults.Ok(Describe(o));
    }

    private static async Task<Opportunity?> FindAsync(CommonwealDbContext db, string key)
    {
        var query = db.Opportunities.AsNoTracking().WithDetails();
        return Guid.TryParse(key, out var id)
            ? await query.FirstOrDefaultAsync(o => o.Id == id)
            : await query.FirstOrDefaultAsync(o => o.Reference == key.ToUpperInvariant());
    }

    private static readonly JsonSerializerOptions StoredJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>A rule refused: 422 when the fairness check blocks publishing, 409 when the opportunity's state does not allow it.</summary>
    private static ProblemHttpResult Refusal(ProcurementResult result)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = result.ErrorCode };
        if (result.Findings is not null)
        {
            extensions["findings"] = result.Findings;
        }

        return TypedResults.Problem(
            statusCode: result.ErrorCode == ProcurementErrors.FairnessErrors ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict,
            title: result.Message, extensions: extensions);
    }

    /// <summary>Field errors keyed by JSON path as the client wrote it: Criteria[2].Weight becomes criteria[2].weight.</summary>
    internal static ValidationProblem Validation(ValidationResult result) =>
        TypedResults.ValidationProblem(
            result.Errors.GroupBy(e => JsonPath(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()),
            title: "The request has errors");

    internal static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(segment => SegmentName().Replace(segment, m => JsonNamingPolicy.CamelCase.ConvertName(m.Value))));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex SegmentName();

    internal static OpportunitySummary Summarise(Opportunity o) => new(
        o.Id, o.Reference, o.Title, o.Type, o.Process, o.Status, o.TotalValue, o.AnnualValue, o.Lots.Count,
        ProcurementLabels.SortOutcodes(o.Areas.Select(a => a.Outcode)).ToList(),
        o.Commissioners.Select(c => c.Organisation?.Name ?? "").ToList(),
        new DateTimeOffset(o.SubmissionDeadline, TimeSpan.Zero), o.SuitableForSmallOrganisations);

    internal static OpportunityDetails Describe(Opportunity o) => new(
        o.Id, o.Reference, o.Title, o.Description, o.Type, o.Process, o.Status, o.TotalValue, o.AnnualValue,
        o.Commissioners.Select(c => new CommissionerDto(c.OrganisationId, c.Organisation?.Name, c.SharePercent)).ToList(),
        o.Lots.OrderBy(l => l.Number).Select(l => new LotDto(l.Id, l.Number, l.Title, l.Value, o.Annualise(l.Value))).ToList(),
        o.Criteria.OrderBy(c => c.Order).Select(c => new CriterionDto(c.Name, c.Kind, c.Weight, c.Descriptors)).ToList(),
        o.Needs.Select(n => n.TaxonomyTermId).ToList(),
        ProcurementLabels.SortOutcodes(o.Areas.Select(a => a.Outcode)).ToList(),
        new TimetableDto(o.PublicationDate, new DateTimeOffset(o.ClarificationDeadline, TimeSpan.Zero), new DateTimeOffset(o.SubmissionDeadline, TimeSpan.Zero),
            o.EvaluationEnd, Timetable.PlannedStandstillLastDay(o), o.StandstillEndsAt is { } ends ? new DateTimeOffset(ends, TimeSpan.Zero) : null,
            o.ContractStart, o.ContractEnd, o.MobilisationStart),
        new ConditionsDto(o.MinimumAnnualTurnover, o.MinimumPublicLiabilityCover, o.MinimumEmployersLiabilityCover,
            o.RequiredRegistrations, o.RequiredEvidence.Select(e => e.Kind).Order().ToList()),
        o.IncumbentOrganisationId, o.PerformanceAssessmentUrl,
        o.PublishedAt is { } published ? new DateTimeOffset(published, TimeSpan.Zero) : null,
        o.FairnessOverrideReason, o.SuitableForSmallOrganisations);
}
