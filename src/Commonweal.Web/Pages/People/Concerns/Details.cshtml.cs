using Commonweal.Referrals.Concerns;
using Commonweal.Web.Accounts;
using Commonweal.Web.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.People.Concerns;

/// <summary>
/// One concern, as <see cref="ConcernAccess"/> lets the user see it; safeguarding leads acknowledge it
/// here, and the care team or those leads close it with its outcome.
/// </summary>
public sealed class DetailsModel(ConcernWork concerns) : PageModel
{
    public ConcernView View { get; private set; } = null!;
    public string? Refusal { get; private set; }

    [BindProperty]
    public Guid? OrganisationId { get; set; }

    [BindProperty]
    public ConcernClosingInput Closing { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid concernId) => await LoadAsync(concernId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid concernId)
    {
        var result = await concerns.AcknowledgeAsync(concernId, OrganisationId, User.Viewer());
        if (result.Succeeded)
        {
            TempData["Banner"] = "Concern acknowledged for your organisation";
            return Redirect($"/concerns/{concernId}");
        }

        if (await LoadAsync(concernId) is { } refusal)
        {
            return refusal;
        }

        ModelState.AddModelError(nameof(OrganisationId), result.Message ?? "The concern could not be acknowledged");
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid concernId)
    {
        var result = await concerns.CloseAsync(concernId, Closing, User.Viewer());
        if (result.Succeeded)
        {
            TempData["Banner"] = "Concern closed: it no longer shows at the top of the person's record";
            return Redirect($"/concerns/{concernId}");
        }

        if (await LoadAsync(concernId) is { } refusal)
        {
            return refusal;
        }

        ModelState.AddTo(result, nameof(Closing));
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid concernId)
    {
        var result = await concerns.GetAsync(concernId, User.Viewer(), "Concern page");
        if (!result.Succeeded)
        {
            Refusal = result.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        View = result.Value!;
        return null;
    }
}
