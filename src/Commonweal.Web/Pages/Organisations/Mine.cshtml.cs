using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Organisations;

public sealed class MineModel(CommonwealDbContext db) : PageModel
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ids = User.Memberships().Select(m => m.OrganisationId).Distinct().ToList();
        Organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name).ToListAsync();
        return Organisations.Count == 1 ? Redirect($"/organisations/{Organisations[0].Id}") : Page();
    }
}
