using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Commonweal.Web.Infrastructure;

/// <summary>/health answers with each check's status as JSON, and 503 when the database is unreachable.</summary>
public static class HealthResponse
{
    public static readonly HealthCheckOptions Options = new()
    {
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            });
        },
    };
}
