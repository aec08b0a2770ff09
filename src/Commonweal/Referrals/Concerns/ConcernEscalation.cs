using Commonweal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Commonweal.Referrals.Concerns;

/// <summary>Configuration section <c>Commonweal:Concerns</c>.</summary>
public sealed class ConcernOptions
{
    public const string Section = "Commonweal:Concerns";

    /// <summary>How long a high-severity concern may wait for every involved organisation's acknowledgement.</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromHours(4);
}

/// <summary>
/// Escalates high-severity concerns that some involved organisation has not acknowledged within
/// <see cref="ConcernOptions.EscalateAfter"/>, while they are open. Driven only by the database: a concern
/// escalates once (the update is conditional on it not having escalated nor been closed meanwhile), so
/// running twice, or after a restart, changes nothing more.
/// </summary>
public sealed class ConcernEscalation(CommonwealDbContext db, ConcernOptions options)
{
    public const string EscalatedAction = "Concern.Escalated";

    public async Task<int> RunAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var cutoff = now - options.EscalateAfter;
        var due = await db.Concerns.AsNoTracking().Include(c => c.Acknowledgements)
            .Where(c => c.Severity == ConcernSeverity.High && c.EscalatedAt == null && c.ClosedAt == null && c.RaisedAt <= cutoff)
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var escalated = 0;
        foreach (var concern in due)
        {
            var involved = await db.CareTeamMembers.AsNoTracking().Where(m => m.PersonId == concern.PersonId && m.LeftAt == null)
                .Select(m => m.OrganisationId).Distinct().ToListAsync(cancellationToken);
            var waiting = involved.Where(o => concern.Acknowledgements.All(a => a.OrganisationId != o)).ToList();
            if (waiting.Count == 0)
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changed = await db.Concerns.Where(c => c.Id == concern.Id && c.EscalatedAt == null && c.ClosedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.EscalatedAt, now), cancellationToken);
            if (changed == 1)
            {
                // ExecuteUpdate bypasses the change tracker, so the escalation is written to the chain explicitly.
                db.RecordAudit(EscalatedAction, nameof(Concern), concern.Id.ToString(),
                    new { escalatedAt = now, waitingFor = waiting },
                    $"High-severity concern not acknowledged by every organisation on the care team within {options.EscalateAfter.TotalHours:0.##} hours");
                await db.SaveChangesAsync(cancellationToken);
                escalated++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return escalated;
    }
}

/// <summary>Runs <see cref="ConcernEscalation"/> every few minutes, and once at start so that a restart catches up.</summary>
public sealed class ConcernEscalationService(IServiceScopeFactory scopes, TimeProvider time, IOptions<ConcernOptions> options, ILogger<ConcernEscalationService> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var escalation = new ConcernEscalation(scope.ServiceProvider.GetRequiredService<CommonwealDbContext>(), options.Value);
                var escalated = await escalation.RunAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
                if (escalated > 0)
                {
                    log.LogWarning("Escalated {Count} unacknowledged high-severity concerns", escalated);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run (the database briefly unreachable) is retried on the next tick.
                log.LogError(e, "Concern escalation run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class CareServices
{
    /// <summary>Shared care plans and concerns: the services, the options and the escalation job.</summary>
    public static IServiceCollection AddCarePlansAndConcerns(this IServiceCollection services, bool escalate = true)
    {
        services.AddScoped<CarePlans.CarePlanWork>();
        services.AddScoped<ConcernWork>();
        services.AddScoped(sp => new ConcernEscalation(sp.GetRequiredService<CommonwealDbContext>(), sp.GetRequiredService<IOptions<ConcernOptions>>().Value));
        if (escalate)
        {
            services.AddHostedService<ConcernEscalationService>();
        }

        return services;
    }
}
