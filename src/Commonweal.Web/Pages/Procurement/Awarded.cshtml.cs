using Commonweal.Data;
using Commonweal.Procurement.Awards;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Commonweal.Web.Pages.Procurement;

/// <summary>Contracts awarded: every award in force, newest first, imported past procurements too. Public.</summary>
[AllowAnonymous]
public sealed class AwardedModel(CommonwealDbContext db) : PageModel
{
    public const int PageSize = 20;

    // From the query only: "page" is also the route value naming the Razor page itself.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Award> Results { get; private set; } = [];
    public int Total { get; private set; }
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        (Results, Total) = await AwardQueries.InForceAsync(db, PageNumber, PageSize, HttpContext.RequestAborted);
        return PageNumber > TotalPages ? NotFound() : Page();
    }
}
