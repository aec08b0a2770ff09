using Commonweal.Referrals;
using Commonweal.Web.Accounts;
using Commonweal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Admin;

/// <summary>Platform admins review break-glass declarations, and produce a person's access report on their behalf.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class BreakGlassModel(BreakGlass glass, AccessReport reports) : PageModel
{
    public IReadOnlyList<BreakGlassAccess> Awaiting { get; private set; } = [];

    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Reviews { get; } =
        Components.EnumItems.For<BreakGlassReview>(r => r == BreakGlassReview.Justified ? "Justified" : "Not justified");

    [BindProperty(SupportsGet = true)]
    public Guid? Person { get; set; }

    public IReadOnlyList<AccessReportEntry>? Report { get; private set; }

    [BindProperty]
    public BreakGlassReview? Review { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task OnGetAsync()
    {
        Awaiting = await glass.AwaitingReviewAsync();
        if (Person is { } person)
        {
            var report = await reports.ForAsync(person, User.Viewer());
            if (report.Succeeded)
            {
                Report = report.Value;
            }
            else
            {
                ModelState.AddModelError(nameof(Person), report.Message!);
            }
        }
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id)
    {
        var result = await glass.ReviewAsync(id, Review, Note, User.Viewer());
        if (!result.Succeeded)
        {
            Awaiting = await glass.AwaitingReviewAsync();
            ModelState.AddModelError(result.Validation?.Errors.FirstOrDefault()?.PropertyName == "note" ? nameof(Note) : nameof(Review), result.Message!);
            return Page();
        }

        TempData["Banner"] = $"The break-glass access by {result.Value!.UserName} was reviewed.";
        return Redirect("/admin/break-glass");
    }
}
