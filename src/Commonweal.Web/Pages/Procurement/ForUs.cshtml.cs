using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Procurement;

/// <summary>Finding work for one's own organisation: every open opportunity, with each condition of participation met or not, from the passport.</summary>
public sealed class ForUsModel(CommonwealDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Organisation { get; set; }

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];
    public string? OrganisationName { get; private set; }
    public IReadOnlyList<ParticipationCheck.Finding> Findings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var mine = User.Memberships().Select(m => m.OrganisationId).Distinct().ToList();
        Organisations = (await db.Organisations.AsNoTracking().Where(o => mine.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new { o.Name, o.Id }).ToListAsync()).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();
        if (Organisation is { } chosen && !mine.Contains(chosen))
        {
            // The passport is its members' only: another organisation's standing is not shown.
            return Forbid();
        }

        Organisation ??= Organisations.Count > 0 ? Guid.Parse(Organisations[0].Value) : null;
        if (Organisation is { } id)
        {
            OrganisationName = Organisations.First(o => o.Value == id.ToString()).Text;
            Findings = await ParticipationCheck.ForOrganisationAsync(db, id, time.GetUtcNow().UtcDateTime);
        }

        return Page();
    }
}
