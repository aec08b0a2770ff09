using Commonweal.Data;
using Commonweal.Procurement.Bids;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;

namespace Commonweal.Web.Pages.Procurement.Bids;

/// <summary>One bid: for the bidders, with what to do next; for the opportunity's commissioners, after the deadline only.</summary>
public sealed class IndexModel(CommonwealDbContext db, SealedBids bids, BidEditing editing) : BidPageModel(db, bids)
{
    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public Task<IActionResult> OnPostWithdrawAsync(Guid id) => ActAsync(id, editing.WithdrawAsync, "Your bid has been withdrawn.");

    public Task<IActionResult> OnPostReopenAsync(Guid id) => ActAsync(id, editing.ReopenAsync, "Your bid is a draft again: change it, then submit it again before the deadline.");

    private async Task<IActionResult> ActAsync(Guid id, Func<Guid, BidViewer, CancellationToken, Task<BidOutcome>> act, string done)
    {
        if (await LoadAsync(id, needChange: true) is { } refused)
        {
            return refused;
        }

        var outcome = await act(id, User.BidViewer(), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            AddErrors(outcome, f => f);
            return Page();
        }

        TempData["Banner"] = done;
        return Redirect($"/bids/{id}");
    }
}
