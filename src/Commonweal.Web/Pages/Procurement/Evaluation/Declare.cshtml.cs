using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Procurement.Evaluation;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Procurement.Evaluation;

/// <summary>
/// An evaluator's page for one opportunity: first the declaration of interests for every bidder,
/// then the bids to score (each one the sealed-bid rule lets them see), with their progress.
/// </summary>
public sealed class DeclareModel(CommonwealDbContext db, Evaluations evaluations, TimeProvider time) : PageModel
{
    public Opportunity Opportunity { get; private set; } = null!;
    public Evaluator? Evaluator { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Bidders { get; private set; } = [];
    public IReadOnlyList<(Bid Bid, BidAccessResult Access, int Scored)> Bids { get; private set; } = [];
    public bool DeadlinePassed { get; private set; }
    public int QualityCriteria { get; private set; }

    public static IReadOnlyList<SelectListItem> Choices { get; } = [new("I have no interest in this bidder", "False"), new("I have an interest in this bidder", "True")];

    [BindProperty]
    public List<DeclarationForm> Declarations { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference)
    {
        if (await LoadAsync(reference) is { } refused)
        {
            return refused;
        }

        Declarations = [.. Bidders.Select(b => new DeclarationForm { OrganisationId = b.Id })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string reference)
    {
        if (await LoadAsync(reference) is { } refused)
        {
            return refused;
        }

        // Descriptions are kept only for interests declared.
        var result = await evaluations.DeclareAsync(Opportunity.Id, User.BidViewer(), [.. Declarations.Select(d => new DeclarationInput
        {
            OrganisationId = d.OrganisationId, HasInterest = d.HasInterest, Description = d.HasInterest == true ? d.Description : null,
        })]);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result);
            return Page();
        }

        TempData["Banner"] = "Your declaration has been recorded.";
        return Redirect($"/opportunities/{Opportunity.Reference}/evaluation/declare");
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
        Evaluator = (await evaluations.EvaluatorsAsync(o.Id)).FirstOrDefault(e => e.UserId == viewer.UserId);
        if (Evaluator is null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return null;
        }

        DeadlinePassed = time.GetUtcNow().UtcDateTime >= o.SubmissionDeadline;
        QualityCriteria = o.Criteria.Count(c => !EvaluationScoring.IsPrice(c));
        if (DeadlinePassed)
        {
            Bidders = await evaluations.BiddersAsync(o.Id);
            var userId = viewer.UserId!.Value;
            var scored = await db.EvaluatorScores.AsNoTracking().Where(s => s.EvaluatorUserId == userId).GroupBy(s => s.BidId)
                .Select(g => new { BidId = g.Key, Count = g.Count() }).ToListAsync();
            Bids = [.. (await evaluations.BidsToScoreAsync(o, viewer)).Select(b => (b.Bid, b.Access, scored.FirstOrDefault(s => s.BidId == b.Bid.Id)?.Count ?? 0))];
        }

        return null;
    }
}
