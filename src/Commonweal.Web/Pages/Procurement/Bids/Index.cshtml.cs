using Commonweal.Data;
using Commonweal.Procurement.Bids;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Procurement.Bids;

/// <summary>One bid: for the bidders, with what to do next; for the opportunity's commissioners, after the deadline only.</summary>
public sealed class IndexModel(CommonwealDbContext db, SealedBids bids, BidEditing editing) : BidPageModel(db, bids)
{
    /// <summary>The intention to award has been issued and this bidder's letter is waiting.</summary>
    public bool HasLetter { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        HasLetter = await Db.AwardLetters.AnyAsync(l => l.BidId == id);
        return Page();
    }

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
