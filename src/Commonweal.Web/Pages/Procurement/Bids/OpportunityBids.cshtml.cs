using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Procurement.Bids;

/// <summary>The commissioners' list of an opportunity's bids, after the submission deadline; before it, how many and nothing more.</summary>
public sealed class OpportunityBidsModel(CommonwealDbContext db, SealedBids bids) : PageModel
{
    public Opportunity Opportunity { get; private set; } = null!;
    public BidList List { get; private set; } = null!;
    public bool MayCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string reference)
    {
        var id = await db.Opportunities.Where(o => o.Reference == reference.ToUpperInvariant()).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
        if (id is null)
        {
            return NotFound();
        }

        List = await bids.ListAsync(id.Value, User.BidViewer());
        Opportunity = List.Opportunity!;
        MayCount = BidAccess.CanCount(Opportunity, User.BidViewer());
        if (!List.Access.Allowed)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }
}
