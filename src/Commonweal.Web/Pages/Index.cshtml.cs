using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Passport;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages;

/// <summary>The public front page, or for a signed-in user a home with a section for each role they hold.</summary>
[AllowAnonymous]
public sealed class IndexModel(CommonwealDbContext db) : PageModel
{
    public IReadOnlyList<(Sector? Sector, int Count)> SectorCounts { get; private set; } = [];
    public IReadOnlyList<(Organisation Organisation, MembershipRole Role)> Memberships { get; private set; } = [];
    public int UserCount { get; private set; }
    public int OrganisationCount { get; private set; }
    public long AuditEntries { get; private set; }

    /// <summary>Open passport reminders per organisation the user administers.</summary>
    public IReadOnlyDictionary<Guid, int> PassportReminderCounts { get; private set; } = new Dictionary<Guid, int>();

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task OnGetAsync()
    {
        if (!SignedIn)
        {
            return;
        }

        var memberships = User.Memberships().ToList();
        var ids = memberships.Select(m => m.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        Memberships = memberships.Where(m => organisations.ContainsKey(m.OrganisationId))
            .Select(m => (organisations[m.OrganisationId], m.Role)).ToList();

        if (User.HasRole(MembershipRole.Commissioner))
        {
            SectorCounts = (await db.Organisations.AsNoTracking().GroupBy(o => o.Sector)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
                .Select(g => (g.Key, g.Count)).OrderBy(g => g.Key).ToList();
        }

        if (User.HasRole(MembershipRole.Admin))
        {
            var counts = new Dictionary<Guid, int>();
            foreach (var organisation in OrganisationsWhere(MembershipRole.Admin))
            {
                var status = await PassportStatus.LoadAsync(db, organisation.Id, db.Now);
                counts[organisation.Id] = (await PassportReminders.OpenAsync(db, organisation.Id, status)).Count;
            }

            PassportReminderCounts = counts;
        }

        if (User.IsPlatformAdmin())
        {
            UserCount = await db.Users.CountAsync();
            OrganisationCount = await db.Organisations.CountAsync();
            AuditEntries = await db.AuditEvents.LongCountAsync();
        }
    }

    public IEnumerable<Organisation> OrganisationsWhere(MembershipRole role) =>
        Memberships.Where(m => m.Role == role).Select(m => m.Organisation);
}
