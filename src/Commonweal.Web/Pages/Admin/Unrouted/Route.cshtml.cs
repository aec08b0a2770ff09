using Commonweal.Referrals.Fhir;
using Commonweal.Web.Accounts;
using Commonweal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Commonweal.Web.Pages.Admin.Unrouted;

/// <summary>Routes one unrouted referral: search the directory by service name, pick one that is accepting referrals.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class RouteModel(ReferralRouting routing) : PageModel
{
    public UnroutedReferral Referral { get; private set; } = null!;

    public IReadOnlyList<RoutingCandidate> Candidates { get; private set; } = [];

    /// <summary>The service name searched for; starts as the name the sending system gave.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public Guid? ServiceId { get; set; }

    public IEnumerable<SelectListItem> ServiceItems => Candidates.Select(c => new SelectListItem(
        $"{c.Name}, {c.OrganisationName}{(c.ClosedBecause is null ? "" : $" (not available: {c.ClosedBecause})")}", c.Id.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }

        Q ??= Referral.RequestedService;
        Candidates = await routing.SearchServicesAsync(Q, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }

        var result = await routing.RouteAsync(id, ServiceId, User.Viewer(), HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            var service = await routing.ServiceNameAsync(result.Value!.ServiceId!.Value, HttpContext.RequestAborted) ?? "";
            return Redirect($"/admin/unrouted?routed={Uri.EscapeDataString(Referral.Reference)}&to={Uri.EscapeDataString(service)}");
        }

        ModelState.AddModelError(nameof(ServiceId), result.Validation?.Errors.FirstOrDefault()?.ErrorMessage ?? result.Message ?? "The referral could not be routed");
        Candidates = await routing.SearchServicesAsync(Q, HttpContext.RequestAborted);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var referral = await routing.FindAsync(User.Viewer(), id, HttpContext.RequestAborted);
        if (referral is null)
        {
            return NotFound();
        }

        Referral = referral;
        return null;
    }
}
