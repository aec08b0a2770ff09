using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Commonweal.Data;
using Commonweal.Outcomes;
using Commonweal.Outcomes.Analysis;
using Commonweal.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using static Commonweal.Web.Api.Referrals.CareApiResults;

namespace Commonweal.Web.Api.Outcomes;

/// <summary>
/// Instruments, recording a person's answers (through the person's record rules), due follow-ups,
/// outcome summaries (commissioners and the service's own organisation) and outcome-linked payment.
/// </summary>
public static class OutcomesApi
{
    public const string Purpose = "Outcomes API";

    /// <summary>The summary is snake_case, as its consumers (analysts' scripts) asked for.</summary>
    public static readonly JsonSerializerOptions SnakeCase = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void MapOutcomesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/outcomes").WithTags("Outcomes");
        group.MapGet("/instruments", Instruments).AllowAnonymous().WithSummary("The instruments that can be recorded: built-in and added");
        group.MapGet("/instruments/{key}", Instrument).AllowAnonymous().WithSummary("One instrument's definition, in the definition file format");
        group.MapPost("/instruments", AddInstrument).WithSummary("Add an instrument from a definition file (commissioners); faults name the JSON path");
        group.MapGet("/due", Due).WithSummary("Follow-ups due within 14 days or overdue, for the people whose care team you are on");
        group.MapGet("/summary", Summary).WithSummary("Outcome figures for a service or need and period, per scale, with the comparison group (commissioners and the service's organisation)");
        group.MapGet("/services/{id:guid}/settings", GetSettings).WithSummary("A service's questionnaires and follow-up points");
        group.MapPut("/services/{id:guid}/settings", PutSettings).WithSummary("Change a service's questionnaires and follow-up points (its organisation's admins)");
        group.MapGet("/contracts/{id:guid}/targets", GetTargets).WithSummary("A contract's outcome targets (its commissioners and suppliers)");
        group.MapPut("/contracts/{id:guid}/targets", PutTargets).WithSummary("Replace a contract's outcome targets (its commissioners)");
        group.MapGet("/contracts/{id:guid}/statement", Statement).WithSummary("The outcome-linked payment statement for the quarter starting at ?from=, with the working");

