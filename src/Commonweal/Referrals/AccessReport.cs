using Commonweal.Accounts;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals;

public sealed record AccessReportEntry(DateTime At, string Actor, string Action, string? Reason);

/// <summary>
/// Everyone who read or changed a person's record, from the audit log: reads and refused attempts
/// (logged against the person), break-glass declarations, and changes to their referrals, consents,
/// care team and plan. A platform admin produces it on the person's behalf; producing it is audited too.
/// </summary>
public sealed class AccessReport(CommonwealDbContext db)
{
    public async Task<CareResult<IReadOnlyList<AccessReportEntry>>> ForAsync(Guid personId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsPlatformAdmin)
        {
            return CareResult<IReadOnlyList<AccessReportEntry>>.Fail(PersonErrors.NotAllowed, "Only platform admins produce access reports, on the person's behalf.");
        }

        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
        {
            return CareResult<IReadOnlyList<AccessReportEntry>>.Fail(PersonErrors.NotFound, "No person has that id.");
        }

        var ids = await RelatedIdsAsync(personId, cancellationToken);
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => (e.EntityType == nameof(Person) && e.EntityId == personId.ToString()) || ids.Contains(e.EntityId))
            .OrderBy(e => e.Sequence)
            .Select(e => new AccessReportEntry(e.OccurredAt, e.Actor, e.Action, e.Reason))
            .ToListAsync(cancellationToken);

        db.RecordAudit("Person.AccessReport", nameof(Person), personId.ToString(), new { entries = events.Count }, "Access report produced on the person's behalf");
        await db.SaveChangesAsync(cancellationToken);
        return CareResult<IReadOnlyList<AccessReportEntry>>.Ok(events);
    }

    /// <summary>The ids of the rows that hold this person's data, as the audit log keys them.</summary>
    private async Task<List<string>> RelatedIdsAsync(Guid personId, CancellationToken cancellationToken)
    {
        var referrals = await db.Referrals.Where(r => r.PersonId == personId).Select(r => r.Id).ToListAsync(cancellationToken);
        var ids = new List<Guid>(referrals);
        ids.AddRange(await db.Consents.Where(c => c.PersonId == personId).Select(c => c.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.CareTeamMembers.Where(m => m.PersonId == personId).Select(m => m.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.BreakGlassAccesses.Where(b => b.PersonId == personId).Select(b => b.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.ReferralTransitions.Where(t => referrals.Contains(t.ReferralId)).Select(t => t.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.ReferralMessages.Where(m => referrals.Contains(m.ReferralId)).Select(m => m.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.ReferralAttachments.Where(a => referrals.Contains(a.ReferralId)).Select(a => a.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.CarePlanGoals.Where(g => g.PersonId == personId).Select(g => g.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.CarePlanActions.Where(a => a.PersonId == personId).Select(a => a.Id).ToListAsync(cancellationToken));
        ids.AddRange(await db.CarePlanReviews.Where(r => r.PersonId == personId).Select(r => r.Id).ToListAsync(cancellationToken));
        var concerns = await db.Concerns.Where(c => c.PersonId == personId).Select(c => c.Id).ToListAsync(cancellationToken);
        ids.AddRange(concerns);
        ids.AddRange(await db.ConcernAcknowledgements.Where(a => concerns.Contains(a.ConcernId)).Select(a => a.Id).ToListAsync(cancellationToken));
        return [.. ids.Select(id => id.ToString())];
    }
}
