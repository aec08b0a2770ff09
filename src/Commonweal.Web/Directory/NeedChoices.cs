using Commonweal.Data;
using Commonweal.Directory;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Directory;

public static class NeedChoices
{
    /// <summary>
    /// The needs taxonomy's specific needs, each labelled with its broader need, for checkboxes;
    /// with <paramref name="includeBroadNeeds"/> also the broad needs themselves, for search filters.
    /// </summary>
    public static async Task<IReadOnlyList<SelectListItem>> LoadAsync(CommonwealDbContext db, bool includeBroadNeeds = false)
    {
        var terms = await db.TaxonomyTerms.AsNoTracking().Where(t => t.TaxonomyId == NeedsTaxonomy.TaxonomyId).ToListAsync();
        var names = terms.ToDictionary(t => t.Id, t => t.Name);
        return terms.Where(t => includeBroadNeeds || t.ParentId is not null)
            .Select(t => new SelectListItem(t.ParentId is { } parent ? $"{names[parent]}: {t.Name}" : $"{t.Name}: all", t.Id.ToString()))
            .OrderBy(i => i.Text, StringComparer.Ordinal)
            .ToList();
    }
}
