using Commonweal.Procurement.Bids;
using Commonweal.Procurement.Evaluation;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Procurement.Evaluation;

/// <summary>A bidder's intention-to-award letter: its own scores beside the winner's, the reasons, and the standstill's end.</summary>
public sealed class LetterModel(Evaluations evaluations) : PageModel
{
    public EvaluationResult Result { get; private set; } = null!;
    public LetterContent? Letter { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid bidId)
    {
        (Result, Letter) = await evaluations.LetterAsync(bidId, User.BidViewer());
        if (Result.ErrorCode is EvaluationErrors.NotFound or BidErrors.NotFound)
        {
            return NotFound();
        }

        if (!Result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }
}
