using Commonweal.Commissioning;
using Commonweal.Data;
using Commonweal.Web.Api.Insight;
using Commonweal.Web.Commissioning;
using Commonweal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Commissioning;

/// <summary>A commissioner records an area: its name and the outcodes it covers.</summary>
[Authorize]
public sealed class NewAreaModel(CommonwealDbContext db) : PageModel
{
    [BindProperty]
    public AreaForm Input { get; set; } = new();

    public CommissionerOptions Commissioners { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refusal)
        {
            return refusal;
        }

        var commissioner = Commissioners.Chosen(Input.Commissioner);
        if (commissioner is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(AreaForm.Commissioner)}", "Select the commissioner the area is for");
        }
        else if (!CommissioningAccess.CanEditFor(InsightApi.ViewerOf(User), commissioner.Value))
        {
            return Forbid();
        }

        NeedsArea? area = null;
        if (ModelState.IsValid)
        {
            var result = await new CommissioningEditing(db).AddAreaAsync(Input.ToInput(commissioner!.Value));
            ModelState.AddErrors(result.Errors, nameof(Input), AreaForm.FieldOf);
            area = result.Value;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData["Banner"] = "Area recorded. Now record its needs and conditions.";
        return Redirect($"/commissioning/areas/{area!.Id}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        Commissioners = await CommissionerOptions.LoadAsync(db, InsightApi.ViewerOf(User));
        return Commissioners.Items.Count == 0 ? Forbid() : null;
    }
}
