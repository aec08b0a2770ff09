using System.Text.Json;
using Commonweal.Data;
using Commonweal.Passport;
using Commonweal.Web.Passport;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Api.Passport;

public static class PassportApi
{
    public static void MapPassportApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations/{id:guid}/passport").WithTags("Passport");
        group.MapGet("/", Get).WithSummary("The organisation's compliance passport: the status of each kind of evidence (its members only)");
        group.MapPost("/evidence", Add).WithSummary("Record an item of evidence (the organisation's admins only)");
    }

    public sealed record KindResponse(EvidenceKind Kind, EvidenceState Status, DateOnly? Date, string? Note, int Items);

    public sealed record PassportResponse(Guid OrganisationId, DateOnly At, IReadOnlyList<KindResponse> Kinds);

    public sealed record EvidenceResponse(Guid Id, EvidenceKind Kind, EvidenceState Status, DateOnly? Date, EvidenceDetails Details);

    private static async Task<Results<Ok<PassportResponse>, ProblemHttpResult, ForbidHttpResult>> Get(
        CommonwealDbContext db, HttpContext http, TimeProvider time, Guid id)
    {
        if (!http.User.CanSeePassportOf(id))
        {
            return TypedResults.Forbid();
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == id))
        {
            return ApiProblems.NotFound("Organisation");
        }

        var status = await PassportStatus.LoadAsync(db, id, time.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(new PassportResponse(id, status.Today,
            [.. status.Kinds.Select(k => new KindResponse(k.Kind, k.State, k.Date, k.Note, k.Items.Count))]));
    }

    private static async Task<Results<Created<EvidenceResponse>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Add(
        CommonwealDbContext db, HttpContext http, TimeProvider time, Guid id, EvidenceDetails details)
    {
        if (!http.User.CanChangePassportOf(id))
        {
            return TypedResults.Forbid();
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == id))
        {
            return ApiProblems.NotFound("Organisation");
        }

        var validation = PassportEditing.Check(details);
        if (!validation.IsValid)
        {
            return Problem(validation);
        }

        var evidence = await PassportEditing.AddAsync(db, id, details);
        var item = PassportStatus.Compute(await PassportStatus.LoadEvidenceAsync(db, id), time.GetUtcNow().UtcDateTime)[evidence.Kind]
            .Items.First(i => i.Evidence.Id == evidence.Id);
        return TypedResults.Created($"/api/organisations/{id}/passport/evidence/{evidence.Id}",
            new EvidenceResponse(evidence.Id, evidence.Kind, item.State, item.Date, EvidenceDetails.From(evidence)));
    }

    /// <summary>Errors keyed by the JSON path of the value at fault, as the client sent it: "expiresOn", "training[1].course".</summary>
    private static ValidationProblem Problem(ValidationResult result) =>
        TypedResults.ValidationProblem(
            result.Errors.GroupBy(e => JsonPath(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()),
            title: "The request has errors");

    internal static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
