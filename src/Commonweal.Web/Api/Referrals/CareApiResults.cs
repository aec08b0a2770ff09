using System.Text.Json;
using Commonweal.Referrals;

namespace Commonweal.Web.Api.Referrals;

/// <summary>Turns a refused <see cref="CareResult{T}"/> into ProblemDetails with its stable "code"; field errors name the JSON property.</summary>
internal static class CareApiResults
{
    public static IResult Refusal<T>(CareResult<T> result)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = result.ErrorCode };
        if (result.Validation is { IsValid: false } validation)
        {
            return TypedResults.ValidationProblem(
                validation.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()),
                title: "The request has errors", extensions: extensions);
        }

        var status = result.ErrorCode switch
        {
            PersonErrors.SignInRequired => StatusCodes.Status401Unauthorized,
            PersonErrors.NotAllowed or PersonErrors.ConsentWithdrawn => StatusCodes.Status403Forbidden,
            PersonErrors.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        };
        return TypedResults.Problem(statusCode: status, title: result.Message, extensions: extensions);
    }

    public static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? at) => at is { } value ? Utc(value) : null;
}
