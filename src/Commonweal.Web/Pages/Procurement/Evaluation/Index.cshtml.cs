using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Procurement.Evaluation;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Procurement.Evaluation;

/// <summary>
/// The commissioners' evaluation dashboard: evaluators and their declarations, progress per bid,
/// moderation, the ranking with its weighted totals, and the buttons that start evaluation and issue
/// the intention to award. Evaluators are sent to their own pages.
/// </summary>
public sealed class IndexModel(CommonwealDbContext db, Evaluations evaluations, TimeProvider time) : PageModel
{
    public Opportunity Opportunity { get; private set; } = null!;
    public OpportunityEvaluation? Settings { get; private set; }
    public IReadOnlyList<Evaluator> Evaluators { get; private set; } = [];
    public Ranking? Ranking { get; private set; }
    public IReadOnlyDictionary<Guid, (int Scored, int Consensus)> Progress { get; private set; } = new Dictionary<Guid, (int, int)>();
    public int QualityCriteria { get; private set; }
    public bool IsCommissioner { get; private set; }
    public bool IsEvaluator { get; private set; }
    public bool DeadlinePassed { get; private set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public decimal? OutcomeLinkedPaymentPercent { get; set; }

    public async Task<IActionResult> OnGetAsync(string reference) => await LoadAsync(reference) ?? Page();

    public Task<IActionResult> OnPostAssignAsync(string reference) =>
        ActAsync(reference, id => evaluations.AssignAsync(id, User.BidViewer(), null, Email), "The evaluator has been assigned.");

    public Task<IActionResult> OnPostStartAsync(string reference) =>
        ActAsync(reference, id => evaluations.StartAsync(id, User.BidViewer()), "Evaluation has started.");

    public Task<IActionResult> OnPostShareAsync(string reference) =>
        ActAsync(reference, id => evaluations.SetOutcomeLinkedShareAsync(id, User.BidViewer(), OutcomeLinkedPaymentPercent), "The outcome-linked payment share has been saved.");

    public Task<IActionResult> OnPostIssueAsync(string reference) =>
        ActAsync(reference, id => evaluations.IssueIntentionAsync(id, User.BidViewer()), "The intention to award has been issued, the letters sent and the standstill started.");

    private async Task<IActionResult> ActAsync(string reference, Func<Guid, Task<EvaluationResult>> act, string done)
    {
        if (await LoadAsync(reference) is { } refused)
        {
            return refused;
        }

        var result = await act(Opportunity.Id);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            await LoadAsync(reference);
            return Page();
        }

        TempData["Banner"] = done;
        return Redirect(EvaluationPages.OpportunityUrl(Opportunity));
    }

    private async Task<IActionResult?> LoadAsync(string reference)
    {
        var o = await evaluations.OpportunityAsync(await db.Opportunities.Where(x => x.Reference == reference.ToUpperInvariant()).Select(x => x.Id).FirstOrDefaultAsync());
        if (o is null)
        {
            return NotFound();
        }

        Opportunity = o;
        var viewer = User.BidViewer();
        IsCommissioner = viewer.CommissionsFor(o);
        Evaluators = await evaluations.EvaluatorsAsync(o.Id);
        IsEvaluator = Evaluators.Any(e => e.UserId == viewer.UserId);
        if (!IsCommissioner)
        {
            if (IsEvaluator)
            {
                return Redirect($"/opportunities/{o.Reference}/evaluation/declare");
            }

            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        DeadlinePassed = time.GetUtcNow().UtcDateTime >= o.SubmissionDeadline;
        Settings = await evaluations.SettingsAsync(o.Id);
        OutcomeLinkedPaymentPercent ??= Settings?.OutcomeLinkedPaymentPercent ?? 0m;
        QualityCriteria = o.Criteria.Count(c => !EvaluationScoring.IsPrice(c));
        if (o.Status is OpportunityStatus.Evaluation or OpportunityStatus.IntentionToAward or OpportunityStatus.Standstill or OpportunityStatus.Awarded)
        {
            Ranking = await evaluations.RankingAsync(o.Id, viewer);
            var ids = Ranking.Bids.Select(b => b.Bid.BidId).ToList();
            var scored = await db.EvaluatorScores.AsNoTracking().Where(s => ids.Contains(s.BidId))
                .GroupBy(s => new { s.BidId, s.EvaluatorUserId }).Select(g => new { g.Key.BidId, Count = g.Count() }).ToListAsync();
            var consensus = await db.ConsensusScores.AsNoTracking().Where(s => ids.Contains(s.BidId)).GroupBy(s => s.BidId)
                .Select(g => new { BidId = g.Key, Count = g.Count() }).ToListAsync();
            Progress = ids.ToDictionary(id => id, id => (
                scored.Count(s => s.BidId == id && s.Count >= QualityCriteria),
                consensus.FirstOrDefault(c => c.BidId == id)?.Count ?? 0));
        }

        return null;
    }

    public static string Declaration(Evaluator e) =>
        e.DeclaredAt is null ? "Not yet declared"
        : e.Declarations.Any(d => d.HasInterest) ? "Interest declared in " + string.Join(", ", e.Declarations.Where(d => d.HasInterest).Select(d => $"{d.Organisation?.Name} ({d.Description})"))
        : "No interest in any bidder";

    public static string When(DateTime? utc) => utc is { } t ? BidLabels.When(t) : "";
}
