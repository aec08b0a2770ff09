using Commonweal.Referrals.CarePlans;
using Commonweal.Web.Accounts;
using Commonweal.Web.Passport;
using Microsoft.AspNetCore.Mvc;

namespace Commonweal.Web.Pages.People.CarePlan;

/// <summary>Adds a review date to the plan, or records a review held with its notes.</summary>
public sealed class ReviewModel(CarePlanWork plans) : CarePlanPageModel(plans)
{
    [BindProperty]
    public ReviewForm Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public sealed class ReviewForm
    {
        public string? DueDate { get; set; }
        public string? HeldDate { get; set; }
        public string? Notes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? reviewId)
    {
        if (await LoadAsync(id, "Care plan review page", needChange: true) is { } refusal)
        {
            return refusal;
        }

        IsNew = reviewId is null;
        if (reviewId is not null)
        {
            var review = Plan.Reviews.FirstOrDefault(r => r.Id == reviewId);
            if (review is null)
            {
                return NotFound();
            }

            Input = new ReviewForm { DueDate = FormText.Date(review.DueDate), HeldDate = FormText.Date(review.HeldDate), Notes = review.Notes };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? reviewId)
    {
        IsNew = reviewId is null;
        var parse = new FormText(ModelState, nameof(Input));
        var input = new ReviewInput
        {
            DueDate = parse.Date(Input.DueDate, nameof(ReviewForm.DueDate), "Due date"),
            HeldDate = parse.Date(Input.HeldDate, nameof(ReviewForm.HeldDate), "Date held"),
            Notes = Input.Notes,
        };
        if (ModelState.IsValid)
        {
            var result = reviewId is null
                ? await Plans.AddReviewAsync(id, input, User.Viewer())
                : await Plans.UpdateReviewAsync(id, reviewId.Value, input, User.Viewer());
            if (result.Succeeded)
            {
                TempData["Banner"] = IsNew ? "Review date added to the plan" : "Review changed";
                return Redirect($"/people/{id}/care-plan");
            }

            if (await LoadAsync(id, "Care plan review page", needChange: true) is { } refused)
            {
                return refused;
            }

            AddErrors(result);
            return Page();
        }

        return await LoadAsync(id, "Care plan review page", needChange: true) ?? Page();
    }
}
