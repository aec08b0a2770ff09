using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Procurement.Evaluation;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Procurement.Evaluation;

/// <summary>
/// A commissioner moderates one bid: every evaluator's scores and comments side by side, and the
/// consensus score per criterion, with the reason wherever it differs from an evaluator's score.
/// </summary>
public sealed class ModerateModel(CommonwealDbContext db, SealedBids bids, Evaluations evaluations, TimeProvider time) : PageModel
{
    public BidView View { get; private set; } = null!;
    public BidAccessResult Access { get; private set; } = null!;
    public IReadOnlyList<AwardCriterion> Criteria { get; private set; } = [];
    public IReadOnlyList<(EvaluatorScore Score, string Evaluator)> Individual { get; private set; } = [];

    [BindProperty]
    public List<ScoreForm> Scores { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid bidId)
    {
        if (await LoadAsync(bidId) is { } refused)
        {
            return refused;
        }

        if (Access.Allowed)
        {
            var consensus = await evaluations.ConsensusAsync(bidId);
            Scores = [.. Criteria.Select(c => consensus.FirstOrDefault(s => s.CriterionId == c.Id) is { } s
                ? new ScoreForm { CriterionId = c.Id, Score = s.Score, Reason = s.Reason }
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

        var given = Scores.Where(s => s.Score is not null || !string.IsNullOrWhiteSpace(s.Reason)).ToList();
        var positions = Scores.Select((s, i) => (s, i)).Where(x => given.Contains(x.s)).Select(x => x.i).ToList();
        var result = await evaluations.ModerateAsync(bidId, User.BidViewer(), [.. given.Select(s => new ConsensusInput { CriterionId = s.CriterionId, Score = s.Score, Reason = s.Reason })]);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result.Errors is null ? result : result with
            {
                Errors = result.Errors.ToDictionary(e => Renumber(e.Key, positions), e => e.Value),
            });
            return Page();
        }

        TempData["Banner"] = "The consensus scores have been saved.";
        return Redirect(EvaluationPages.OpportunityUrl(View.Opportunity!));
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
        var viewer = User.BidViewer();
        View = await bids.ReadAsync(bidId, viewer);
        if (View.Access.Code == BidErrors.NotFound)
        {
            return NotFound();
        }

        Access = View.Access.Allowed
            ? BidAccess.Moderate(View.Bid!, View.Opportunity!, viewer, time.GetUtcNow().UtcDateTime, await bids.StandingAsync(View.Opportunity!.Id, viewer))
            : View.Access;
        if (!Access.Allowed)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return null;
        }

        Criteria = [.. View.Opportunity!.Criteria.Where(c => !EvaluationScoring.IsPrice(c)).OrderBy(c => c.Order)];
        var scores = await evaluations.ScoresAsync(bidId);
        var userIds = scores.Select(s => s.EvaluatorUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Individual = [.. scores.Select(s => (s, names.GetValueOrDefault(s.EvaluatorUserId, "An evaluator")))];
        return null;
    }
}
