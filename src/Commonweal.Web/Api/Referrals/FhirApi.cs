using Commonweal.Referrals;
using Commonweal.Referrals.Fhir;
using Commonweal.Web.Accounts;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Api.Referrals;

/// <summary>
/// Referrals as FHIR R4 messages (BaRS-shaped bundles). Export reads the person's record, so it takes
/// exactly the access that reading the referral takes and is audited. Import is open to platform
/// admins and to practitioners and admins of an organisation, which is recorded as the channel.
/// </summary>
public static class FhirApi
{
    /// <summary>Referral messages are small; a letter attached travels separately.</summary>
    public const int MaxBundleBytes = 1024 * 1024;

    public static void MapFhirApi(this RouteGroupBuilder api)
    {
        api.MapGet("/referrals/{id:guid}/fhir", Export).WithTags("Referrals")
            .WithSummary("A referral as a FHIR R4 message bundle (BaRS servicerequest-request), for those who may read it")
            .Produces(StatusCodes.Status200OK, contentType: FhirCodes.MediaType);
        api.MapPost("/fhir/referrals", Import).WithTags("Referrals")
            .WithSummary("Take a FHIR R4 referral message bundle as an incoming referral (platform admins; practitioners and admins for their organisation)")
            .Accepts<string>(FhirCodes.MediaType, "application/json");
    }

    public sealed record ImportedReferral(Guid Id, string Reference, bool Created, bool Routed);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Export(ReferralFhirExport export, HttpContext http, Guid id)
    {
        var result = await export.ExportAsync(id, http.User.Viewer(), http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Text(result.Value!.ToJson(), FhirCodes.MediaType)
            : Refusal(result.ErrorCode, result.Message);
    }

    private static async Task<Results<Created<ImportedReferral>, Ok<ImportedReferral>, ValidationProblem, ProblemHttpResult>> Import(
        ReferralFhirImport import, HttpContext http, Guid? organisationId)
    {
        var channel = await import.ChannelForAsync(http.User.Viewer(), organisationId, http.RequestAborted);
        if (!channel.Succeeded)
        {
            return channel.Validation is { } invalid ? ApiProblems.Validation(invalid) : Refusal(channel.ErrorCode, channel.Message);
        }

        if (http.Request.ContentLength > MaxBundleBytes)
        {
            return ApiProblems.Field("Bundle", $"The bundle must be {MaxBundleBytes / 1024} KB or smaller");
        }

        using var reader = new StreamReader(http.Request.Body);
        var json = await reader.ReadToEndAsync(http.RequestAborted);
        if (json.Length > MaxBundleBytes)
        {
            return ApiProblems.Field("Bundle", $"The bundle must be {MaxBundleBytes / 1024} KB or smaller");
        }

        var result = await import.ImportAsync(json, channel.Value!, http.RequestAborted);
        if (!result.Succeeded)
        {
            // FHIR paths are the field names here, as the sender wrote them: not camel-cased.
            return TypedResults.ValidationProblem(
                result.Validation!.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()),
                title: "The referral message was not taken", detail: result.Message,
                extensions: new Dictionary<string, object?> { ["code"] = result.ErrorCode });
        }

        var imported = new ImportedReferral(result.Value!.ReferralId, result.Value.Reference, result.Value.Created, result.Value.Routed);
        return imported.Created
            ? TypedResults.Created($"/api/referrals/{imported.Id}", imported)
            : TypedResults.Ok(imported);
    }

    private static ProblemHttpResult Refusal(string? code, string? message) => TypedResults.Problem(
        statusCode: code switch
        {
            PersonErrors.SignInRequired => StatusCodes.Status401Unauthorized,
            PersonErrors.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status403Forbidden,
        },
        title: message,
        extensions: new Dictionary<string, object?> { ["code"] = code });
}
