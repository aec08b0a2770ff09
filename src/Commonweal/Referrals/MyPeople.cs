using Commonweal.Accounts;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals;

/// <summary>A person on the viewer's caseload; the name only while the person's consent to care team sharing stands.</summary>
public sealed record CaseloadLine(Guid PersonId, string Name, bool Shared, string Role, string Organisation, DateTime JoinedAt);

/// <summary>The people whose care team the viewer is on.</summary>
public sealed class MyPeople(CommonwealDbContext db)
{
    public async Task<IReadOnlyList<CaseloadLine>> CaseloadAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (viewer.UserId is not { } userId)
        {
            return [];
        }

        var now = db.Now;
        var rows = await db.CareTeamMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.LeftAt == null)
            .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new
            {
                p.Id, p.GivenName, p.FamilyName, m.Role, Organisation = m.Organisation!.Name, m.JoinedAt,
                Shared = db.Consents.Any(c => c.PersonId == p.Id && c.Scope == ConsentScope.CareTeamSharing && c.GivenAt <= now && (c.WithdrawnAt == null || c.WithdrawnAt > now)),
            })
            .OrderBy(r => r.FamilyName).ThenBy(r => r.GivenName)
            .Take(500)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CaseloadLine(r.Id, r.Shared ? $"{r.GivenName} {r.FamilyName}" : ReferralQueues.Initials(r.GivenName, r.FamilyName), r.Shared, r.Role, r.Organisation, r.JoinedAt))];
    }
}
