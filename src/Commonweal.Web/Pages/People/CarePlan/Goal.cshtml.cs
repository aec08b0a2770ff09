using Commonweal.Referrals.CarePlans;
using Commonweal.Web.Accounts;
using Commonweal.Web.Components;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Commonweal.Web.Pages.People.CarePlan;

/// <summary>Adds a goal to the plan, or changes one (its words or its status).</summary>
public sealed class GoalModel(CarePlanWork plans) : CarePlanPageModel(plans)
{
    [BindProperty]
    public GoalInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public IEnumerable<SelectListItem> Statuses => EnumItems.For<GoalStatus>(GoalStatuses.DisplayName);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? goalId)
    {
        if (await LoadAsync(id, "Care plan goal page", needChange: true) is { } refusal)
        {
            return refusal;
        }

        IsNew = goalId is null;
        if (goalId is not null)
        {
            var goal = Plan.Goals.FirstOrDefault(g => g.Id == goalId);
            if (goal is null)
            {
                return NotFound();
            }

            Input = new GoalInput { Text = goal.Text, Status = goal.Status };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? goalId)
    {
        IsNew = goalId is null;
        var result = goalId is null
            ? await Plans.AddGoalAsync(id, Input, User.Viewer())
            : await Plans.UpdateGoalAsync(id, goalId.Value, Input, User.Viewer());
        if (result.Succeeded)
        {
            TempData["Banner"] = IsNew ? "Goal added to the plan" : "Goal changed";
            return Redirect($"/people/{id}/care-plan");
        }

        if (await LoadAsync(id, "Care plan goal page", needChange: true) is { } refusal)
        {
            return refusal;
        }

        AddErrors(result);
        return Page();
    }
}
