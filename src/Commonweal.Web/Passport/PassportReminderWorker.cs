using Commonweal.Data;
using Commonweal.Passport;

namespace Commonweal.Web.Passport;

/// <summary>
/// Runs the reminder job at start-up and then every <see cref="Interval"/>. The job reads only the
/// database, so a restart or a missed run loses nothing: the next run catches up.
/// </summary>
public sealed class PassportReminderWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<PassportReminderWorker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
                var recorded = await PassportReminders.RunAsync(db, time.GetUtcNow().UtcDateTime, stoppingToken);
                if (recorded > 0)
                {
                    log.LogInformation("Recorded {Count} passport reminders", recorded);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run (the database briefly unavailable) is retried at the next tick.
                log.LogError(e, "The passport reminder run failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
