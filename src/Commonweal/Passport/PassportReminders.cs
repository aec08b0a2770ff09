using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Passport;

/// <summary>
/// The reminder job, driven by the state of the database alone: each run works out which current
/// items are expiring soon or expired and records a reminder for each threshold not yet recorded
/// (for that item and date). Running it twice records nothing new; a run missed while the server
/// was down is caught up by the next one. An item first seen already expired gets only the
/// "expired" reminder: telling people it is about to expire would be too late to help.
/// </summary>
public static class PassportReminders
{
    /// <summary>Returns how many reminders were recorded.</summary>
    public static async Task<int> RunAsync(CommonwealDbContext db, DateTime now, CancellationToken cancellationToken = default)
    {
        // One run at a time: the read of what is already recorded and the writes are one transaction,
        // serialised like audit writers (SQLite's immediate transactions; PostgreSQL's advisory lock).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AuditChainLock.AcquireAsync(db.Database, cancellationToken);

        var evidence = await db.PassportEvidence.AsNoTracking()
            .Include(e => ((Volunteer)e).Training)
            .ToListAsync(cancellationToken);
        var recorded = (await db.PassportReminders.AsNoTracking()
                .Select(r => new { r.EvidenceId, r.Threshold, r.DueOn })
                .ToListAsync(cancellationToken))
            .Select(r => (r.EvidenceId, r.Threshold, r.DueOn))
            .ToHashSet();

        var added = 0;
        foreach (var organisation in evidence.GroupBy(e => e.OrganisationId))
        {
            var status = PassportStatus.Compute(organisation, now);
            foreach (var item in status.Kinds.SelectMany(k => k.Items).Where(i => i.Current && i.Date is not null))
            {
                ReminderThreshold? threshold = item.State switch
                {
                    EvidenceState.ExpiringSoon => ReminderThreshold.ExpiringSoon,
                    EvidenceState.Expired => ReminderThreshold.Expired,
                    _ => null,
                };
                if (threshold is null || !recorded.Add((item.Evidence.Id, threshold.Value, item.Date!.Value)))
                {
                    continue;
                }

                db.PassportReminders.Add(new PassportReminder
                {
                    OrganisationId = organisation.Key,
                    EvidenceId = item.Evidence.Id,
                    Kind = item.Evidence.Kind,
                    Threshold = threshold.Value,
                    DueOn = item.Date.Value,
                    RecordedAt = now,
                });
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>
    /// The reminders still worth showing: for items that are still current, still at the date the
    /// reminder was about and not yet renewed. Newest first.
    /// </summary>
    public static async Task<IReadOnlyList<PassportReminder>> OpenAsync(CommonwealDbContext db, Guid organisationId, PassportStatus status, CancellationToken cancellationToken = default)
    {
        var reminders = await db.PassportReminders.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId)
            .ToListAsync(cancellationToken);
        var current = status.Kinds.SelectMany(k => k.Items)
            .Where(i => i.Current && i.State is EvidenceState.ExpiringSoon or EvidenceState.Expired)
            .ToDictionary(i => i.Evidence.Id);
        return [.. reminders
            .Where(r => current.TryGetValue(r.EvidenceId, out var item) && item.Date == r.DueOn)
            .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Threshold)];
    }
}
