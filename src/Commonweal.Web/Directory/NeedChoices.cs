using Commonweal.Data;
using Commonweal.Directory;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Directory;

public static class NeedChoices
{
    /// <summary>The needs taxonomy's specific needs, each labelled with its broader need, for checkboxes and filters.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> LoadAsync(CommonwealDbContext db)
    {
        var terms = await db.TaxonomyTerms.AsNoTracking().Where(t => t.TaxonomyId == NeedsTaxonomy.TaxonomyId).ToListAsync();
        var names = terms.ToDictionary(t => t.Id, t => t.Name);
        return terms.Where(t => t.ParentId is not null)
            .Select(t => new SelectListItem($"{names[t.ParentId!.Value]}: {t.Name}", t.Id.ToString()))
            .OrderBy(i => i.Text, StringComparer.Ordinal)
            .ToList();
    }
}
