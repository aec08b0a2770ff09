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

    [BindProperty]
    public IFormFile? Upload { get; set; }

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

    public async Task<IActionResult> OnPostAttachAsync(Guid id)
    {
        var content = Array.Empty<byte>();
        if (Upload is { Length: > 0 and <= ReferralAttachment.MaxBytes })
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer);
            content = buffer.ToArray();
        }
        else if (Upload is { Length: > ReferralAttachment.MaxBytes })
        {
            // Too big to read: the core refuses it by its size alone.
            content = new byte[ReferralAttachment.MaxBytes + 1];
        }

        var result = await work.AttachAsync(id, Upload?.FileName, Upload?.ContentType, content, User.Viewer());
        if (!result.Succeeded)
        {
            await LoadAsync(id);
            ModelState.AddModelError(result.Validation is null ? string.Empty : nameof(Upload), result.Message!);
            return Page();
        }

        TempData["Banner"] = $"{result.Value!.FileName} is attached to the referral.";
        return Redirect($"/referrals/{id}#attachments");
    }

    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachmentId)
    {
        var result = await work.DownloadAsync(id, attachmentId, User.Viewer());
        if (!result.Succeeded)
        {
            return result.ErrorCode == PersonErrors.NotFound ? NotFound() : Forbid();
        }

        return File(result.Value!.Content, result.Value.ContentType, result.Value.FileName);
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
