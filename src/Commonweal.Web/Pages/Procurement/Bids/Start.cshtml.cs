using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Web.Accounts;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Procurement.Bids;

/// <summary>The first step of a bid: which organisation leads it and which lot it is for. Saving makes a draft.</summary>
public sealed class StartModel(CommonwealDbContext db, BidEditing editing) : PageModel
{
    public Opportunity Opportunity { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Lots { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    [BindProperty]
    public Guid? LotId { get; set; }

    [BindProperty]
    public Guid? OrganisationId { get; set; }

    public async Task<IActionResult> OnGetAsync(string reference) => await LoadAsync(reference) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string reference)
    {
        if (!await LoadAsync(reference))
        {
            return NotFound();
        }

        var lead = OrganisationId ?? (Organisations.Count == 1 ? Guid.Parse(Organisations[0].Value) : null);
        if (lead is null)
        {
            ModelState.AddModelError(nameof(OrganisationId), "Select the organisation that is bidding");
        }

        if (Opportunity.Lots.Count > 0 && LotId is null)
        {
            ModelState.AddModelError(nameof(LotId), "Select the lot you are bidding for");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await editing.StartAsync(Opportunity.Id, lead!.Value, LotId, new BidDraft(), User.BidViewer());
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(outcome.Result.Field == "lotId" ? nameof(LotId) : "", outcome.Result.Message!);
            return Page();
        }

        return Redirect($"/bids/{outcome.Bid!.Id}");
    }

    private async Task<bool> LoadAsync(string reference)
    {
        var o = await db.Opportunities.AsNoTracking().WithDetails().FirstOrDefaultAsync(x => x.Reference == reference.ToUpperInvariant() && x.PublishedAt != null);
        if (o is null)
        {
            return false;
        }

        Opportunity = o;
        Lots = [.. o.Lots.OrderBy(l => l.Number).Select(l => new SelectListItem($"Lot {l.Number}: {l.Title} ({ProcurementLabels.Money(l.Value)})", l.Id.ToString()))];
        var admin = User.Memberships().Where(m => m.Role == MembershipRole.Admin).Select(m => m.OrganisationId).Distinct().ToList();
        Organisations = (await db.Organisations.AsNoTracking().Where(x => admin.Contains(x.Id)).OrderBy(x => x.Name)
            .Select(x => new { x.Name, x.Id }).ToListAsync()).Select(x => new SelectListItem(x.Name, x.Id.ToString())).ToList();
        return true;
    }
}
