using Commonweal.Data;
using Commonweal.Referrals;
using Commonweal.Web.Accounts;
using Commonweal.Web.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.People;

/// <summary>A practitioner registers a person, with their consent to sharing their record with the care team.</summary>
public sealed class NewModel(CommonwealDbContext db, PeopleRegistry registry) : PageModel
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    /// <summary>Shown once a possible duplicate has been found, so the practitioner can confirm.</summary>
    public bool AskToConfirm { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Organisations = await ActingFor.ChoicesAsync(db, User);
        return Organisations.Count == 0 ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Organisations = await ActingFor.ChoicesAsync(db, User);
        if (Organisations.Count == 0)
        {
            return Forbid();
        }

        Input.OrganisationId ??= Organisations.Count == 1 ? Guid.Parse(Organisations[0].Value) : null;
        var draft = Input.ToDraft(ModelState, nameof(Input));
        var unreadableDate = !ModelState.IsValid;
        // Checked even when the date could not be read, so that every error is shown at once; an unread date is never registered.
        var result = await registry.RegisterAsync(draft, User.Viewer());
        if (!result.Succeeded)
        {
            AskToConfirm = result.Validation?.Errors.Any(e => e.PropertyName == nameof(PersonForm.ConfirmNotDuplicate)) == true;
            if (unreadableDate && result.Validation is { } validation)
            {
                validation.Errors.RemoveAll(e => e.PropertyName == nameof(PersonForm.DateOfBirth));
            }

            ModelState.AddTo(result);
            return Page();
        }

        TempData["Banner"] = $"{result.Value!.FullName} is registered, and you are on their care team.";
        return Redirect($"/people/{result.Value.Id}");
    }
}
