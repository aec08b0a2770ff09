using Commonweal.Data;
using Commonweal.Organisations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Organisations;

[AllowAnonymous]
public sealed class IndexModel(CommonwealDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public Sector? Sector { get; set; }

    // From the query only: "page" is also the route value naming the Razor page itself.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Organisation> Results { get; private set; } = [];
    public int Total { get; private set; }
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
            query = query.Where(o => o.Name.ToUpper().Contains(term) || o.Identifier == term);
        }

        if (Sector is not null)
        {
            query = query.Where(o => o.Sector == Sector);
        }

        Total = await query.CountAsync();
        PageNumber = Math.Min(PageNumber, TotalPages);
        Results = await query.OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    public string PageHrefFormat => $"/organisations?search={Uri.EscapeDataString(Search ?? "")}&sector={Sector}&page={{0}}";
}
