using Commonweal.Commissioning;
using Commonweal.Data;
using Commonweal.Insight;
using Commonweal.Web.Api.Insight;
using Commonweal.Web.Pages.Insight;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Commissioning;

/// <summary>A plan: spend share against burden share per condition, needs with no budget and no service, overlaps and gaps.</summary>
[AllowAnonymous]
public sealed class PlanModel(CommonwealDbContext db) : PageModel
{
    public PlanReport Report { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, decimal> Budgets { get; private set; } = new Dictionary<Guid, decimal>();

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(Guid id, string? table)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        var f = Report.Figures;
        static string Share(double? s) => s is { } v ? InsightCsv.Number(v) : "";
        return table switch
        {
            "spend" => InsightPages.Csv("spend-against-burden.csv", ["condition", "rare", "burden", "burden_unit", "burden_share", "budget_gbp", "spend_share", "spend_to_burden"],
                f.SpendVsBurden.Select(r => (IReadOnlyList<string>)[r.Condition, r.IsRare ? "yes" : "no", r.Burden?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    r.BurdenUnit?.ToString() ?? "", Share(r.BurdenShare), InsightCsv.Number(r.Budget), InsightCsv.Number(r.SpendShare), Share(r.SpendToBurden)])),
            "unprovided" => InsightPages.Csv("no-budget-no-service.csv", ["need", "kind", "rare", "orphanet_code", "burden_share", "estimated_people"],
                f.Unprovided.Select(u => (IReadOnlyList<string>)[u.Name, u.Kind.ToString(), u.IsRare ? "yes" : "no", u.OrphanetCode ?? "", Share(u.BurdenShare), u.EstimatedPeople?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""])),
            "overlaps" => InsightPages.Csv("overlaps.csv", ["need", "funders", "providers"],
                f.Overlaps.Select(o => (IReadOnlyList<string>)[o.Need, string.Join("; ", o.Funders), string.Join("; ", o.Providers)])),
            "gaps" => InsightPages.Csv("gaps.csv", ["need", "kind", "rare", "budget_gbp"],
                f.Gaps.Select(g => (IReadOnlyList<string>)[g.Need, g.Kind.ToString(), g.IsRare ? "yes" : "no", InsightCsv.Number(g.Budget)])),
            "needs" => InsightPages.Csv("needs.csv", ["need", "kind", "prevalence", "prevalence_unit", "burden", "burden_unit", "rare", "orphanet_code", "estimated_people", "budget_gbp", "services"],
                Report.Area.Needs.OrderBy(n => n.Kind).ThenBy(n => n.Name, StringComparer.Ordinal).Select(n => (IReadOnlyList<string>)[n.Name, n.Kind.ToString(),
                    n.Prevalence is { } p ? InsightCsv.Number(p) : "", n.PrevalenceUnit?.ToString() ?? "", n.Burden is { } b ? InsightCsv.Number(b) : "", n.BurdenUnit?.ToString() ?? "",
                    n.IsRare ? "yes" : "no", n.OrphanetCode ?? "", n.EstimatedPeople?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    InsightCsv.Number(Budgets.GetValueOrDefault(n.Id)), string.Join("; ", (Report.Services.GetValueOrDefault(n.Id) ?? []).Select(s => s.ServiceName))])),
            _ => BadRequest("Choose table=spend, unprovided, overlaps, gaps or needs."),
        };
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        // The page is public, so publishing asks anyone not signed in to sign in first.
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        await new CommissioningEditing(db).PublishAsync(id);
        TempData["Banner"] = "Plan published. Anyone can now read it and its area's needs.";
        return Redirect($"/commissioning/plans/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var report = await new PlanQueries(db).ReportAsync(id);
        // A draft is not found for those who may not see it, so its existence is not disclosed.
        if (report is null || !CommissioningAccess.CanSeePlan(InsightApi.ViewerOf(User), report.Plan))
        {
            return NotFound();
        }

        Report = report;
        CanEdit = CommissioningAccess.CanEditFor(InsightApi.ViewerOf(User), report.Plan.CommissionerOrganisationId);
        Budgets = report.Plan.Lines.GroupBy(l => l.NeedId).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
        return null;
    }
}
