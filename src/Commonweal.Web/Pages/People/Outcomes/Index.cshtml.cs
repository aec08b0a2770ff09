using Commonweal.Outcomes;
using Commonweal.Referrals;
using Commonweal.Web.Components;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Commonweal.Web.Pages.People.Outcomes;

/// <summary>A person's questionnaire answers per referral, and what can be recorded next (the care team).</summary>
public sealed class IndexModel(OutcomeRecording recording, InstrumentCatalogue catalogue, Consents consents) : PageModel
{
    [BindProperty]
    public ConsentForm Consent { get; set; } = new();

    public sealed class ConsentForm
    {
        public ConsentGivenBy? GivenBy { get; set; }
        public ConsentMethod? Method { get; set; }
        public string? RepresentativeName { get; set; }
        public string? RepresentativeRelationship { get; set; }
    }

    public static IReadOnlyList<SelectListItem> GivenByItems { get; } =
        [new("The person", nameof(ConsentGivenBy.Person)), new("Their representative", nameof(ConsentGivenBy.Representative))];

    public static IReadOnlyList<SelectListItem> MethodItems { get; } = EnumItems.For<ConsentMethod>(m => m.ToString());

    /// <summary>Records the person's consent to outcome follow-up, given now.</summary>
    public async Task<IActionResult> OnPostConsentAsync(Guid id)
    {
        var result = await consents.GiveAsync(id, ConsentScope.OutcomeFollowUp, new ConsentInput
        {
            GivenBy = Consent.GivenBy, Method = Consent.Method, RepresentativeName = Consent.RepresentativeName, RepresentativeRelationship = Consent.RepresentativeRelationship,
        }, User.Viewer());
        if (result.Succeeded)
        {
            TempData["Banner"] = "Consent to outcome follow-up recorded";
            return Redirect($"/people/{id}/outcomes");
        }

        if (result.Validation is { IsValid: false } validation)
        {
            foreach (var error in validation.Errors)
            {
                ModelState.AddModelError($"Consent.{error.PropertyName}", error.ErrorMessage);
            }
        }
        else
        {
            ModelState.AddModelError("", result.Message ?? "The consent could not be recorded");
        }

        return await OnGetAsync(id);
    }

    public const string Purpose = "Outcomes page";

    public PersonOutcomes Outcomes { get; private set; } = null!;
    public IReadOnlyDictionary<string, InstrumentDefinition> Instruments { get; private set; } = new Dictionary<string, InstrumentDefinition>();
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var read = await recording.ReadAsync(id, User.Viewer(), Purpose);
        if (!read.Succeeded)
        {
            Refusal = read.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Outcomes = read.Value!;
        Instruments = (await catalogue.AllAsync()).ToDictionary(d => d.Id);
        return Page();
    }

    /// <summary>What may be recorded next for a referral and instrument: the baseline, each follow-up point not yet done, the discharge.</summary>
    public IEnumerable<(string Label, string Url)> Next(OutcomeReferral referral, string instrument)
    {
        if (referral.Status == ReferralStatus.Cancelled)
        {
            yield break;
        }

        var done = Outcomes.Responses.Where(r => r.ReferralId == referral.ReferralId && r.InstrumentKey == instrument).ToList();
        var name = Instruments.GetValueOrDefault(instrument)?.Name ?? instrument;
        var url = $"/people/{Outcomes.Person.Id}/outcomes/record?referral={referral.ReferralId}&instrument={instrument}";
        if (!done.Any(r => r.Timepoint == OutcomeTimepoint.Baseline))
        {
            yield return ($"Record the baseline: {name}", url + "&timepoint=Baseline");
            yield break;
        }

        foreach (var months in referral.Settings.FollowUpMonths.Where(m => !done.Any(r => r.FollowUpMonths == m)))
        {
            yield return ($"Record the {months}-month follow-up: {name}", url + $"&timepoint=FollowUp&months={months}");
        }

        if (!done.Any(r => r.Timepoint == OutcomeTimepoint.Discharge))
        {
            yield return ($"Record the discharge answers: {name}", url + "&timepoint=Discharge");
        }
    }

    public static string Timepoint(OutcomeResponse r) => r.Timepoint switch
    {
        OutcomeTimepoint.Baseline => "Baseline",
        OutcomeTimepoint.FollowUp => $"{r.FollowUpMonths}-month follow-up",
        _ => "Discharge",
    };
}
