using Commonweal.Referrals.Concerns;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.People.Concerns;

/// <summary>
/// The signed-in user's concerns: about people whose care team they are on; for the organisations they
/// are safeguarding lead of; and, once escalated, for those they administer.
/// </summary>
public sealed class MineModel(ConcernWork concerns) : PageModel
{
    public IReadOnlyList<ConcernView> Concerns { get; private set; } = [];

    public async Task OnGetAsync() => Concerns = await concerns.MineAsync(User.Viewer());
}
