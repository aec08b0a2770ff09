using Commonweal.Commissioning;
using Commonweal.Data;
using Commonweal.Insight;
using Commonweal.Web.Api.Insight;
using Commonweal.Web.Commissioning;
using Commonweal.Web.Infrastructure;
using Commonweal.Web.Pages.Insight;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Commissioning;

/// <summary>A pooled fund: each commissioner's contribution and spend. For commissioners of the pool's members.</summary>
[Authorize]
public sealed class PoolModel(CommonwealDbContext db) : PageModel
{
    public PoolReport Report { get; private set; } = null!;

    [BindProperty]
    public DrawForm Draw { get; set; } = new();

    public bool CanEdit { get; private set; }

    public sealed record OpportunityLink(string Reference, string Title);

    /// <summary>The opportunities drawing on the fund.</summary>
    public IReadOnlyList<OpportunityLink> Drawing { get; private set; } = [];

    /// <summary>Opportunities of the pool's members that draw on no pool yet.</summary>
    public IReadOnlyList<SelectListItem> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(Guid id, string? table)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        return table switch
        {
            "members" => InsightPages.Csv("pool-contributions.csv", ["organisation_id", "organisation", "share_percent", "contribution_gbp", "spend_gbp", "remaining_gbp"],
                Report.Members.Select(m => (IReadOnlyList<string>)[m.OrganisationId.ToString(), m.Name, InsightCsv.Number(m.SharePercent), InsightCsv.Number(m.Contribution), InsightCsv.Number(m.Spend), InsightCsv.Number(m.Remaining)])),
            "contracts" => InsightPages.Csv("pool-contracts.csv", ["reference", "opportunity", "contract_id", "status", "value_gbp"],
                Report.Contracts.Select(c => (IReadOnlyList<string>)[c.Reference, c.Opportunity, c.ContractId.ToString(), c.Status.ToString(), InsightCsv.Number(c.Value)])),
            _ => BadRequest("Choose table=members or contracts."),
        };
    }

    public async Task<IActionResult> OnPostDrawAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        if (Draw.Opportunity is not { } opportunity)
        {
            ModelState.AddModelError($"{nameof(Draw)}.{nameof(DrawForm.Opportunity)}", "Select the opportunity that will draw on the fund");
        }
        else
        {
            var result = await new CommissioningEditing(db).DrawOnAsync(Report.Pool, new PoolLinkInput { Opportunity = opportunity });
            ModelState.AddErrors(result.Errors, nameof(Draw));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData["Banner"] = "The opportunity now draws on the fund.";
        return Redirect($"/commissioning/pools/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var queries = new PoolQueries(db);
        var pool = await queries.FindAsync(id);
        if (pool is null)
        {
            return NotFound();
        }

        if (!CommissioningAccess.CanSeePool(InsightApi.ViewerOf(User), pool))
        {
            return Forbid();
        }

        Report = await queries.ReportAsync(pool);
        CanEdit = CommissioningAccess.CanEditPool(InsightApi.ViewerOf(User), pool);
        var drawing = pool.Opportunities.Select(o => o.OpportunityId).ToList();
        Drawing = await db.Opportunities.AsNoTracking().Where(o => drawing.Contains(o.Id)).OrderBy(o => o.Reference)
            .Select(o => new OpportunityLink(o.Reference, o.Title)).ToListAsync();
        if (CanEdit)
        {
            var members = pool.Members.Select(m => m.OrganisationId).ToList();
            var candidates = await db.Opportunities.AsNoTracking()
                .Where(o => o.Commissioners.Any(c => members.Contains(c.OrganisationId)) && !db.PoolOpportunities.Any(p => p.OpportunityId == o.Id))
                .OrderBy(o => o.Reference).Select(o => new { o.Id, o.Reference, o.Title }).ToListAsync();
            Candidates = candidates.Select(o => new SelectListItem($"{o.Reference}: {o.Title}", o.Id.ToString())).ToList();
        }

        return null;
    }
}
