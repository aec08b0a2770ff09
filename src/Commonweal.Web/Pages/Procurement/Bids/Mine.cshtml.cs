using Commonweal.Procurement.Bids;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Procurement.Bids;

/// <summary>Your bids: those of the organisations you are an admin of, as lead or consortium member.</summary>
public sealed class MineModel(SealedBids bids) : PageModel
{
    public IReadOnlyList<Bid> Bids { get; private set; } = [];

    public async Task OnGetAsync() => Bids = await bids.MineAsync(User.BidViewer());
}
