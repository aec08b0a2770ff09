using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Passport;
using Commonweal.Procurement;
using Commonweal.Web.Accounts;
using Commonweal.Web.Components;
using Commonweal.Web.Directory;
using Commonweal.Web.Organisations;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Procurement;

/// <summary>Creating a draft (no reference) or changing one; after saving, the draft's page shows the fairness check.</summary>
public sealed class EditModel(CommonwealDbContext db) : PageModel
{
    [BindProperty]
    public OpportunityForm Input { get; set; } = new();

    public Opportunity? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> CommissionerChoices { get; private set; } = [];
    public IReadOnlyList<SelectListItem> NeedItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Types { get; } = EnumItems.For<OpportunityType>(ProcurementLabels.DisplayName);
    public IReadOnlyList<SelectListItem> Processes { get; } = EnumItems.For<ProcurementProcess>(ProcurementLabels.DisplayName);
    public IReadOnlyList<SelectListItem> Kinds { get; } = EnumItems.For<CriterionKind>(ProcurementLabels.DisplayName);
    public IReadOnlyList<SelectListItem> EvidenceItems { get; } = EnumItems.For<EvidenceKind>(EvidenceNames.DisplayName);

    public async Task<IActionResult> OnGetAsync(string? reference)
    {
        if (await LoadAsync(reference) is { } refusal)
        {
            return refusal;
        }

        if (Existing is null)
        {
            var mine = User.Memberships().Where(m => m.Role == MembershipRole.Commissioner).Select(m => m.OrganisationId).Distinct().ToList();
            Input = OpportunityForm.From(new OpportunityDraft
            {
                Commissioners = mine.Take(1).Select(id => new OpportunityDraft.CommissionerShare { OrganisationId = id, Share = 100m }).ToList(),
            }, null);
        }
        else
        {
            Input = OpportunityForm.From(OpportunityDraft.From(Existing), Existing.IncumbentOrganisation?.Identifier);
        }

        Input.PadRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? reference)
    {
        if (await LoadAsync(reference) is { } refusal)
        {
            return refusal;
        }

        Guid? incumbentId = null;
        if (!string.IsNullOrWhiteSpace(Input.IncumbentIdentifier))
        {
            var identifier = Input.IncumbentIdentifier.Trim().ToUpperInvariant();
            incumbentId = await db.Organisations.Where(o => o.Identifier == identifier).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
            if (incumbentId is null)
            {
                ModelState.AddModelError("Input.IncumbentIdentifier", "No organisation has that identifier: enter one like GB-NHS-F84901");
            }
        }

        var unreadable = new HashSet<string>(ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key));
        var (draft, fieldOf) = Input.ToDraft(incumbentId, (field, message) =>
        {
            unreadable.Add($"Input.{field}");
            ModelState.AddModelError($"Input.{field}", message);
        });
        // All the draft's rules run, but a field that could not be read keeps only that message.
        foreach (var error in (await OpportunityEditing.ValidateAsync(db, draft)).Errors)
        {
            var field = $"Input.{fieldOf(error.PropertyName)}";
            if (!unreadable.Contains(field))
            {
                ModelState.AddModelError(field, error.ErrorMessage);
            }
        }

        if (ModelState.IsValid && !User.CommissionsForAny(draft.Commissioners.Select(c => c.OrganisationId)))
        {
            ModelState.AddModelError("Input.Commissioners[0].OrganisationId", "Include an organisation you commission for");
        }

        if (!ModelState.IsValid)
        {
            Input.PadRows();
            return Page();
        }

        Opportunity saved;
        if (Existing is null)
        {
            saved = await OpportunityEditing.CreateAsync(db, draft, User.UserId());
        }
        else
        {
            var result = await OpportunityEditing.UpdateAsync(db, Existing, draft);
            if (!result.Succeeded)
            {
                ModelState.AddModelError("", result.Message!);
                Input.PadRows();
                return Page();
            }

            saved = Existing;
        }

        TempData["Banner"] = "The draft has been saved. Check what the fairness check found before publishing.";
        return Redirect($"/opportunities/{saved.Reference}#fairness");
    }

    private async Task<IActionResult?> LoadAsync(string? reference)
    {
        if (reference is not null)
        {
            Existing = await db.Opportunities.WithDetails().FirstOrDefaultAsync(o => o.Reference == reference.ToUpperInvariant());
            if (Existing is null || !User.CanSee(Existing))
            {
                return NotFound();
            }

            if (!User.CanManage(Existing))
            {
                return Forbid();
            }

            if (Existing.Status != OpportunityStatus.Draft)
            {
                TempData["Banner"] = "Only a draft can be changed.";
                return Redirect($"/opportunities/{Existing.Reference}");
            }
        }
        else if (!User.HasRole(MembershipRole.Commissioner))
        {
            return Forbid();
        }

        CommissionerChoices = await OrganisationChoices.CommissionersAsync(db);
        NeedItems = await NeedChoices.LoadAsync(db);
        return null;
    }
}
