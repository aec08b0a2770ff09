using Commonweal.Commissioning;
using Commonweal.Data;
using Commonweal.Web.Api.Insight;
using Commonweal.Web.Commissioning;
using Commonweal.Web.Components;
using Commonweal.Web.Directory;
using Commonweal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Commissioning;

/// <summary>A commissioner records a health condition (prevalence, burden, rare, Orphanet code) or a social need of an area.</summary>
[Authorize]
public sealed class NewNeedModel(CommonwealDbContext db) : PageModel
{
    [BindProperty]
    public NeedForm Input { get; set; } = new();

    public NeedsArea Area { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Terms { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Kinds { get; } = EnumItems.For<NeedKind>(CommissioningLabels.DisplayName);
    public IReadOnlyList<SelectListItem> PrevalenceUnits { get; } = EnumItems.For<PrevalenceUnit>(CommissioningLabels.DisplayName);
    public IReadOnlyList<SelectListItem> BurdenUnits { get; } = EnumItems.For<BurdenUnit>(CommissioningLabels.DisplayName);

    /// <summary>One box, valued as a bool binds ("True"), so that it is ticked again when the form is shown again.</summary>
    public IReadOnlyList<SelectListItem> RareItems { get; } = [new("It is a rare condition (affecting fewer than 1 in 2,000 people)", bool.TrueString)];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        var input = Input.ToInput(ModelState, nameof(Input));
        if (ModelState.IsValid)
        {
            var result = await new CommissioningEditing(db).AddNeedAsync(Area, input);
            ModelState.AddErrors(result.Errors, nameof(Input));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData["Banner"] = $"{Input.Name!.Trim()} recorded.";
        return Redirect($"/commissioning/areas/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var area = await db.NeedsAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        var viewer = InsightApi.ViewerOf(User);
        if (area is null || !CommissioningAccess.CanSeeArea(viewer, area))
        {
            return NotFound();
        }

        if (!CommissioningAccess.CanEditFor(viewer, area.CommissionerOrganisationId))
        {
            return Forbid();
        }

        Area = area;
        Terms = await NeedChoices.LoadAsync(db, includeBroadNeeds: true);
        return null;
    }
}
