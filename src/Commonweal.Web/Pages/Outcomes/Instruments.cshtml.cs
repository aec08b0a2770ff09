using Commonweal.Outcomes;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Outcomes;

/// <summary>The instruments that can be recorded; commissioners add one by uploading a definition file.</summary>
[AllowAnonymous]
public sealed class InstrumentsModel(InstrumentCatalogue catalogue) : PageModel
{
    public IReadOnlyList<InstrumentDefinition> All { get; private set; } = [];
    public bool CanAdd { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Definition { get; set; }

    public async Task OnGetAsync()
    {
        All = await catalogue.AllAsync();
        CanAdd = OutcomeAccess.MayAddInstrument(User.Viewer());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!OutcomeAccess.MayAddInstrument(User.Viewer()))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        var json = Definition;
        if (Upload is { Length: > 0 })
        {
            using var reader = new StreamReader(Upload.OpenReadStream());
            json = await reader.ReadToEndAsync();
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            ModelState.AddModelError(nameof(Upload), "Choose a definition file (JSON) to upload");
        }
        else
        {
            var added = await catalogue.AddAsync(json, User.Viewer());
            if (added.IsValid)
            {
                TempData["Banner"] = $"{added.Definition!.Name} added: services can now choose it";
                return Redirect("/outcomes/instruments");
            }

            foreach (var error in added.Errors)
            {
                ModelState.AddModelError(nameof(Upload), $"{error.Path}: {error.Message}");
            }
        }

        await OnGetAsync();
        return Page();
    }
}
