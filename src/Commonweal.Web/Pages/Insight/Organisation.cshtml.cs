using System.Globalization;
using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Insight;
using Commonweal.Web.Accounts;
using Commonweal.Web.Api.Insight;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Insight;

/// <summary>One organisation's dependency picture and funding cliff: for its members and the commissioners that fund it.</summary>
[Authorize]
public sealed class OrganisationModel(CommonwealDbContext db, TimeProvider time) : PageModel
{
    public string Name { get; private set; } = "";
    public Guid Id { get; private set; }
    public InsightView View { get; private set; }
    public IReadOnlyList<YearDependency> Years { get; private set; } = [];
    public OrganisationCliff? Cliff { get; private set; }
    public bool CanRecordIncome { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        return InsightPages.Csv($"dependency-{id}.csv",
            ["financial_year", "funder", "source", "amount_gbp", "share"],
            Years.SelectMany(y => y.Figures.Funders.Select(f => (IReadOnlyList<string>)
                [FinancialYears.Label(y.Year), f.Funder, f.Source.ToString(), InsightCsv.Number(f.Amount), InsightCsv.Number(f.Share)])));
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var name = await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync();
        if (name is null)
        {
            return NotFound();
        }

        var queries = new InsightQueries(db, time);
        View = await queries.ViewOfAsync(InsightApi.ViewerOf(User), id);
        if (View == InsightView.None)
        {
            return Forbid();
        }

        (Id, Name) = (id, name);
        Years = await queries.DependencyAsync(id, View);
        Cliff = (await queries.CliffsAsync(12, [id])).FirstOrDefault();
        CanRecordIncome = User.HasRoleIn(id, MembershipRole.Admin);
        return null;
    }

    public static string YearLabel(int year) => FinancialYears.Label(year).ToString(CultureInfo.InvariantCulture);
}
