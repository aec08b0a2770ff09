using System.Diagnostics;
using System.Globalization;

namespace Commonweal.Web.Infrastructure;

/// <summary>
/// A Server-Timing header (app;dur=milliseconds) on every response, so that load tests and
/// browsers can tell time spent in the server from time on the wire.
/// </summary>
public static class ServerTiming
{
    public static void UseServerTiming(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={elapsed:0.00}");
            return Task.CompletedTask;
        });
        await next(context);
    });
}
