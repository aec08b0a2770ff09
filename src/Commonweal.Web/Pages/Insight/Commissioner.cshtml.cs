using System.Globalization;
using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Insight;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Insight;

/// <summary>A commissioner's dashboard: dependency and cliffs of the organisations it funds, and its sector share.</summary>
[Authorize]
public sealed class CommissionerModel(CommonwealDbContext db, TimeProvider time) : PageModel
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public int Year { get; private set; }
    public IReadOnlyList<OrganisationDependency> Dependency { get; private set; } = [];
    public IReadOnlyList<OrganisationCliff> Cliffs { get; private set; } = [];
    public IReadOnlyList<AreaCliff> CliffsByArea { get; private set; } = [];
    public IReadOnlyList<NeedCliff> CliffsByNeed { get; private set; } = [];
    public IReadOnlyList<SectorShareRow> Sectors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(Guid id, string? table)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        return table switch
        {
            "dependency" => InsightPages.Csv($"dependency-{Year}.csv", InsightCsv.DependencyHeader,
                Dependency.Select(d => InsightCsv.DependencyRow(d.OrganisationId, d.Name, d.Year, d.Figures))),
            "cliffs" => InsightPages.Csv("funding-cliffs.csv",
                ["organisation_id", "organisation", "area", "ending_6_months_gbp", "ending_12_months_gbp", "annual_now_gbp", "annual_in_a_year_gbp", "falls_by_more_than_half", "needs", "services_at_risk"],
                Cliffs.Select(c => (IReadOnlyList<string>)[c.OrganisationId.ToString(), c.Name, c.Area ?? "", InsightCsv.Number(c.Figures.EndingWithin6Months),
                    InsightCsv.Number(c.Figures.EndingWithin12Months), InsightCsv.Number(c.Figures.AnnualIncomeNow), InsightCsv.Number(c.Figures.AnnualIncomeInAYear),
                    c.Figures.FallsByMoreThanHalf ? "yes" : "no", string.Join("; ", c.Needs), string.Join("; ", c.ServicesAtRisk.Select(s => s.Name))])),
            "cliffs-by-area" => InsightPages.Csv("funding-cliffs-by-area.csv",
                ["area", "kind", "commissioner", "ending_6_months_gbp", "ending_12_months_gbp", "organisations", "services_at_risk"],
                CliffsByArea.Select(a => (IReadOnlyList<string>)[a.Area, a.Kind == AreaKind.Outcode ? "outcode" : "commissioning area", a.Commissioner ?? "",
                    InsightCsv.Number(a.EndingWithin6Months), InsightCsv.Number(a.EndingWithin12Months), a.Organisations.Count.ToString(CultureInfo.InvariantCulture),
                    string.Join("; ", a.ServicesAtRisk.Select(s => s.Name))])),
            "cliffs-by-need" => InsightPages.Csv("funding-cliffs-by-need.csv",
                ["need", "ending_6_months_gbp", "ending_12_months_gbp", "organisations", "services_at_risk"],
                CliffsByNeed.Select(n => (IReadOnlyList<string>)[n.Need, InsightCsv.Number(n.EndingWithin6Months), InsightCsv.Number(n.EndingWithin12Months),
                    n.Organisations.Count.ToString(CultureInfo.InvariantCulture), string.Join("; ", n.ServicesAtRisk.Select(s => s.Name))])),
            "sectors" => InsightPages.Csv("sector-share.csv", ["financial_year", "sector", "size", "amount_gbp", "share_of_year"],
                Sectors.Select(s => (IReadOnlyList<string>)[FinancialYears.Label(s.Year), s.Sector, s.Size.ToString(), InsightCsv.Number(s.Amount), InsightCsv.Number(s.ShareOfYear)])),
            _ => BadRequest("Choose table=dependency, cliffs, cliffs-by-area, cliffs-by-need or sectors."),
        };
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var name = await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync();
        if (name is null)
        {
            return NotFound();
        }

        if (!User.HasRoleIn(id, MembershipRole.Commissioner) && !User.IsPlatformAdmin())
        {
            return Forbid();
        }

        (Id, Name) = (id, name);
        var queries = new InsightQueries(db, time);
        Year = queries.CurrentYear;
        var funded = await queries.FundedByAsync([id]);
        var all = await queries.DependencyForAllAsync(Year);
        var fundedSet = funded.ToHashSet();
        // The funder's view: other income only as one line.
        Dependency = all.Where(d => fundedSet.Contains(d.OrganisationId))
            .OrderByDescending(d => d.Figures.Flagged).ThenByDescending(d => d.Figures.LargestShare).ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
        var report = await queries.CliffReportAsync(12, funded);
        (Cliffs, CliffsByArea, CliffsByNeed) = (report.Organisations, report.ByArea, report.ByNeed);
        Sectors = await queries.SectorsAsync(id);
        return null;
    }
}
