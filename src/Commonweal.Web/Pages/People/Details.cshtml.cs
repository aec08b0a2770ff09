using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Referrals;
using Commonweal.Web.Accounts;
using Commonweal.Web.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.People;

/// <summary>
/// A person's record: details, consents, care team and referrals. Opened through
/// <see cref="PersonRecords"/>, so every view is checked and audited; outsiders who work with people
/// are offered break-glass, and nobody learns whether a person exists from being refused.
/// </summary>
public sealed class DetailsModel(CommonwealDbContext db, PersonRecords records, Consents consents, CareTeams teams, BreakGlass glass) : PageModel
{
    public PersonView? View { get; private set; }
    public string? Refusal { get; private set; }
    public bool MayBreakGlass { get; private set; }
    public IReadOnlyList<ReferralSummary> Referrals { get; private set; } = [];

    public sealed record ReferralSummary(Guid Id, string Reference, string? Service, ReferralStatus Status, DateTime CreatedAt);

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? MemberEmail { get; set; }

    [BindProperty]
    public string? MemberRole { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostBreakGlassAsync(Guid id)
    {
        var result = await glass.DeclareAsync(id, Reason, User.Viewer());
        if (!result.Succeeded)
        {
            await LoadAsync(id);
            ModelState.AddModelError(nameof(Reason), result.Message!);
            return Page();
        }

        return Redirect($"/people/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid consentId)
    {
        var result = await consents.WithdrawAsync(consentId, Reason, User.Viewer());
        if (!result.Succeeded)
        {
            await LoadAsync(id);
            ModelState.AddModelError(string.Empty, result.Message!);
            return Page();
        }

        TempData["Banner"] = $"Consent to {CareLabels.DisplayName(result.Value!.Scope).ToLowerInvariant()} was withdrawn at {CareTime.Describe(result.Value.WithdrawnAt!.Value)}. Sharing stopped at once.";
        return Redirect(result.Value.Scope == ConsentScope.CareTeamSharing ? "/people" : $"/people/{id}");
    }

    public async Task<IActionResult> OnPostAddMemberAsync(Guid id)
    {
        var normalised = MemberEmail?.Trim().ToUpperInvariant();
        var organisations = await db.Memberships.AsNoTracking()
            .Where(m => m.User!.NormalizedEmail == normalised && (m.Role == MembershipRole.Practitioner || m.Role == MembershipRole.Admin))
            .Select(m => m.OrganisationId).Distinct().ToListAsync();
        var result = await teams.AddAsync(id, MemberEmail, organisations.Count == 1 ? organisations[0] : null, MemberRole, User.Viewer());
        if (!result.Succeeded)
        {
            await LoadAsync(id);
            if (result.Validation is { } validation)
            {
                foreach (var error in validation.Errors)
                {
                    ModelState.AddModelError(error.PropertyName == "role" ? nameof(MemberRole) : nameof(MemberEmail),
                        error.PropertyName == "organisationId" && organisations.Count > 1 ? "They work for several organisations: ask them to add themselves from a referral" : error.ErrorMessage);
                }
            }
            else
            {
                ModelState.AddModelError(string.Empty, result.Message!);
            }

            return Page();
        }

        TempData["Banner"] = $"{result.Value!.Name} is now on the care team.";
        return Redirect($"/people/{id}");
    }

    private async Task LoadAsync(Guid id)
    {
        var opened = await records.OpenAsync(id, User.Viewer(), "person page");
        if (!opened.Succeeded)
        {
            Refusal = opened.Message;
            var viewer = User.Viewer();
            MayBreakGlass = opened.ErrorCode == PersonErrors.NotAllowed && viewer.Memberships.Any(m => viewer.WorksWithPeopleIn(m.OrganisationId));
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        View = opened.Value;
        Referrals = await db.Referrals.AsNoTracking().Where(r => r.PersonId == id).OrderByDescending(r => r.CreatedAt)
            .Select(r => new ReferralSummary(r.Id, r.Reference, r.Service != null ? r.Service.Name : r.RequestedService, r.Status, r.CreatedAt))
            .ToListAsync();
    }
}
