using Commonweal.Organisations;
using Commonweal.Web.Components;
using Microsoft.AspNetCore.Mvc.Rendering;

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
}
