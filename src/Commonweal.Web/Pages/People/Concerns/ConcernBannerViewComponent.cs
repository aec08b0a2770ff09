using Commonweal.Referrals.Concerns;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Commonweal.Web.Pages.People.Concerns;

/// <summary>
/// The warning callout at the top of a person's page listing their concerns:
/// <c>&lt;vc:concern-banner person-id="Model.Person.Id" /&gt;</c>. It shows only to readers of the
/// record, and adds no audit entry of its own (the page that hosts it has opened the record).
/// </summary>
public sealed class ConcernBannerViewComponent(ConcernWork concerns) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid personId)
    {
        var list = await concerns.BannerAsync(personId, UserClaimsPrincipal.Viewer());
        return View("/Pages/People/Concerns/_ConcernBanner.cshtml", list);
    }
}
