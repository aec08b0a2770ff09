using Commonweal.Referrals;
using Commonweal.Referrals.CarePlans;
using Commonweal.Web.Accounts;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Commonweal.Web.Pages.People.CarePlan;

/// <summary>
/// The care plan pages' common loading: the plan as <see cref="PersonAccess"/> lets the signed-in
/// user see it (each load audited with the page's purpose), or the rule's reason, shown with a 403.
/// </summary>
public abstract class CarePlanPageModel(CarePlanWork plans) : PageModel
{
    protected CarePlanWork Plans => plans;

    public CarePlanView Plan { get; private set; } = null!;
    public string? Refusal { get; private set; }

    public string PersonName => $"{Plan.Person.GivenName} {Plan.Person.FamilyName}";

    public IEnumerable<SelectListItem> OwnerOrganisations =>
        Plan.CareTeamOrganisations.Select(o => new SelectListItem(o.Name, o.Id.ToString()));

    public static string Day(DateOnly? day) => day?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "–";

    /// <summary>Null when the page may be shown; otherwise the 403 page with the reason.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, string purpose, bool needChange = false)
    {
        var plan = await plans.ReadAsync(id, User.Viewer(), purpose);
        if (!plan.Succeeded)
        {
            return Refuse(plan.Message!);
        }

        Plan = plan.Value!;
        return needChange && !Plan.CanChange ? Refuse("Break-glass access lets you read this record, not change it.") : null;
    }

    protected IActionResult Refuse(string reason)
    {
        Refusal = reason;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    /// <summary>Field errors from the core, under the form's own field names; anything else for the whole form.</summary>
    protected void AddErrors<T>(CareResult<T> result)
    {
        if (result.Validation is { IsValid: false } validation)
        {
            foreach (ValidationFailure error in validation.Errors)
            {
                ModelState.AddModelError($"Input.{error.PropertyName}", error.ErrorMessage);
            }
        }
        else
        {
            ModelState.AddModelError("", result.Message ?? "The change could not be saved");
        }
    }
}
