using Commonweal.Referrals;
using Commonweal.Referrals.Concerns;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Commonweal.Web.Pages.People.Concerns;

/// <summary>
/// The warning callout at the top of a person's page listing their concerns:
/// <c>&lt;vc:concern-banner person="view.Person" facts="view.Facts" /&gt;</c>, given the person and access
/// facts of the record the page has opened. It shows only to readers of the record, and adds no audit
/// entry of its own (the page that hosts it has opened the record, and recorded that).
/// </summary>
public sealed class ConcernBannerViewComponent(ConcernWork concerns) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Person person, PersonAccessFacts facts)
    {
        var list = await concerns.BannerAsync(person, facts, UserClaimsPrincipal.Viewer());
        return View("/Pages/People/Concerns/_ConcernBanner.cshtml", list);
    }
}
