using Commonweal.Commissioning;
using Commonweal.Data;
using Commonweal.Web.Api.Insight;
using Commonweal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Commissioning;

/// <summary>A commissioner sets the plan's budget for one need or condition of its area.</summary>
[Authorize]
public sealed class BudgetModel(CommonwealDbContext db) : PageModel
{
    [BindProperty]
    public PlanLineInput Input { get; set; } = new();

    public CommissioningPlan Plan { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Needs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        if (ModelState.IsValid)
        {
            var result = await new CommissioningEditing(db).SetLineAsync(Plan, Input);
            ModelState.AddErrors(result.Errors, nameof(Input));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData["Banner"] = "Budget saved.";
        return Redirect($"/commissioning/plans/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var plan = await db.CommissioningPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        var viewer = InsightApi.ViewerOf(User);
        if (plan is null || !CommissioningAccess.CanSeePlan(viewer, plan))
        {
            return NotFound();
        }

        if (!CommissioningAccess.CanEditFor(viewer, plan.CommissionerOrganisationId))
        {
            return Forbid();
        }

        Plan = plan;
        // Ids are turned into text here, not in the query: SQLite would give them upper case, and the
        // chosen need would not show as selected when the form comes back with an error.
        var needs = await db.AreaNeeds.AsNoTracking().Where(n => n.AreaId == plan.AreaId).OrderBy(n => n.Kind).ThenBy(n => n.Name)
            .Select(n => new { n.Id, n.Name }).ToListAsync();
        Needs = needs.Select(n => new SelectListItem(n.Name, n.Id.ToString())).ToList();
        return null;
    }
}
