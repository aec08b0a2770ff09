using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Insight;

/// <summary>The insight dashboards the signed-in user may open: their organisations' and their commissioners'.</summary>
[Authorize]
public sealed class IndexModel(CommonwealDbContext db) : PageModel
{
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Commissioners { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var members = User.Memberships().Select(m => m.OrganisationId).Distinct().ToList();
        var commissioners = User.Memberships().Where(m => m.Role == MembershipRole.Commissioner).Select(m => m.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => members.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync();
        Organisations = names.Select(o => (o.Id, o.Name)).ToList();
        Commissioners = names.Where(o => commissioners.Contains(o.Id)).Select(o => (o.Id, o.Name)).ToList();
    }
}
