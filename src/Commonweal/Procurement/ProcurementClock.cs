using Commonweal.Audit;
using Commonweal.Data;
using Commonweal.Procurement.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commonweal.Procurement;

/// <summary>
/// The timetable's own moves: an open opportunity closes when its submission deadline passes, and
/// one in standstill is awarded when the standstill ends. Driven only by what the database holds,
/// so running it twice, or after a restart, does nothing more than running it once. Once an
/// opportunity evaluated here is awarded, its contracts are recorded (<see cref="EvaluationContracts"/>).
/// </summary>
public sealed class ProcurementClock(CommonwealDbContext db)
{
    public static readonly Actor ClockActor = new(null, "Procurement timetable");

    public sealed record Advanced(int Closed, int Awarded, int Contracted = 0);

    public async Task<Advanced> AdvanceAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var due = await db.Opportunities
            .Where(o => (o.Status == OpportunityStatus.Published && o.SubmissionDeadline <= now)
                || (o.Status == OpportunityStatus.Standstill && o.StandstillEndsAt <= now))
            .OrderBy(o => o.Id)
            .ToListAsync(cancellationToken);
        int closed = 0, awarded = 0;
        foreach (var o in due)
        {
            var (to, reason) = o.Status == OpportunityStatus.Published
                ? (OpportunityStatus.Closed, "The submission deadline passed.")
                : (OpportunityStatus.Awarded, "The standstill period ended.");
            if (!OpportunityLifecycle.Transition(o, to, ClockActor, now, reason).Succeeded)
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (to == OpportunityStatus.Closed)
                {
                    closed++;
                }
                else
                {
                    awarded++;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone else moved it first (a commissioner cancelling, another instance's clock): theirs stands.
                db.ChangeTracker.Clear();
            }
        }

        var contracted = await EvaluationContracts.RecordDueAsync(db, cancellationToken);
        return new Advanced(closed, awarded, contracted);
    }
}

/// <summary>Runs the procurement clock every minute, and once at start so that a restart catches up.</summary>
public sealed class ProcurementClockService(IServiceScopeFactory scopes, TimeProvider time, ILogger<ProcurementClockService> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var clock = new ProcurementClock(scope.ServiceProvider.GetRequiredService<CommonwealDbContext>());
                var done = await clock.AdvanceAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
                if (done.Closed + done.Awarded > 0)
                {
                    log.LogInformation("Procurement clock closed {Closed} and awarded {Awarded} opportunities", done.Closed, done.Awarded);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run (the database briefly unreachable) is retried on the next tick.
                log.LogError(e, "Procurement clock run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
