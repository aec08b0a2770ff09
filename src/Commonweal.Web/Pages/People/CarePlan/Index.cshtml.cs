using Commonweal.Referrals.CarePlans;
using Microsoft.AspNetCore.Mvc;

namespace Commonweal.Web.Pages.People.CarePlan;

public sealed class IndexModel(CarePlanWork plans) : CarePlanPageModel(plans)
{
    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id, "Care plan page") ?? Page();
}
