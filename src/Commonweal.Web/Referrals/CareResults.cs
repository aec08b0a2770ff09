using System.Text.Json;
using Commonweal.Referrals;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Commonweal.Web.Referrals;

/// <summary>Turns the referrals core's refusals into HTTP answers and page errors, one mapping for both.</summary>
public static class CareResults
{
    public static int StatusCode(string? code) => code switch
    {
        PersonErrors.SignInRequired => StatusCodes.Status401Unauthorized,
        PersonErrors.NotAllowed or PersonErrors.ConsentWithdrawn => StatusCodes.Status403Forbidden,
        PersonErrors.NotFound => StatusCodes.Status404NotFound,
        PersonErrors.TransitionNotAllowed => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>A ProblemDetails with the stable code; field errors keyed by the JSON property, as the client sent it.</summary>
    public static IResult Problem<T>(CareResult<T> result)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = result.ErrorCode };
        if (result.Validation is { IsValid: false } validation)
        {
            return TypedResults.ValidationProblem(
                validation.Errors.GroupBy(e => JsonPath(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()),
                title: result.ErrorCode == PersonErrors.Invalid ? "The request has errors" : result.Message,
                extensions: extensions);
        }

        return TypedResults.Problem(statusCode: StatusCode(result.ErrorCode), title: result.Message, extensions: extensions);
    }

    /// <summary>"Consent.GivenBy" becomes "consent.givenBy"; "Reasons[1]" becomes "reasons[1]".</summary>
    public static string JsonPath(string property) =>
        string.Join('.', property.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    /// <summary>Puts field errors beside the page's inputs (under the given prefix) or, when none, at the top of the page.</summary>
    public static void AddTo<T>(this ModelStateDictionary state, CareResult<T> result, string prefix = "Input")
    {
        if (result.Validation is { IsValid: false } validation)
        {
            foreach (var error in validation.Errors)
            {
                state.AddModelError($"{prefix}.{error.PropertyName}", error.ErrorMessage);
            }

            return;
        }

        state.AddModelError(string.Empty, result.Message ?? "Something went wrong.");
    }
}
