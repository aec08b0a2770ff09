using System.Security.Claims;
using Commonweal.Referrals.Concerns;
using Commonweal.Web.Accounts;
using static Commonweal.Web.Api.Referrals.CareApiResults;

namespace Commonweal.Web.Api.Referrals;

/// <summary>
/// Concerns about a person. Raising follows <see cref="Commonweal.Referrals.PersonAccess.ChangeRecord"/>;
/// seeing, acknowledging and closing follow <see cref="ConcernAccess"/>, through <see cref="ConcernWork"/>.
/// </summary>
public static class ConcernsApi
{
    public const string Purpose = "Concerns API";

    public static void MapConcernsApi(this RouteGroupBuilder api)
    {
        var person = api.MapGroup("/people/{id:guid}/concerns").WithTags("Concerns");
        person.MapPost("/", Raise).WithSummary("Raise a concern about the person (care team members)");
        person.MapPost("/{concernId:guid}/close", Close).WithSummary("Close an open concern with its outcome (care team members and the team's organisations' safeguarding leads)");
        person.MapGet("/", ForPerson).WithSummary("The person's concerns: care team members; safeguarding leads of the team's organisations see them without the rest of the record");
        var concerns = api.MapGroup("/concerns").WithTags("Concerns");
        concerns.MapGet("/", Mine).WithSummary("Concerns for the signed-in user: their people, their organisations' as safeguarding lead, escalated ones as admin");
        concerns.MapGet("/{concernId:guid}", Get).WithSummary("One concern");
        concerns.MapPost("/{concernId:guid}/acknowledge", Acknowledge).WithSummary("Acknowledge a concern for your organisation (its designated safeguarding lead)");
    }

    public sealed record AcknowledgeRequest(Guid? OrganisationId);

    public sealed record CloseRequest(string? Outcome);

    public sealed record OrganisationDto(Guid OrganisationId, string Name, bool Acknowledged, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt);

    public sealed record ConcernDto(
        Guid Id, Guid PersonId, string PersonName, ConcernKind Kind, ConcernSeverity Severity, string Description,
        string RaisedBy, string RaisedByOrganisation, DateTimeOffset RaisedAt, bool Escalated, DateTimeOffset? EscalatedAt,
        ConcernStatus Status, DateTimeOffset? ClosedAt, string? ClosedBy, string? ClosedByOrganisation, string? Outcome,
        IReadOnlyList<OrganisationDto> Organisations, IReadOnlyList<Guid> CanAcknowledgeFor, bool CanClose);

    private static async Task<IResult> Raise(ConcernWork concerns, ClaimsPrincipal user, Guid id, ConcernInput input)
    {
        var result = await concerns.RaiseAsync(id, input, user.Viewer());
        return result.Succeeded ? TypedResults.Created($"/api/concerns/{result.Value!.Concern.Id}", Describe(result.Value)) : Refusal(result);
    }

    private static async Task<IResult> ForPerson(ConcernWork concerns, ClaimsPrincipal user, Guid id)
    {
        var result = await concerns.ForPersonAsync(id, user.Viewer(), Purpose);
        return result.Succeeded ? TypedResults.Ok(result.Value!.Select(Describe).ToList()) : Refusal(result);
    }

    private static async Task<IResult> Mine(ConcernWork concerns, ClaimsPrincipal user) =>
        TypedResults.Ok((await concerns.MineAsync(user.Viewer())).Select(Describe).ToList());

    private static async Task<IResult> Get(ConcernWork concerns, ClaimsPrincipal user, Guid concernId)
    {
        var result = await concerns.GetAsync(concernId, user.Viewer(), Purpose);
        return result.Succeeded ? TypedResults.Ok(Describe(result.Value!)) : Refusal(result);
    }

    private static async Task<IResult> Acknowledge(ConcernWork concerns, ClaimsPrincipal user, Guid concernId, AcknowledgeRequest? request)
    {
        var result = await concerns.AcknowledgeAsync(concernId, request?.OrganisationId, user.Viewer());
        return result.Succeeded ? TypedResults.Ok(Describe(result.Value!)) : Refusal(result);
    }

    private static async Task<IResult> Close(ConcernWork concerns, ClaimsPrincipal user, Guid id, Guid concernId, CloseRequest? request)
    {
        var result = await concerns.CloseAsync(concernId, new ConcernClosingInput { Outcome = request?.Outcome }, user.Viewer(), personId: id);
        return result.Succeeded ? TypedResults.Ok(Describe(result.Value!)) : Refusal(result);
    }

    internal static ConcernDto Describe(ConcernView v) => new(
        v.Concern.Id, v.Concern.PersonId, v.PersonName, v.Concern.Kind, v.Concern.Severity, v.Concern.Description,
        v.Concern.RaisedBy, v.Concern.RaisedByOrganisation, Utc(v.Concern.RaisedAt), v.Concern.IsEscalated, Utc(v.Concern.EscalatedAt),
        v.Concern.Status, Utc(v.Concern.ClosedAt), v.Concern.ClosedBy, v.Concern.ClosedByOrganisation, v.Concern.Outcome,
        [.. v.Organisations.Select(o => new OrganisationDto(o.OrganisationId, o.Name, o.Acknowledgement is not null, o.Acknowledgement?.By, Utc(o.Acknowledgement?.At)))],
        [.. v.CanAcknowledgeFor.Select(o => o.Id)], v.CanClose);
}
