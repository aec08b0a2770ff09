using Commonweal.Data;
using Commonweal.Outcomes;
using Commonweal.Web.Accounts;
using Commonweal.Web.Api.Outcomes;
using Commonweal.Web.Pages.Insight;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Outcomes;

/// <summary>A service's outcomes beside all services meeting the same needs: for its own organisation and commissioners.</summary>
public sealed class ServiceModel(CommonwealDbContext db, InstrumentCatalogue catalogue, OutcomeAnalysis analysis, OutcomeRecording recording,
    OutcomeSettingsEditing editing, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Instrument { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty]
    public SettingsForm Settings { get; set; } = new();

    public sealed class SettingsForm
    {
        public List<string> Instruments { get; set; } = [];
        public string? FollowUpMonths { get; set; }
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Organisation { get; private set; } = "";
    public bool CanChangeSettings { get; private set; }
    public OutcomeReport Report { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> InstrumentItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        return InsightPages.Csv($"outcomes-{id}-{Report.Instrument.Id}.csv", OutcomePages.FiguresHeader,
            OutcomePages.FiguresRows("service", Report.Figures).Concat(Report.Comparison is { } c ? OutcomePages.FiguresRows("comparison", c) : []));
    }

    public async Task<IActionResult> OnPostSettingsAsync(Guid id)
    {
        var months = new List<int>();
        foreach (var part in (Settings.FollowUpMonths ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var m))
            {
                ModelState.AddModelError("Settings.FollowUpMonths", "Enter the follow-up points as whole numbers of months, such as 3, 6");
                return await LoadAsync(id) ?? Page();
            }

            months.Add(m);
        }

        var result = await editing.SaveAsync(id, new SettingsInput { Instruments = Settings.Instruments, FollowUpMonths = months }, User.Viewer());
        if (result.Succeeded)
        {
            TempData["Banner"] = "Outcome settings saved";
            return Redirect($"/outcomes/services/{id}");
        }

        if (result.Validation is { IsValid: false } validation)
        {
            foreach (var e in validation.Errors)
            {
                ModelState.AddModelError($"Settings.{e.PropertyName}", e.ErrorMessage);
            }

            return await LoadAsync(id) ?? Page();
        }

        return Forbid();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var service = await db.Services.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Id, s.Name, s.OrganisationId, Organisation = s.Organisation!.Name }).FirstOrDefaultAsync();
        if (service is null)
        {
            return NotFound();
        }

        var viewer = User.Viewer();
        if (!OutcomeAccess.MaySeeService(viewer, service.OrganisationId))
        {
            return Forbid();
        }

        (Id, Name, Organisation) = (service.Id, service.Name, service.Organisation);
        CanChangeSettings = OutcomeSettingsEditing.CanChange(viewer, service.OrganisationId);
        var settings = await recording.SettingsAsync(id);
        var all = await catalogue.AllAsync();
        InstrumentItems = [.. all.Select(d => new SelectListItem(d.Name, d.Id))];
        if (Request.Method == HttpMethods.Get)
        {
            Settings = new SettingsForm { Instruments = settings.Instruments, FollowUpMonths = string.Join(", ", settings.FollowUpMonths) };
        }

        var definition = all.FirstOrDefault(d => d.Id == (Instrument ?? settings.Instruments.FirstOrDefault())) ?? all[0];
        Instrument = definition.Id;
        var period = OutcomesApi.Period(time, From, To);
        if (period.Error is { } error)
        {
            ModelState.AddModelError(error.Field == "from" ? nameof(From) : nameof(To), error.Message);
            period = OutcomesApi.Period(time, null, null);
        }

        Report = await analysis.ReportAsync(definition, new OutcomeScope(OutcomeScopeKind.Service, id), await analysis.NeedsOfAsync(id), period.From, period.To);
        return null;
    }
}
