using System.Globalization;
using Commonweal.Commissioning;
using Commonweal.Data;
using Commonweal.Insight;
using Commonweal.Web.Api.Insight;
using Commonweal.Web.Commissioning;
using Commonweal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Commissioning;

/// <summary>A commissioner starts a draft plan for one of its areas and a financial year.</summary>
[Authorize]
public sealed class NewPlanModel(CommonwealDbContext db) : PageModel
{
    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public CommissionerOptions Commissioners { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? area)
    {
        if (await LoadAsync() is { } refusal)
        {
            return refusal;
        }

        Input = new PlanForm { Area = area, Year = FinancialYears.Of(DateOnly.FromDateTime(db.Now)).ToString(CultureInfo.InvariantCulture) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refusal)
        {
            return refusal;
        }

        var commissioner = Commissioners.Chosen(Input.Commissioner);
        if (commissioner is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(PlanForm.Commissioner)}", "Select the commissioner the plan is for");
        }
        else if (!CommissioningAccess.CanEditFor(InsightApi.ViewerOf(User), commissioner.Value))
        {
            return Forbid();
        }

        CommissioningPlan? plan = null;
        var input = Input.ToInput(commissioner ?? Guid.Empty, ModelState, nameof(Input));
        if (ModelState.IsValid)
        {
            var result = await new CommissioningEditing(db).AddPlanAsync(input);
            ModelState.AddErrors(result.Errors, nameof(Input));
            plan = result.Value;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData["Banner"] = "Draft plan started. Set its budgets, then publish it.";
        return Redirect($"/commissioning/plans/{plan!.Id}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        Commissioners = await CommissionerOptions.LoadAsync(db, InsightApi.ViewerOf(User));
        if (Commissioners.Items.Count == 0)
        {
            return Forbid();
        }

        var names = Commissioners.Items.ToDictionary(i => Guid.Parse(i.Value), i => i.Text);
        var ids = names.Keys.ToList();
        var areas = await db.NeedsAreas.AsNoTracking().Where(a => ids.Contains(a.CommissionerOrganisationId)).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.CommissionerOrganisationId }).ToListAsync();
        Areas = areas.Select(a => new SelectListItem(Commissioners.Several ? $"{a.Name} ({names[a.CommissionerOrganisationId]})" : a.Name, a.Id.ToString())).ToList();
        return null;
    }
}
