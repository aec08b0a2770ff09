using System.Globalization;
using Commonweal.Data;
using Commonweal.Procurement;
using Commonweal.Procurement.Bids;
using Commonweal.Web.Procurement;
using Microsoft.AspNetCore.Mvc;

namespace Commonweal.Web.Pages.Procurement.Bids;

/// <summary>An answer to each award criterion, with its scoring descriptors beside it, and the price.</summary>
public sealed class AnswersModel(CommonwealDbContext db, SealedBids bids, BidEditing editing) : BidPageModel(db, bids)
{
    /// <summary>One answer per criterion, in criterion order.</summary>
    [BindProperty]
    public List<string?> Answers { get; set; } = [];

    /// <summary>Text, so that "not a number" can be told apart from blank and named in the error.</summary>
    [BindProperty]
    public string? Price { get; set; }

    public IReadOnlyList<AwardCriterion> Criteria => [.. View.Opportunity!.Criteria.OrderBy(c => c.Order)];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id, needChange: true) is { } refused)
        {
            return refused;
        }

        Answers = [.. Criteria.Select(c => View.Content!.AnswerTo(c.Id))];
        Price = View.Content!.Price?.ToString("0.##", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id, needChange: true) is { } refused)
        {
            return refused;
        }

        decimal? price = null;
        if (!string.IsNullOrWhiteSpace(Price))
        {
            var cleaned = Price.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal).Trim();
            if (decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
            {
                price = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(Price), "Enter the price as a number, like 125000");
            }
        }

        var draft = BidDraft.From(Bid, View.Content!);
        draft.Answers = [.. Criteria.Select((c, i) => new AnswerInput { CriterionId = c.Id, Text = i < Answers.Count ? Answers[i] : null })];
        draft.Price = price;
        if (ModelState.IsValid)
        {
            var outcome = await editing.UpdateAsync(id, draft, User.BidViewer(), HttpContext.RequestAborted);
            if (outcome.Succeeded)
            {
                TempData["Banner"] = "Your answers have been saved.";
                return Redirect($"/bids/{id}");
            }

            // answers[i].text on the API is the i-th textarea here, because both follow criterion order.
            AddErrors(outcome, f => f.StartsWith("Answers[", StringComparison.Ordinal) ? f.Split('.')[0] : f == "price" ? nameof(Price) : f);
        }

        return Page();
    }
}
