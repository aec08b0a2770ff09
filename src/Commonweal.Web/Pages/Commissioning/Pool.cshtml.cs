using Commonweal.Commissioning;
using Commonweal.Data;
using Commonweal.Insight;
using Commonweal.Web.Api.Insight;
using Commonweal.Web.Pages.Insight;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Commissioning;

/// <summary>A pooled fund: each commissioner's contribution and spend. For commissioners of the pool's members.</summary>
[Authorize]
public sealed class PoolModel(CommonwealDbContext db) : PageModel
{
    public PoolReport Report { get; private set; } = null!;

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
        return null;
    }
}