        var people = api.MapGroup("/people/{id:guid}/outcomes").WithTags("Outcomes");
        people.MapGet("/", PersonResponses).WithSummary("The person's questionnaire responses with their scores (care team)");
        people.MapPost("/", Record).WithSummary("Record a person's answers at baseline, a follow-up point or discharge (care team, with consent to outcome follow-up)");
    }

    public sealed record InstrumentRow(string Id, string Name, string Version, bool RequiresLicence, string? Licence, IReadOnlyList<string> Scales);

    public sealed record ScoreDto(string Scale, double Score, string? Band);

    public sealed record ResponseDto(Guid Id, Guid ReferralId, Guid ServiceId, string Instrument, string Timepoint, int? FollowUpMonths, DateOnly CompletedOn,
        IReadOnlyDictionary<string, int> Answers, IReadOnlyList<ScoreDto> Scores, string RecordedBy, DateTimeOffset RecordedAt);

    public sealed record ScaleDto(string Scale, string Name, Direction Direction, double MeaningfulChange, int NPaired, double? MeanChange, double? CiLow, double? CiHigh,
        double? ShareImproved, double? ShareDeteriorated, int? NImproved, int? NDeteriorated);

    public sealed record FiguresDto(int NReferred, int NBaseline, int NPaired, double? FollowUpRate, IReadOnlyList<ScaleDto> Scales);

    public sealed record SummaryDto(string Instrument, DateOnly From, DateOnly To, Guid? Service, Guid? Need, int NReferred, int NBaseline, int NPaired, double? FollowUpRate,
        IReadOnlyList<ScaleDto> Scales, FiguresDto? Comparison);

    public sealed record SettingsDto(Guid ServiceId, IReadOnlyList<string> Instruments, IReadOnlyList<int> FollowUpMonths);

    public sealed record TargetDto(Guid Id, OutcomeMeasure Measure, string Instrument, string Scale, double Target, decimal WeightPercent);

    public sealed record TargetsRequest(List<TargetInput>? Targets);

    public sealed record StatementDto(Guid Contract, string Title, DateOnly From, DateOnly To, decimal ValueForPeriod, decimal OutcomeLinkedPercent, decimal FixedPart,
        decimal OutcomeLinkedPart, IReadOnlyList<PaymentLine> Lines, decimal OutcomeLinkedEarned, decimal TotalDue, decimal Withheld, IReadOnlyList<string> Working);

    private static async Task<IResult> Instruments(InstrumentCatalogue catalogue) =>
        TypedResults.Ok((await catalogue.AllAsync()).Select(d => new InstrumentRow(d.Id, d.Name, d.Version, d.RequiresLicence, d.Licence, [.. d.Scales.Select(s => s.Id)])).ToList());

    private static async Task<IResult> Instrument(InstrumentCatalogue catalogue, string key) =>
        await catalogue.FindAsync(key) is { } d ? TypedResults.Ok(d) : ApiProblems.NotFound("Instrument");

    private static async Task<IResult> AddInstrument(InstrumentCatalogue catalogue, ClaimsPrincipal user, HttpRequest request)
    {
        var viewer = user.Viewer();
        if (!OutcomeAccess.MayAddInstrument(viewer))
        {
            return TypedResults.Forbid();
        }

        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync();
        var added = await catalogue.AddAsync(json, viewer);
        if (!added.IsValid)
        {
            return TypedResults.ValidationProblem(added.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "The instrument definition has errors");
        }

        var d = added.Definition!;
        return TypedResults.Created($"/api/outcomes/instruments/{d.Id}", new InstrumentRow(d.Id, d.Name, d.Version, d.RequiresLicence, d.Licence, [.. d.Scales.Select(s => s.Id)]));
    }

    private static async Task<IResult> Due(DueFollowUps due, ClaimsPrincipal user) => TypedResults.Ok(await due.ForAsync(user.Viewer()));

    internal static ResponseDto Describe(OutcomeResponse r, InstrumentDefinition? d) => new(
        r.Id, r.ReferralId, r.ServiceId, r.InstrumentKey, r.Timepoint.ToString(), r.FollowUpMonths, r.CompletedOn,
        JsonSerializer.Deserialize<Dictionary<string, int>>(r.Answers) ?? [],
        [.. r.Scores.OrderBy(s => d?.Scales.FindIndex(x => x.Id == s.ScaleKey) ?? 0).Select(s => new ScoreDto(s.ScaleKey, s.Score, d?.Scale(s.ScaleKey)?.Band(s.Score)))],
        r.RecordedBy, Utc(r.RecordedAt));

    private static async Task<IResult> PersonResponses(OutcomeRecording recording, InstrumentCatalogue catalogue, ClaimsPrincipal user, Guid id)
    {
        var read = await recording.ReadAsync(id, user.Viewer(), Purpose);
        if (!read.Succeeded)
        {
            return Refusal(read);
        }

        var definitions = (await catalogue.AllAsync()).ToDictionary(d => d.Id);
        return TypedResults.Ok(read.Value!.Responses.Select(r => Describe(r, definitions.GetValueOrDefault(r.InstrumentKey))).ToList());
    }

    private static async Task<IResult> Record(OutcomeRecording recording, InstrumentCatalogue catalogue, ClaimsPrincipal user, Guid id, ResponseInput input)
    {
        var result = await recording.RecordAsync(id, input, user.Viewer());
        return result.Succeeded
            ? TypedResults.Created($"/api/people/{id}/outcomes/{result.Value!.Id}", Describe(result.Value, await catalogue.FindAsync(result.Value.InstrumentKey)))
            : Refusal(result);
    }

    private static async Task<IResult> Summary(CommonwealDbContext db, InstrumentCatalogue catalogue, OutcomeAnalysis analysis, TimeProvider time, ClaimsPrincipal user,
        string? instrument, string? need, string? service, string? from, string? to)
    {
        var viewer = user.Viewer();
        var definition = await catalogue.FindAsync(instrument);
        if (definition is null)
        {
            return ApiProblems.Field("instrument", "Give the instrument's id, such as ons4 or swemwbs (see /api/outcomes/instruments)");
        }

        Guid? needId = null;
        Guid? serviceId = null;
        if (need is not null)
        {
            if (!Guid.TryParse(need, out var n) || !await db.TaxonomyTerms.AnyAsync(t => t.Id == n))
            {
                return ApiProblems.Field("need", "Give a needs taxonomy term's id (a GUID)");
            }

            needId = n;
        }

        Guid? serviceOrganisation = null;
        if (service is not null)
        {
            serviceOrganisation = Guid.TryParse(service, out var s)
                ? await db.Services.Where(x => x.Id == s).Select(x => (Guid?)x.OrganisationId).FirstOrDefaultAsync()
                : null;
            if (serviceOrganisation is null)
            {
                return ApiProblems.Field("service", "Give a directory service's id (a GUID)");
            }

            serviceId = s;
        }

        if (needId is null && serviceId is null)
        {
            return ApiProblems.Field("need", "Give a need (taxonomy term id), a service id, or both");
        }

        var period = Period(time, from, to);
        if (period.Error is { } error)
        {
            return ApiProblems.Field(error.Field, error.Message);
        }

        var allowed = serviceOrganisation is { } org ? OutcomeAccess.MaySeeService(viewer, org) : OutcomeAccess.MaySeeAcrossProviders(viewer);
        if (!allowed)
        {
            return TypedResults.Forbid();
        }

        var scope = serviceId is { } sid ? new OutcomeScope(OutcomeScopeKind.Service, sid) : new OutcomeScope(OutcomeScopeKind.Need, needId!.Value);
        IReadOnlyCollection<Guid> comparisonNeeds = needId is { } nid ? [nid] : await analysis.NeedsOfAsync(serviceId!.Value);
        var report = await analysis.ReportAsync(definition, scope, comparisonNeeds, period.From, period.To);
        var figures = Figures(report.Figures);
        return TypedResults.Json(new SummaryDto(definition.Id, period.From, period.To, serviceId, needId, figures.NReferred, figures.NBaseline, figures.NPaired, figures.FollowUpRate,
            figures.Scales, report.Comparison is { } c ? Figures(c) : null), SnakeCase);
    }

    internal static FiguresDto Figures(GroupFigures g) => new(g.Counts.NReferred, g.Counts.NBaseline, g.Counts.NPaired, g.Counts.FollowUpRate,
        [.. g.Scales.Select(s => new ScaleDto(s.Scale, s.Name, s.Direction, s.MeaningfulChange, s.Change.NPaired, s.Change.MeanChange, s.Change.CiLow, s.Change.CiHigh,
            s.Change.ShareImproved, s.Change.ShareDeteriorated, s.Change.NImproved, s.Change.NDeteriorated))]);

    internal sealed record PeriodResult(DateOnly From, DateOnly To, (string Field, string Message)? Error);

    /// <summary>The period asked for: from and to as yyyy-mm-dd, inclusive; by default the 12 months to today.</summary>
    internal static PeriodResult Period(TimeProvider time, string? from, string? to)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        static bool Parse(string? text, out DateOnly day) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
        var end = today;
        if (to is not null && !Parse(to, out end))
        {
            return new PeriodResult(default, default, ("to", "Give the end of the period as a date, such as 2027-03-31"));
        }

        var start = end.AddYears(-1).AddDays(1);
        if (from is not null && !Parse(from, out start))
        {
            return new PeriodResult(default, default, ("from", "Give the start of the period as a date, such as 2026-04-01"));
        }

        return start > end ? new PeriodResult(default, default, ("from", "The start of the period must not be after its end")) : new PeriodResult(start, end, null);
    }

    private static async Task<IResult> GetSettings(CommonwealDbContext db, OutcomeRecording recording, ClaimsPrincipal user, Guid id)
    {
        var organisation = await db.Services.Where(s => s.Id == id).Select(s => (Guid?)s.OrganisationId).FirstOrDefaultAsync();
        if (organisation is null)
        {
            return ApiProblems.NotFound("Service");
        }

        var settings = await recording.SettingsAsync(id);
        return TypedResults.Ok(new SettingsDto(id, settings.Instruments, settings.FollowUpMonths));
    }

    private static async Task<IResult> PutSettings(OutcomeSettingsEditing editing, ClaimsPrincipal user, Guid id, SettingsInput input)
    {
        var result = await editing.SaveAsync(id, input, user.Viewer());
        return result.Succeeded ? TypedResults.Ok(new SettingsDto(id, result.Value!.Instruments, result.Value.FollowUpMonths)) : Refusal(result);
    }

    private static TargetDto Describe(ContractOutcomeTarget t) => new(t.Id, t.Measure, t.InstrumentKey, t.ScaleKey, t.Target, t.WeightPercent);

    private static async Task<IResult> GetTargets(OutcomePayments payments, ClaimsPrincipal user, Guid id)
    {
        var contract = await payments.ContractAsync(id);
        if (contract is null)
        {
            return ApiProblems.NotFound("Contract");
        }

        return await payments.MaySeeAsync(user.Viewer(), contract)
            ? TypedResults.Ok((await payments.TargetsAsync(id)).Select(Describe).ToList())
            : TypedResults.Forbid();
    }

    private static async Task<IResult> PutTargets(OutcomePayments payments, ClaimsPrincipal user, Guid id, TargetsRequest request)
    {
        var contract = await payments.ContractAsync(id);
        if (contract is null)
        {
            return ApiProblems.NotFound("Contract");
        }

        var result = await payments.SetTargetsAsync(contract, request.Targets, user.Viewer());
        return result.Succeeded ? TypedResults.Ok(result.Value!.Select(Describe).ToList()) : Refusal(result);
    }

    private static async Task<IResult> Statement(OutcomePayments payments, ClaimsPrincipal user, Guid id, string? from)
    {
        var contract = await payments.ContractAsync(id);
        if (contract is null)
        {
            return ApiProblems.NotFound("Contract");
        }

        if (!await payments.MaySeeAsync(user.Viewer(), contract))
        {
            return TypedResults.Forbid();
        }

        var quarters = OutcomePayments.Quarters(contract);
        var period = from is null ? quarters.FirstOrDefault() : quarters.FirstOrDefault(q => q.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == from);
        if (period is null)
        {
            return ApiProblems.Field("from", $"Give the start of one of the contract's quarters, such as {contract.Start:yyyy-MM-dd}");
        }

        var s = (await payments.StatementAsync(contract, period)).Statement;
        return TypedResults.Ok(new StatementDto(contract.Id, contract.Title, period.From, period.To, s.ValueForPeriod, s.OutcomeLinkedPercent, s.FixedPart, s.OutcomeLinkedPart,
            s.Lines, s.OutcomeLinkedEarned, s.TotalDue, s.Withheld, s.Working));
    }
}
