using Commonweal.Referrals;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Referrals;

/// <summary>
/// One referral, for the referrer and the receiving service (and the care team): its status and
/// history, the conversation between them, and the next steps each side may take.
/// </summary>
public sealed class DetailsModel(ReferralWork work) : PageModel
{
    public ReferralView? View { get; private set; }
    public string? Refusal { get; private set; }
    public bool IsReceiver { get; private set; }
    public bool IsReferrer { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    public IEnumerable<ReferralAction> Actions => View is null ? [] : Enum.GetValues<ReferralAction>()
        .Where(a => ReferralLifecycle.Allows(View.Referral.Status, a) && (ReferralLifecycle.IsReferrers(a) ? IsReferrer : IsReceiver));

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(Guid id, ReferralAction action)
    {
        var result = await work.ActAsync(id, action, Reason, User.Viewer());
        if (!result.Succeeded)
        {
            await LoadAsync(id);
            ModelState.AddModelError(result.Validation is null ? string.Empty : nameof(Reason), result.Message!);
            return Page();
        }

        TempData["Banner"] = $"Referral {result.Value!.Reference} is now {ReferralLifecycle.Describe(result.Value.Status).ToLowerInvariant()}.";
        return Redirect($"/referrals/{id}");
    }

    public async Task<IActionResult> OnPostMessageAsync(Guid id)
    {
        var result = await work.MessageAsync(id, Message, User.Viewer());
        if (!result.Succeeded)
        {
            await LoadAsync(id);
            ModelState.AddModelError(result.Validation is null ? string.Empty : nameof(Message), result.Message!);
            return Page();
        }

        return Redirect($"/referrals/{id}#messages");
    }

    private async Task LoadAsync(Guid id)
    {
        var opened = await work.OpenAsync(id, User.Viewer(), "referral page");
        if (!opened.Succeeded)
        {
            Refusal = opened.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        View = opened.Value;
        IsReceiver = View!.IsReceiver(User.Viewer());
        IsReferrer = View.IsReferrer(User.Viewer());
    }
}
