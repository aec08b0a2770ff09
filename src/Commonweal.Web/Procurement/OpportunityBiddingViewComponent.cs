using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Procurement.Clarifications;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Commonweal.Web.Procurement;

/// <summary>What the opportunity page says about bids and questions: a view of its own so that the notice page stays about the notice.</summary>
public sealed record OpportunityBidding(
    Opportunity Opportunity, IReadOnlyList<ClarificationView> Questions, bool CanBid, bool IsCommissioner, bool DeadlinePassed, int SubmittedCount);

public sealed class OpportunityBiddingViewComponent(CommonwealDbContext db, SealedBids bids, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Opportunity opportunity)
    {
        var viewer = UserClaimsPrincipal.BidViewer();
        var now = time.GetUtcNow().UtcDateTime;
        var questions = opportunity.IsPublic ? await Clarifications.VisibleAsync(db, opportunity, viewer) : [];
        var commissioner = BidAccess.CanCount(opportunity, viewer);
        var canBid = opportunity.Status == OpportunityStatus.Published && now < opportunity.SubmissionDeadline
            && UserClaimsPrincipal.Memberships().Any(m => m.Role == MembershipRole.Admin && opportunity.Commissioners.All(c => c.OrganisationId != m.OrganisationId));
        var count = commissioner ? await bids.CountSubmittedAsync(opportunity.Id) : 0;
        return View("~/Pages/Procurement/Bids/_OpportunityBidding.cshtml",
            new OpportunityBidding(opportunity, questions, canBid, commissioner, now >= opportunity.SubmissionDeadline, count));
    }
}
