using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Outcomes;

/// <summary>A follow-up questionnaire due for one person on the viewer's caseload.</summary>
public sealed record DueFollowUp(
    Guid PersonId, string PersonName, Guid ReferralId, string ReferralReference, Guid ServiceId, string ServiceName,
    string Instrument, int Months, DateOnly DueOn, bool Overdue);

/// <summary>
/// The follow-ups a practitioner should ask for now: for the people whose care team they are on
/// (with consent to care team sharing and to outcome follow-up), each baseline's follow-up points
/// from the service's settings that fall due within <see cref="Horizon"/> days or have passed, not
/// yet recorded, on referrals not cancelled. A discharge response closes the referral's follow-ups.
/// </summary>
public sealed class DueFollowUps(CommonwealDbContext db)
{
    public const int Horizon = 14;

    public async Task<IReadOnlyList<DueFollowUp>> ForAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.UserId is not { } userId)
        {
            return [];
        }

        var now = db.Now;
        var today = DateOnly.FromDateTime(now);
        var people = db.CareTeamMembers.Where(m => m.UserId == userId && m.LeftAt == null).Select(m => m.PersonId);
        var baselines = await (
            from r in db.Set<OutcomeResponse>()
            join f in db.Referrals on r.ReferralId equals f.Id
            join p in db.People on r.PersonId equals p.Id
            join s in db.Services on r.ServiceId equals s.Id
            where r.Timepoint == OutcomeTimepoint.Baseline && people.Contains(r.PersonId) && f.Status != ReferralStatus.Cancelled
                && db.Consents.Any(c => c.PersonId == p.Id && c.Scope == ConsentScope.OutcomeFollowUp && c.GivenAt <= now && (c.WithdrawnAt == null || c.WithdrawnAt > now))
                && db.Consents.Any(c => c.PersonId == p.Id && c.Scope == ConsentScope.CareTeamSharing && c.GivenAt <= now && (c.WithdrawnAt == null || c.WithdrawnAt > now))
            select new { r.PersonId, p.GivenName, p.FamilyName, r.ReferralId, f.Reference, r.ServiceId, ServiceName = s.Name, r.InstrumentKey, r.CompletedOn })
            .Take(2_000).ToListAsync(cancellationToken);
        if (baselines.Count == 0)
        {
            return [];
        }

        var referralIds = baselines.Select(b => b.ReferralId).Distinct().ToList();
        var later = await db.Set<OutcomeResponse>().AsNoTracking()
            .Where(r => referralIds.Contains(r.ReferralId) && r.Timepoint != OutcomeTimepoint.Baseline)
            .Select(r => new { r.ReferralId, r.InstrumentKey, r.Timepoint, r.FollowUpMonths }).ToListAsync(cancellationToken);
        var serviceIds = baselines.Select(b => b.ServiceId).Distinct().ToList();
        var settings = await db.Set<ServiceOutcomeSettings>().AsNoTracking().Where(s => serviceIds.Contains(s.ServiceId)).ToDictionaryAsync(s => s.ServiceId, cancellationToken);

        var due = new List<DueFollowUp>();
        foreach (var b in baselines)
        {
            var done = later.Where(l => l.ReferralId == b.ReferralId && l.InstrumentKey == b.InstrumentKey).ToList();
            if (done.Any(l => l.Timepoint == OutcomeTimepoint.Discharge))
            {
                continue;
            }

            var offsets = (settings.GetValueOrDefault(b.ServiceId) ?? ServiceOutcomeSettings.Default(b.ServiceId)).FollowUpMonths;
            foreach (var months in offsets.Where(m => !done.Any(l => l.FollowUpMonths == m)))
            {
                var dueOn = b.CompletedOn.AddMonths(months);
                if (dueOn <= today.AddDays(Horizon))
                {
                    due.Add(new DueFollowUp(b.PersonId, $"{b.GivenName} {b.FamilyName}", b.ReferralId, b.Reference, b.ServiceId, b.ServiceName,
                        b.InstrumentKey, months, dueOn, dueOn < today));
                }
            }
        }

        return [.. due.OrderBy(d => d.DueOn).ThenBy(d => d.PersonName, StringComparer.Ordinal)];
    }
}
