using Commonweal.Data;
using Commonweal.Procurement.Bids;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;

namespace Commonweal.Web.Pages.Procurement.Bids;

/// <summary>Check your answers, then submit: the last step of the bid journey.</summary>
public sealed class CheckModel(CommonwealDbContext db, SealedBids bids, BidEditing editing) : BidPageModel(db, bids)
{
    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id, needChange: true) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id, needChange: true) is { } refused)
        {
            return refused;
        }

        var outcome = await editing.SubmitAsync(id, User.BidViewer(), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            // The fields are on the answers page: here each message stands for the whole form.
            AddErrors(outcome, _ => "");
            return Page();
        }

        TempData["Banner"] = "Your bid has been submitted. It stays sealed until the deadline; you can change or withdraw it until then.";
        return Redirect($"/bids/{id}");
    }
}
