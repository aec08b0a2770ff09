using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Passport;
using Commonweal.Web.Accounts;
using Commonweal.Web.Passport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Passport;

/// <summary>
/// Adding an item of evidence (with ?kind=) or changing one (with its id): its details, its
/// documents, a volunteer's training, and removing it. Only the organisation's admins.
/// </summary>
public sealed class EvidenceModel(CommonwealDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public EvidenceForm Input { get; set; } = new();

    [BindProperty]
    public TrainingForm Training { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Organisation Organisation { get; private set; } = null!;
    public Evidence? Existing { get; private set; }
    public EvidenceKind Kind { get; private set; }
    public ItemStatus? Status { get; private set; }

    private string PassportUrl => $"/organisations/{Organisation.Id}/passport";

    public async Task<IActionResult> OnGetAsync(Guid organisationId, Guid? id, EvidenceKind? kind)
    {
        if (await LoadAsync(organisationId, id, kind) is { } refusal)
        {
            return refusal;
        }

        if (Existing is not null)
        {
            Input = EvidenceForm.From(EvidenceDetails.From(Existing));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid organisationId, Guid? id, EvidenceKind? kind)
    {
        if (await LoadAsync(organisationId, id, kind) is { } refusal)
        {
            return refusal;
        }

        var details = Input.ToDetails(Kind, ModelState, nameof(Input));
        if (Existing is not null)
        {
            // The page edits training row by row, so saving the volunteer's details leaves it alone.
            details.Training = null;
        }

        AddErrors(PassportEditing.Check(details), nameof(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Existing is null)
        {
            var added = await PassportEditing.AddAsync(db, Organisation.Id, details);
            TempData["Banner"] = $"{PassportLabels.DisplayName(Kind)} added. You can now upload documents for it.";
            return Redirect($"{PassportUrl}/evidence/{added.Id}");
        }

        await PassportEditing.UpdateAsync(db, Existing, details);
        TempData["Banner"] = $"{PassportLabels.DisplayName(Kind)}: your changes have been saved.";
        return Redirect(PassportUrl);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid organisationId, Guid? id)
    {
        if (await LoadAsync(organisationId, id, null) is { } refusal)
        {
            return refusal;
        }

        if (Existing is null)
        {
            return NotFound();
        }

        await PassportEditing.RemoveAsync(db, Existing);
        TempData["Banner"] = $"{PassportLabels.DisplayName(Kind)}: the item has been removed.";
        return Redirect(PassportUrl);
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid organisationId, Guid? id)
    {
        if (await LoadAsync(organisationId, id, null) is { } refusal)
        {
            return refusal;
        }

        if (Existing is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Upload is null || Upload.Length == 0)
        {
            return Refuse(nameof(Upload), "Select a document to upload");
        }

        // Refused before reading, so that an oversized file is never held in memory.
        if (Upload.Length > PassportDocuments.MaxLength)
        {
            return Refuse(nameof(Upload), PassportDocuments.Inspect(Upload.FileName, Upload.Length, []).Error!);
        }

        using var buffer = new MemoryStream((int)Upload.Length);
        await Upload.CopyToAsync(buffer);
        var result = await PassportDocuments.AttachAsync(db, Existing, Upload.FileName, buffer.ToArray(), User.UserId());
        if (result.Error is not null)
        {
            return Refuse(nameof(Upload), result.Error);
        }

        TempData["Banner"] = result.Reused
            ? $"You had already uploaded {result.Document!.FileName}, so the copy you hold is used: no document is stored twice."
            : $"{result.Document!.FileName} has been uploaded.";
        return Redirect($"{PassportUrl}/evidence/{Existing.Id}");
    }

    public async Task<IActionResult> OnPostDetachAsync(Guid organisationId, Guid? id, Guid documentId)
    {
        if (await LoadAsync(organisationId, id, null) is { } refusal)
        {
            return refusal;
        }

        if (Existing is null)
        {
            return NotFound();
        }

        await PassportDocuments.DetachAsync(db, Existing.Id, documentId);
        TempData["Banner"] = "The document has been removed.";
        return Redirect($"{PassportUrl}/evidence/{Existing.Id}");
    }

    public async Task<IActionResult> OnPostAddTrainingAsync(Guid organisationId, Guid? id)
    {
        if (await LoadAsync(organisationId, id, null) is { } refusal)
        {
            return refusal;
        }

        if (Existing is not Volunteer volunteer)
        {
            return NotFound();
        }

        var training = Training.ToDetails(ModelState, nameof(Training));
        AddErrors(new TrainingDetailsValidator().Validate(training), nameof(Training));
        if (!ModelState.IsValid)
        {
            Input = EvidenceForm.From(EvidenceDetails.From(Existing));
            return Page();
        }

        await PassportEditing.AddTrainingAsync(db, volunteer, training);
        TempData["Banner"] = $"{training.Course!.Trim()} has been added to {volunteer.Reference}'s training.";
        return Redirect($"{PassportUrl}/evidence/{volunteer.Id}");
    }

    public async Task<IActionResult> OnPostRemoveTrainingAsync(Guid organisationId, Guid? id, Guid trainingId)
    {
        if (await LoadAsync(organisationId, id, null) is { } refusal)
        {
            return refusal;
        }

        if (Existing is not Volunteer volunteer)
        {
            return NotFound();
        }

        await PassportEditing.RemoveTrainingAsync(db, volunteer, trainingId);
        TempData["Banner"] = "The training record has been removed.";
        return Redirect($"{PassportUrl}/evidence/{volunteer.Id}");
    }

    private PageResult Refuse(string field, string message)
    {
        ModelState.AddModelError(field, message);
        Input = EvidenceForm.From(EvidenceDetails.From(Existing!));
        return Page();
    }

    /// <summary>Validator messages under the form's field names; a field already refused for its format keeps that one message.</summary>
    private void AddErrors(FluentValidation.Results.ValidationResult result, string prefix)
    {
        foreach (var error in result.Errors)
        {
            var key = $"{prefix}.{error.PropertyName}";
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            ModelState.AddModelError(key, error.ErrorMessage);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid organisationId, Guid? id, EvidenceKind? kind)
    {
        if (!User.CanChangePassportOf(organisationId))
        {
            return Forbid();
        }

        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId);
        if (organisation is null)
        {
            return NotFound();
        }

        Organisation = organisation;
        if (id is { } evidenceId)
        {
            Existing = await PassportEditing.FindAsync(db, organisationId, evidenceId);
            if (Existing is null)
            {
                return NotFound();
            }

            Kind = Existing.Kind;
            var status = PassportStatus.Compute(await PassportStatus.LoadEvidenceAsync(db, organisationId), time.GetUtcNow().UtcDateTime);
            Status = status[Kind].Items.FirstOrDefault(i => i.Evidence.Id == evidenceId);
            return null;
        }

        if (kind is not { } newKind || !Enum.IsDefined(newKind))
        {
            return NotFound();
        }

        Kind = newKind;
        return null;
    }
}
