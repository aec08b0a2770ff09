using Commonweal.Accounts;

namespace Commonweal.Outcomes;

/// <summary>
/// Who sees unsuppressed outcome figures. Deny by default: commissioners (any organisation's
/// Commissioner-role members) see every service's; a provider's members see their own services';
/// everyone else sees only the public summary, where small numbers are suppressed.
/// </summary>
public static class OutcomeAccess
{
    public static bool IsCommissioner(Viewer viewer) => viewer.OrganisationsWithRole(MembershipRole.Commissioner).Any();

    public static bool MaySeeService(Viewer viewer, Guid serviceOrganisationId) =>
        viewer.IsSignedIn && (IsCommissioner(viewer) || viewer.IsMemberOf(serviceOrganisationId));

    /// <summary>Figures across many providers (a need, an area, the comparison view) are for commissioners.</summary>
    public static bool MaySeeAcrossProviders(Viewer viewer) => viewer.IsSignedIn && IsCommissioner(viewer);

    /// <summary>Adding an instrument changes what every service may record: commissioners only.</summary>
    public static bool MayAddInstrument(Viewer viewer) => viewer.IsSignedIn && IsCommissioner(viewer);
}
