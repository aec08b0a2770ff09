using Commonweal.Data;
using Commonweal.Outcomes;
using Commonweal.Outcomes.Analysis;
using Commonweal.Web.Accounts;
using Commonweal.Web.Api.Outcomes;
using Commonweal.Web.Directory;
using Commonweal.Web.Pages.Insight;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Outcomes;

/// <summary>
/// The commissioner's view: every service meeting one need side by side on outcomes, follow-up
/// rate and cost per outcome, so that a small organisation with good outcomes is seen beside a
/// large provider. Commissioners only.
/// </summary>
public sealed class IndexModel(CommonwealDbContext db, InstrumentCatalogue catalogue, OutcomeAnalysis analysis, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Need { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Instrument { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Scale { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The page of the services table: a need can have thousands of services, so they come 50 at a time.</summary>
    // From the query only: "page" is also the route value naming the Razor page itself.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The page of the providers table, which at scale is as long as the services table.</summary>
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "provider_page")]
    public int ProviderPageNumber { get; set; } = 1;

    public const int PageSize = 50;

    public sealed record ProviderRow(Guid OrganisationId, string Organisation, int Services, decimal ContractValue, int Paired, int Improved, double? FollowUpRate, decimal? CostPerOutcome);

    public IReadOnlyList<SelectListItem> Needs { get; private set; } = [];
    public IReadOnlyList<SelectListItem> InstrumentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ScaleItems { get; private set; } = [];
    public string? NeedName { get; private set; }
    public InstrumentDefinition Definition { get; private set; } = null!;
    public InstrumentScale ChosenScale { get; private set; } = null!;
    public ServiceComparison? Comparison { get; private set; }
    public IReadOnlyList<ProviderRow> Providers { get; private set; } = [];
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }

    public int TotalPages => Pages(Comparison?.Services.Count ?? 0);

    /// <summary>This page's services; the CSV has them all.</summary>
    public IReadOnlyList<ServiceFigures> PageOfServices => Comparison is null ? [] : [.. Comparison.Services.Skip((PageNumber - 1) * PageSize).Take(PageSize)];

    public int ProviderPages => Pages(Providers.Count);

    public IReadOnlyList<ProviderRow> PageOfProviders => [.. Providers.Skip((ProviderPageNumber - 1) * PageSize).Take(PageSize)];

    /// <summary>Each table's pages keep the other table's page.</summary>
    public string PageHrefFormat => Href("{0}", ProviderPageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string ProviderPageHrefFormat => Href(PageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), "{0}");

    private string Href(string page, string providerPage) =>
        $"/outcomes?need={Need}&instrument={Uri.EscapeDataString(Instrument ?? "")}&scale={Uri.EscapeDataString(Scale ?? "")}&from={PeriodFrom:yyyy-MM-dd}&to={PeriodTo:yyyy-MM-dd}&page={page}&provider_page={providerPage}";

    private static int Pages(int count) => Math.Max(1, (count + PageSize - 1) / PageSize);

    /// <summary>What a paged table's caption adds: how many there are and which are shown (nothing on one page).</summary>
    public static string Shown(int total, int page, int onPage, string what) =>
        Pages(total) <= 1 ? "" : $": {total:N0} {what}, {(page - 1) * PageSize + 1:N0} to {(page - 1) * PageSize + onPage:N0} shown";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (await LoadAsync() is { } refusal)
        {
            return refusal;
        }

        if (Comparison is null)
        {
            return BadRequest();
        }

        var providers = Providers.ToDictionary(p => p.OrganisationId);
        return InsightPages.Csv($"outcomes-by-service-{Definition.Id}-{ChosenScale.Id}.csv",
            ["service_id", "service", "organisation", "scale", "n_referred", "n_baseline", "n_paired", "follow_up_rate", "mean_change", "ci_low", "ci_high",
             "share_improved", "share_deteriorated", "n_improved", "provider_contract_value_gbp", "provider_cost_per_outcome_gbp"],
            Comparison.Services.Select(s =>
            {
                var x = s.Figures.Scale(ChosenScale.Id)!.Change;
                var p = providers.GetValueOrDefault(s.OrganisationId);
                return (IReadOnlyList<string>)
                [
                    s.ServiceId.ToString(), s.Service, s.Organisation, ChosenScale.Id, OutcomePages.Csv(s.Figures.Counts.NReferred), OutcomePages.Csv(s.Figures.Counts.NBaseline),
                    OutcomePages.Csv(s.Figures.Counts.NPaired), OutcomePages.Csv(s.Figures.Counts.FollowUpRate), OutcomePages.Csv(x.MeanChange), OutcomePages.Csv(x.CiLow),
                    OutcomePages.Csv(x.CiHigh), OutcomePages.Csv(x.ShareImproved), OutcomePages.Csv(x.ShareDeteriorated), OutcomePages.Csv(x.NImproved),
                    OutcomePages.Csv(p?.ContractValue), OutcomePages.Csv(p?.CostPerOutcome),
                ];
            }));
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (!OutcomeAccess.MaySeeAcrossProviders(User.Viewer()))
        {
            return Forbid();
        }

        Needs = await NeedChoices.LoadAsync(db, includeBroadNeeds: true);
        var all = await catalogue.AllAsync();
        InstrumentItems = [.. all.Select(d => new SelectListItem(d.Name, d.Id))];
        Definition = all.FirstOrDefault(d => d.Id == Instrument) ?? all[0];
        Instrument = Definition.Id;
        ChosenScale = Definition.Scale(Scale ?? "") ?? Definition.Scales[0];
        Scale = ChosenScale.Id;
        ScaleItems = [.. Definition.Scales.Select(s => new SelectListItem(s.Name, s.Id))];
        var period = OutcomesApi.Period(time, From, To);
        if (period.Error is { } error)
        {
            ModelState.AddModelError(error.Field == "from" ? nameof(From) : nameof(To), error.Message);
            period = OutcomesApi.Period(time, null, null);
        }

        (PeriodFrom, PeriodTo) = (period.From, period.To);
        if (Need is not { } need)
        {
            return null;
        }

        NeedName = await db.TaxonomyTerms.Where(t => t.Id == need).Select(t => t.Name).FirstOrDefaultAsync();
        if (NeedName is null)
        {
            ModelState.AddModelError(nameof(Need), "Select a need");
            return null;
        }

        Comparison = await analysis.CompareServicesAsync(Definition, need, period.From, period.To);
        PageNumber = Math.Clamp(PageNumber, 1, TotalPages);
        var values = await analysis.ContractValuesAsync(need, period.From, period.To, [.. Comparison.Services.Select(s => s.OrganisationId).Distinct()]);
        Providers = [.. Comparison.Services.GroupBy(s => (s.OrganisationId, s.Organisation)).Select(g =>
        {
            var paired = g.Sum(s => s.Figures.Counts.NPaired);
            var baseline = g.Sum(s => s.Figures.Counts.NBaseline);
            var improved = g.Sum(s => s.Figures.Scale(ChosenScale.Id)?.Change.NImproved ?? 0);
            var value = values.GetValueOrDefault(g.Key.OrganisationId);
            return new ProviderRow(g.Key.OrganisationId, g.Key.Organisation, g.Count(), value, paired, improved,
                baseline == 0 ? null : (double)paired / baseline, value > 0 ? CostPerOutcome.Compute(value, improved) : null);
        }).OrderBy(p => p.Organisation, StringComparer.Ordinal)];
        ProviderPageNumber = Math.Clamp(ProviderPageNumber, 1, ProviderPages);
        return null;
    }
}
