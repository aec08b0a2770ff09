using System.Globalization;
using Commonweal.Outcomes;
using Commonweal.Outcomes.Analysis;
using Commonweal.Web.Accounts;
using Commonweal.Web.Pages.Insight;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Commonweal.Web.Pages.Outcomes;

/// <summary>
/// A contract's outcome targets (its commissioners set them) and its payment statement per quarter,
/// with the working, for its commissioners and suppliers.
/// </summary>
public sealed class ContractModel(OutcomePayments payments, InstrumentCatalogue catalogue) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    [BindProperty]
    public TargetsForm Input { get; set; } = new();

    public sealed class TargetsForm
    {
        public string? Instrument { get; set; }
        public string? Scale { get; set; }
        public string? FollowUpTarget { get; set; }
        public string? FollowUpWeight { get; set; }
        public string? ImprovedTarget { get; set; }
        public string? ImprovedWeight { get; set; }
    }

    public ContractSummary Contract { get; private set; } = null!;
    public IReadOnlyList<PaymentPeriod> Quarters { get; private set; } = [];
    public ContractStatement? Statement { get; private set; }
    public bool CanSetTargets { get; private set; }
    public IReadOnlyList<SelectListItem> QuarterItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ScaleItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }

        if (Statement is null)
        {
            return NotFound();
        }

        var s = Statement.Statement;
        var rows = s.Lines.Select(l => (IReadOnlyList<string>)
        [
            Statement.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Statement.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            OutcomePayment.Name(l.Measure), OutcomePages.Csv(l.Target), OutcomePages.Csv(l.Achieved), OutcomePages.Csv(l.WeightPercent), OutcomePages.Csv(l.Available),
            OutcomePages.Csv(l.ShareEarned), OutcomePages.Csv(l.Amount), OutcomePages.Csv(l.RoundingAdjustment),
        ]).Append(
        [
            Statement.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Statement.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "total", "", "", OutcomePages.Csv(s.OutcomeLinkedPercent), OutcomePages.Csv(s.OutcomeLinkedPart), "", OutcomePages.Csv(s.OutcomeLinkedEarned),
            $"fixed {OutcomePages.Csv(s.FixedPart)}; due {OutcomePages.Csv(s.TotalDue)}",
        ]);
        return InsightPages.Csv($"payment-{id}-{Statement.Period.From:yyyy-MM-dd}.csv",
            ["from", "to", "measure", "target", "achieved", "weight_percent", "available_gbp", "share_earned", "amount_gbp", "rounding_adjustment_gbp"], rows);
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var contract = await payments.ContractAsync(id);
        if (contract is null)
        {
            return NotFound();
        }

        double? Share(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (double.TryParse(text.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                return v / 100;
            }

            ModelState.AddModelError($"Input.{field}", "Enter a percentage, such as 60");
            return null;
        }

        var targets = new List<TargetInput>();
        var followUp = Share(Input.FollowUpTarget, nameof(TargetsForm.FollowUpTarget));
        var followWeight = Share(Input.FollowUpWeight, nameof(TargetsForm.FollowUpWeight));
        var improved = Share(Input.ImprovedTarget, nameof(TargetsForm.ImprovedTarget));
        var improvedWeight = Share(Input.ImprovedWeight, nameof(TargetsForm.ImprovedWeight));
        if (followUp is not null || followWeight is not null)
        {
            targets.Add(new TargetInput { Measure = OutcomeMeasure.FollowUpRate, Instrument = Input.Instrument, Scale = Input.Scale, Target = followUp, WeightPercent = (decimal?)(followWeight * 100) });
        }

        if (improved is not null || improvedWeight is not null)
        {
            targets.Add(new TargetInput { Measure = OutcomeMeasure.ShareImproved, Instrument = Input.Instrument, Scale = Input.Scale, Target = improved, WeightPercent = (decimal?)(improvedWeight * 100) });
        }

        if (ModelState.IsValid)
        {
            var result = await payments.SetTargetsAsync(contract, targets, User.Viewer());
            if (result.Succeeded)
            {
                TempData["Banner"] = "Outcome targets saved";
                return Redirect($"/outcomes/contracts/{id}");
            }

            if (result.Validation is not { IsValid: false })
            {
                return Forbid();
            }

            foreach (var e in result.Validation.Errors)
            {
                var field = e.PropertyName switch
                {
                    var p when p.EndsWith(".target", StringComparison.Ordinal) => p.StartsWith("targets[0]", StringComparison.Ordinal) && targets[0].Measure == OutcomeMeasure.FollowUpRate ? "FollowUpTarget" : "ImprovedTarget",
                    var p when p.EndsWith(".weightPercent", StringComparison.Ordinal) => p.StartsWith("targets[0]", StringComparison.Ordinal) && targets[0].Measure == OutcomeMeasure.FollowUpRate ? "FollowUpWeight" : "ImprovedWeight",
                    var p when p.EndsWith(".scale", StringComparison.Ordinal) => "Scale",
                    var p when p.EndsWith(".instrument", StringComparison.Ordinal) => "Instrument",
                    _ => "FollowUpWeight",
                };
                ModelState.AddModelError($"Input.{field}", e.ErrorMessage);
            }
        }

        return await LoadAsync(id) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var contract = await payments.ContractAsync(id);
        if (contract is null)
        {
            return NotFound();
        }

        var viewer = User.Viewer();
        if (!await payments.MaySeeAsync(viewer, contract))
        {
            return Forbid();
        }

        Contract = contract;
        CanSetTargets = OutcomePayments.IsCommissioner(viewer, contract);
        Quarters = OutcomePayments.Quarters(contract);
        QuarterItems = [.. Quarters.Select(q => new SelectListItem(q.Label, q.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))];
        var targets = await payments.TargetsAsync(id);
        var instrument = await catalogue.FindAsync(targets.FirstOrDefault()?.InstrumentKey ?? Input.Instrument ?? InstrumentCatalogue.Ons4);
        ScaleItems = [.. (instrument?.Scales ?? []).Select(s => new SelectListItem(s.Name, s.Id))];
        if (Request.Method == HttpMethods.Get)
        {
            var f = targets.FirstOrDefault(t => t.Measure == OutcomeMeasure.FollowUpRate);
            var i = targets.FirstOrDefault(t => t.Measure == OutcomeMeasure.ShareImproved);
            Input = new TargetsForm
            {
                Instrument = instrument?.Id, Scale = i?.ScaleKey ?? f?.ScaleKey,
                FollowUpTarget = Percent(f?.Target), FollowUpWeight = f?.WeightPercent.ToString("0.##", CultureInfo.InvariantCulture),
                ImprovedTarget = Percent(i?.Target), ImprovedWeight = i?.WeightPercent.ToString("0.##", CultureInfo.InvariantCulture),
            };
        }

        var period = Quarters.FirstOrDefault(q => q.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == Quarter) ?? Quarters.FirstOrDefault();
        Quarter = period?.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Statement = period is null || targets.Count == 0 ? null : await payments.StatementAsync(contract, period);
        return null;
    }

    private static string? Percent(double? share) => share is { } s ? (s * 100).ToString("0.##", CultureInfo.InvariantCulture) : null;
}
