using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Insight;
using Commonweal.Web.Accounts;
using Commonweal.Web.Components;
using Commonweal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Insight;

/// <summary>An organisation's admin records income from donations, trading or other funders: private to the organisation.</summary>
[Authorize]
public sealed class IncomeModel(CommonwealDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public OtherIncomeInput Input { get; set; } = new();

    public string Name { get; private set; } = "";
    public Guid Id { get; private set; }

    public static IReadOnlyList<SelectListItem> Kinds { get; } = EnumItems.For<IncomeKind>(OtherIncomeRecording.Label);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Input.Year = FinancialYears.Of(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return await LoadAsync(id) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        Input.Organisation = id;
        if (ModelState.IsValid)
        {
            var result = await new OtherIncomeRecording(db).RecordAsync(Input);
            ModelState.AddErrors(result, nameof(Input));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData["Banner"] = $"{OtherIncomeRecording.Label(Input.Kind!.Value)} for {FinancialYears.Label(Input.Year!.Value)} recorded.";
        return Redirect($"/insight/organisations/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var name = await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync();
        if (name is null)
        {
            return NotFound();
        }

        if (!User.HasRoleIn(id, MembershipRole.Admin))
        {
            return Forbid();
        }

        (Id, Name) = (id, name);
        return null;
    }
}
