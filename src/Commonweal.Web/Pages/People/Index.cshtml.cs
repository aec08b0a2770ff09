using Commonweal.Outcomes;
using Commonweal.Referrals;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.People;

/// <summary>The people whose care team the signed-in practitioner is on.</summary>
public sealed class IndexModel(MyPeople people, DueFollowUps followUps) : PageModel
{
    public IReadOnlyList<CaseloadLine> Caseload { get; private set; } = [];
    public IReadOnlyList<DueFollowUp> FollowUpsDue { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Caseload = await people.CaseloadAsync(User.Viewer());
        FollowUpsDue = await followUps.ForAsync(User.Viewer());
    }
}
