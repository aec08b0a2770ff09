using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Api;

public static class ApiProblems
{
    /// <summary>A 400 whose errors are keyed by the JSON property name, as clients send it.</summary>
    public static ValidationProblem Validation(ValidationResult result) =>
        TypedResults.ValidationProblem(
            result.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()),
            title: "The request has errors");

    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request has errors");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found");
}

/// <summary>
/// Turns unreadable request bodies into a 400 that names the JSON path at fault, and any other
/// failure under /api or /oruk into a bare 500 ProblemDetails: an exception's message never reaches a client.
/// Page requests fall through to the /error page.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            var json = bad.InnerException as JsonException;
            var path = json?.Path ?? "$";
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            var details = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body could not be read",
                Detail = json is null ? "Send a JSON body with Content-Type application/json." : $"The value at {path} is not valid.",
            };
            details.Extensions["errors"] = new Dictionary<string, string[]> { [path] = ["The value is missing or has the wrong type"] };
            return await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = details });
        }

        if (!CommonwealApi.IsApi(context.Request.Path))
        {
            return false;
        }

        log.LogError(exception, "Unhandled error in {Path}", context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = { Status = 500, Title = "Sorry, there is a problem with the service" },
        });
    }
}
