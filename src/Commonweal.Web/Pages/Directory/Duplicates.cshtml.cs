using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Web.Directory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Pages.Directory;

/// <summary>Stewards see services that look entered twice and merge each pair into the one to keep.</summary>
public sealed class DuplicatesModel(CommonwealDbContext db) : PageModel
{
    public IReadOnlyList<DuplicateServices.Candidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!User.IsDirectorySteward())
        {
            return Forbid();
        }

        Candidates = await DuplicateServices.FindAsync(db);
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid keep, Guid remove)
    {
        if (!User.IsDirectorySteward())
        {
            return Forbid();
        }

        var found = await db.Services.Where(s => s.Id == keep || s.Id == remove).Select(s => s.Name).ToListAsync();
        if (keep == remove || found.Count != 2)
        {
            return NotFound();
        }

        await DuplicateServices.MergeAsync(db, keep, remove);
        TempData["Banner"] = "Services merged.";
        return RedirectToPage();
    }
}
