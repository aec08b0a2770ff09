using Commonweal.Referrals.CarePlans;
using Commonweal.Web.Accounts;
using Commonweal.Web.Passport;
using Microsoft.AspNetCore.Mvc;

namespace Commonweal.Web.Pages.People.CarePlan;

/// <summary>Adds an action owned by an organisation on the care team, or changes one (recording it done).</summary>
public sealed class ActionModel(CarePlanWork plans) : CarePlanPageModel(plans)
{
    [BindProperty]
    public ActionForm Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public sealed class ActionForm
    {
        public string? Description { get; set; }
        public Guid? OwnerOrganisationId { get; set; }
        public string? DueDate { get; set; }
        public string? DoneDate { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? actionId)
    {
        if (await LoadAsync(id, "Care plan action page", needChange: true) is { } refusal)
        {
            return refusal;
        }

        IsNew = actionId is null;
        if (actionId is not null)
        {
            var action = Plan.Actions.FirstOrDefault(a => a.Id == actionId);
            if (action is null)
            {
                return NotFound();
            }

            Input = new ActionForm
            {
                Description = action.Description,
                OwnerOrganisationId = action.OwnerOrganisationId,
                DueDate = FormText.Date(action.DueDate),
                DoneDate = FormText.Date(action.DoneDate),
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? actionId)
    {
        IsNew = actionId is null;
        var parse = new FormText(ModelState, nameof(Input));
        var input = new ActionInput
        {
            Description = Input.Description,
            OwnerOrganisationId = Input.OwnerOrganisationId,
            DueDate = parse.Date(Input.DueDate, nameof(ActionForm.DueDate), "Due date"),
            DoneDate = parse.Date(Input.DoneDate, nameof(ActionForm.DoneDate), "Done date"),
        };
        if (ModelState.IsValid)
        {
            var result = actionId is null
                ? await Plans.AddActionAsync(id, input, User.Viewer())
                : await Plans.UpdateActionAsync(id, actionId.Value, input, User.Viewer());
            if (result.Succeeded)
            {
                TempData["Banner"] = IsNew ? "Action added to the plan" : "Action changed";
                return Redirect($"/people/{id}/care-plan");
            }

            if (await LoadAsync(id, "Care plan action page", needChange: true) is { } refused)
            {
                return refused;
            }

            AddErrors(result);
            return Page();
        }

        return await LoadAsync(id, "Care plan action page", needChange: true) ?? Page();
    }
}
