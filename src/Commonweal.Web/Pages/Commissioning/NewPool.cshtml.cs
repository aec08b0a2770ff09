using Commonweal.Commissioning;
using Commonweal.Data;
using Commonweal.Web.Api.Insight;
using Commonweal.Web.Commissioning;
using Commonweal.Web.Infrastructure;
using Commonweal.Web.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Commissioning;

/// <summary>Commissioners pool amounts into one fund with agreed shares; whoever creates it commissions for one of its members.</summary>
[Authorize]
public sealed class NewPoolModel(CommonwealDbContext db) : PageModel
{
    [BindProperty]
    public PoolForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refusal)
        {
            return refusal;
        }

        Input.Members = [new PoolMemberForm { Organisation = InsightApi.ViewerOf(User).CommissionerIn.First() }];
        Input.PadRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refusal)
        {
            return refusal;
        }

        var (input, fieldOf) = Input.ToInput(ModelState, nameof(Input));
        if (ModelState.IsValid && !CommissioningAccess.CanCreatePool(InsightApi.ViewerOf(User), input.Members!.Select(m => m.Organisation)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(PoolForm.Members)}", "Include an organisation you commission for");
        }

        PooledFund? pool = null;
        if (ModelState.IsValid)
        {
            var result = await new CommissioningEditing(db).AddPoolAsync(input);
            ModelState.AddErrors(result.Errors, nameof(Input), fieldOf);
            pool = result.Value;
        }

        if (!ModelState.IsValid)
        {
            Input.PadRows();
            return Page();
        }

        TempData["Banner"] = "Pooled fund created.";
        return Redirect($"/commissioning/pools/{pool!.Id}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (InsightApi.ViewerOf(User).CommissionerIn.Count == 0)
        {
            return Forbid();
        }

        Organisations = await OrganisationChoices.CommissionersAsync(db);
        return null;
    }
}
