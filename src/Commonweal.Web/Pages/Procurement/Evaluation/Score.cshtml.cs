using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Procurement.Evaluation;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Procurement.Evaluation;

/// <summary>
/// An evaluator scores one bid, criterion by criterion, with the published descriptors beside each
/// score. The bid opens only if the sealed-bid rule allows (declared, no interest in this bidder).
/// </summary>
public sealed class ScoreModel(SealedBids bids, Evaluations evaluations) : PageModel
{
    public BidView View { get; private set; } = null!;
    public IReadOnlyList<AwardCriterion> Criteria { get; private set; } = [];

    [BindProperty]
    public List<ScoreForm> Scores { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid bidId)
    {
        if (await LoadAsync(bidId) is { } refused)
        {
            return refused;
        }

        if (View.Access.Allowed)
        {
            var mine = await evaluations.ScoresAsync(bidId, User.BidViewer().UserId);
            Scores = [.. Criteria.Select(c => mine.FirstOrDefault(s => s.CriterionId == c.Id) is { } s
                ? new ScoreForm { CriterionId = c.Id, Score = s.Score, Comment = s.Comment }
                : new ScoreForm { CriterionId = c.Id })];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid bidId)
    {
        if (await LoadAsync(bidId) is { } refused)
        {
            return refused;
        }

        // Criteria left without a score are kept for later; the others are saved.
        var given = Scores.Select((s, i) => (s, i)).Where(x => x.s.Score is not null || !string.IsNullOrWhiteSpace(x.s.Comment)).ToList();
        var result = await evaluations.ScoreAsync(bidId, User.BidViewer(),
            [.. given.Select(x => new ScoreInput { CriterionId = x.s.CriterionId, Score = x.s.Score, Comment = x.s.Comment })]);
        if (!result.Succeeded)
        {
            // Paths name the position in what was sent; on the form, the position among all the criteria.
            ModelState.AddErrors(result.Errors is null ? result : result with
            {
                Errors = result.Errors.ToDictionary(e => Renumber(e.Key, given.Select(x => x.i).ToList()), e => e.Value),
            });
            return Page();
        }

        TempData["Banner"] = "Your scores have been saved.";
        return Redirect($"/opportunities/{View.Opportunity!.Reference}/evaluation/declare");
    }

    private static string Renumber(string path, List<int> positions)
    {
        var open = path.IndexOf('[', StringComparison.Ordinal);
        var close = path.IndexOf(']', StringComparison.Ordinal);
        return open < 0 || close < open || !int.TryParse(path[(open + 1)..close], out var i) || i >= positions.Count
            ? path
            : $"{path[..(open + 1)]}{positions[i]}{path[close..]}";
    }

    private async Task<IActionResult?> LoadAsync(Guid bidId)
    {
        View = await bids.ReadAsync(bidId, User.BidViewer());
        if (View.Access.Code == BidErrors.NotFound)
        {
            return NotFound();
        }

        if (!View.Access.Allowed)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return null;
        }

        Criteria = [.. View.Opportunity!.Criteria.Where(c => !EvaluationScoring.IsPrice(c)).OrderBy(c => c.Order)];
        return null;
    }
}
