using Commonweal.Outcomes;
using Commonweal.Referrals;
using Commonweal.Web.Accounts;
using Commonweal.Web.Passport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Commonweal.Web.Pages.People.Outcomes;

/// <summary>
/// Records a person's answers to one questionnaire, for one referral, at the point chosen on the
/// outcomes page (baseline, a follow-up point, discharge). The rules are the core's: the care team,
/// with consent to outcome follow-up; every answer present and in range.
/// </summary>
public sealed class RecordModel(OutcomeRecording recording, InstrumentCatalogue catalogue, TimeProvider time) : PageModel
{
    public const string Purpose = "Record outcome page";

    [BindProperty(SupportsGet = true)]
    public Guid Referral { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Instrument { get; set; }

    [BindProperty(SupportsGet = true)]
    public OutcomeTimepoint? Timepoint { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Months { get; set; }

    [BindProperty]
    public ResponseForm Input { get; set; } = new();

    public sealed class ResponseForm
    {
        public string? CompletedOn { get; set; }
        public List<string?> Answers { get; set; } = [];
    }

    public PersonOutcomes Outcomes { get; private set; } = null!;
    public OutcomeReferral? ReferralLine { get; private set; }
    public InstrumentDefinition? Definition { get; private set; }
    public string? Refusal { get; private set; }

    public string Heading => Timepoint switch
    {
        OutcomeTimepoint.Baseline => "Baseline",
        OutcomeTimepoint.FollowUp => $"{Months}-month follow-up",
        OutcomeTimepoint.Discharge => "Discharge",
        _ => "Answers",
    };

    public static IReadOnlyList<SelectListItem> Choices(InstrumentItem item) =>
        [.. item.Choices().Select(c => new SelectListItem(c.Label, c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        Input.Answers = [.. Definition!.Items.Select(_ => (string?)null)];
        Input.CompletedOn = FormText.Date(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        var parse = new FormText(ModelState, nameof(Input));
        var answers = new Dictionary<string, int?>();
        for (var i = 0; i < Definition!.Items.Count; i++)
        {
            var text = i < Input.Answers.Count ? Input.Answers[i] : null;
            answers[Definition.Items[i].Id] = int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
        }

        while (Input.Answers.Count < Definition.Items.Count)
        {
            Input.Answers.Add(null);
        }

        var input = new ResponseInput
        {
            ReferralId = Referral,
            Instrument = Instrument,
            Timepoint = Timepoint,
            FollowUpMonths = Months,
            CompletedOn = parse.Date(Input.CompletedOn, nameof(ResponseForm.CompletedOn), "Date answered"),
            Answers = answers,
        };
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await recording.RecordAsync(id, input, User.Viewer());
        if (result.Succeeded)
        {
            TempData["Banner"] = $"{Heading} answers recorded for {Outcomes.Person.FullName}";
            return Redirect($"/people/{id}/outcomes");
        }

        if (result.ErrorCode is PersonErrors.NotAllowed or PersonErrors.SignInRequired or PersonErrors.ConsentWithdrawn)
        {
            return Refuse(result.Message!);
        }

        if (result.Validation is { IsValid: false } validation)
        {
            foreach (var error in validation.Errors)
            {
                var item = Definition.Items.FindIndex(i => InstrumentScoring.Field(i.Id) == error.PropertyName);
                var key = item >= 0 ? $"Input.Answers[{item}]"
                    : error.PropertyName == nameof(ResponseInput.CompletedOn) ? $"Input.{nameof(ResponseForm.CompletedOn)}" : "";
                ModelState.AddModelError(key, error.ErrorMessage);
            }
        }
        else
        {
            ModelState.AddModelError("", result.Message ?? "The answers could not be recorded");
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var read = await recording.ReadAsync(id, User.Viewer(), Purpose);
        if (!read.Succeeded)
        {
            return Refuse(read.Message!);
        }

        Outcomes = read.Value!;
        if (!Outcomes.CanRecord)
        {
            return Refuse("Break-glass access lets you read this record, not change it.");
        }

        ReferralLine = Outcomes.Referrals.FirstOrDefault(r => r.ReferralId == Referral);
        Definition = await catalogue.FindAsync(Instrument);
        return ReferralLine is null || Definition is null || Timepoint is null ? NotFound() : null;
    }

    private PageResult Refuse(string reason)
    {
        Refusal = reason;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
