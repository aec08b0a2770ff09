using Commonweal.Referrals.Fhir;
using Commonweal.Web.Accounts;
using Commonweal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Admin.Unrouted;

/// <summary>Incoming referrals whose service is not in the directory, oldest first, for a platform admin to route.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class IndexModel(ReferralRouting routing) : PageModel
{
    public IReadOnlyList<UnroutedReferral> Referrals { get; private set; } = [];

    /// <summary>The reference of the referral just routed, to confirm it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Routed { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var queue = await routing.UnroutedAsync(User.Viewer(), HttpContext.RequestAborted);
        if (!queue.Succeeded)
        {
            return Forbid();
        }

        Referrals = queue.Value!;
        return Page();
    }
}
