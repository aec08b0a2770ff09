using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Organisations;
using Commonweal.Web.Accounts;
using Commonweal.Web.Directory;
using Commonweal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Directory;

/// <summary>
/// Adding a service (with an organisation id) or editing one (with a service id). Edits to a
/// checked record are held for a steward's review; everything else is saved at once.
/// </summary>
public sealed class EditServiceModel(CommonwealDbContext db) : PageModel
{
    [BindProperty]
    public ServiceProfile Input { get; set; } = new();

    public Organisation Organisation { get; private set; } = null!;
    public Service? Existing { get; private set; }
    public bool HasPendingChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? organisationId)
    {
        if (await LoadAsync(id, organisationId) is { } refusal)
        {
            return refusal;
        }

        Input = Existing is null ? new ServiceProfile() : ServiceProfile.From(Existing);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, Guid? organisationId)
    {
        if (await LoadAsync(id, organisationId) is { } refusal)
        {
            return refusal;
        }

        if (ModelState.IsValid)
        {
            var validator = new ServiceProfileValidator(await ServiceEditing.KnownNeedsAsync(db));
            ModelState.AddErrors(await validator.ValidateAsync(Input), nameof(Input));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var service = Existing ?? new Service { Name = "", OrganisationId = Organisation.Id };
        if (Existing is null)
        {
            db.Services.Add(service);
        }

        var outcome = await ServiceEditing.SubmitAsync(db, service, Input, User.UserId()!.Value);
        TempData["Banner"] = outcome == ServiceEditing.Outcome.Applied
            ? "The service has been saved."
            : "This service's details have been checked, so your changes will be reviewed before they appear. You can see them on your organisation's services page.";
        return Redirect($"/services/{service.Id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid? id, Guid? organisationId)
    {
        if (id is { } serviceId)
        {
            Existing = await db.Services.Include(s => s.TaxonomyTerms).FirstOrDefaultAsync(s => s.Id == serviceId);
            if (Existing is null)
            {
                return NotFound();
            }

            organisationId = Existing.OrganisationId;
            HasPendingChange = await db.ServiceChanges.AnyAsync(c => c.ServiceId == serviceId && c.Status == ServiceChangeStatus.Pending);
        }

        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId);
        if (organisation is null)
        {
            return NotFound();
        }

        if (!User.CanEditServicesOf(organisation.Id))
        {
            return Forbid();
        }

        Organisation = organisation;
        ViewData["NeedChoices"] = await NeedChoices.LoadAsync(db);
        return null;
    }
}
