using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Web.Components;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Organisations;

/// <summary>The option lists of the organisation forms, with the names people read.</summary>
public static class OrganisationChoices
{
    public static IEnumerable<SelectListItem> LegalForms => EnumItems.For<LegalForm>(f => Commonweal.Organisations.LegalForms.DisplayName(f));

    public static IEnumerable<SelectListItem> Activities =>
        EnumItems.For<Activities>(OrganisationLabels.DisplayName).Where(i => i.Value != nameof(Commonweal.Organisations.Activities.None));

    public static IEnumerable<SelectListItem> IncomeBands => EnumItems.For<IncomeBand>(OrganisationLabels.DisplayName);

    public static IEnumerable<SelectListItem> IdentifierSchemes =>
        OrgIdentifier.Schemes.Select(s => new SelectListItem($"{s.Register} ({s.Prefix})", s.Prefix));

    /// <summary>Organisations that commission: integrated care boards, councils and any with a member in the Commissioner role.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> CommissionersAsync(CommonwealDbContext db)
    {
        var commissioning = db.Memberships.Where(m => m.Role == MembershipRole.Commissioner).Select(m => m.OrganisationId);
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => o.LegalForm == LegalForm.IntegratedCareBoard || o.LegalForm == LegalForm.LocalAuthority || commissioning.Contains(o.Id))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync();
        // Ids are written out here, not by the database (SQLite's text is upper case), so that they match the bound value.
        return organisations.Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();
    }
}
