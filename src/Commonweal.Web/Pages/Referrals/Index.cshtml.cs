using Commonweal.Data;
using Commonweal.Referrals;
using Commonweal.Web.Accounts;
using Commonweal.Web.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Referrals;

/// <summary>The referrals an organisation's services have received (its queue), and those the user sent.</summary>
public sealed class IndexModel(CommonwealDbContext db, ReferralQueues queues) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Organisation { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReferralStatus? Status { get; set; }

    // From the query only: "page" is also the route value naming the Razor page itself.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];
    public ReferralPage? Received { get; private set; }
    public ReferralPage? Sent { get; private set; }

    public string PageHrefFormat => $"/referrals?organisation={Organisation}&status={Status}&page={{0}}";

    public async Task OnGetAsync()
    {
        Organisations = await ActingFor.ChoicesAsync(db, User);
        Organisation ??= Organisations.Count > 0 ? Guid.Parse(Organisations[0].Value) : null;
        if (Organisation is { } organisation)
        {
            var received = await queues.ReceivedAsync(organisation, User.Viewer(), Status, PageNumber);
            Received = received.Value;
        }

        Sent = (await queues.SentAsync(User.Viewer(), 1)).Value;
    }
}
