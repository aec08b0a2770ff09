using Commonweal.Data;
using Commonweal.Procurement.Bids;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Procurement.Bids;

/// <summary>
/// The bid pages' common loading: the bid as <see cref="SealedBids"/> lets the signed-in user see
/// it, or the rule's reason for refusing (shown with a 403), and whether they may change it now.
/// </summary>
public abstract class BidPageModel(CommonwealDbContext db, SealedBids bids) : PageModel
{
    protected CommonwealDbContext Db => db;

    public BidView View { get; private set; } = null!;
    public string? Refusal { get; private set; }
    public bool CanChange { get; private set; }
    public IReadOnlyList<EvidenceLine> Evidence { get; private set; } = [];

    public Bid Bid => View.Bid!;

    public BidSummaryView Summary => new(View, Evidence, CanChange && Bid.Status == BidStatus.Draft);

    /// <summary>Null when the page may be shown; otherwise the result to return (404, or a 403 page with the reason).</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, bool needChange = false)
    {
        View = await bids.ReadAsync(id, User.BidViewer());
        if (!View.Access.Allowed)
        {
            if (View.Access.Code == BidErrors.NotFound)
            {
                return NotFound();
            }

            Refusal = View.Access.Reason;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var change = BidAccess.Change(Bid.LeadOrganisationId, View.Opportunity!, User.BidViewer(), bids.Now);
        CanChange = change.Allowed;
        if (needChange && !CanChange)
        {
            Refusal = change.Reason;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Evidence = await BidChecklist.BuildAsync(db, Bid, View.Opportunity!);
        return null;
    }

    /// <summary>A refusal from a change: field errors, or one message for the whole form.</summary>
    protected void AddErrors(BidOutcome outcome, Func<string, string> fieldOf)
    {
        if (outcome.Validation is { IsValid: false } validation)
        {
            foreach (var error in validation.Errors)
            {
                ModelState.AddModelError(fieldOf(error.PropertyName), error.ErrorMessage);
            }

            return;
        }

        ModelState.AddModelError(outcome.Result.Field is { } field ? fieldOf(field) : "", outcome.Result.Message!);
    }
}
