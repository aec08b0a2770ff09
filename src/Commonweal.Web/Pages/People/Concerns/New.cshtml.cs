using Commonweal.Referrals;
using Commonweal.Referrals.Concerns;
using Commonweal.Web.Accounts;
using Commonweal.Web.Components;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Commonweal.Web.Pages.People.Concerns;

/// <summary>A care team member raises a concern about the person; only those who may change the record can.</summary>
public sealed class NewModel(PersonRecords records, ConcernWork concerns) : PageModel
{
    [BindProperty]
    public ConcernInput Input { get; set; } = new();

    public string? Refusal { get; private set; }
    public string PersonName { get; private set; } = "";

    public IEnumerable<SelectListItem> Kinds => EnumItems.For<ConcernKind>(ConcernLabels.Kind);

    public IEnumerable<SelectListItem> Severities => EnumItems.For<ConcernSeverity>(ConcernLabels.Severity);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var result = await concerns.RaiseAsync(id, Input, User.Viewer());
        if (result.Succeeded)
        {
            TempData["Banner"] = "Concern raised: the care team and the safeguarding lead of each organisation on it can now see it";
            return Redirect($"/concerns/{result.Value!.Concern.Id}");
        }

        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        foreach (var error in result.Validation?.Errors ?? [])
        {
            ModelState.AddModelError($"Input.{error.PropertyName}", error.ErrorMessage);
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var opened = await records.OpenAsync(id, User.Viewer(), "Raise a concern page");
        var change = opened.Succeeded ? PersonAccess.ChangeRecord(opened.Value!.Facts, User.Viewer(), concerns.Now) : null;
        if (!opened.Succeeded || change is { Allowed: false })
        {
            Refusal = opened.Succeeded ? change!.Reason : opened.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        PersonName = $"{opened.Value!.Person.GivenName} {opened.Value.Person.FamilyName}";
        return null;
    }
}
