using System.Security.Claims;
using Commonweal.Accounts;
using Commonweal.Web.Accounts;

namespace Commonweal.Web.Directory;

public static class DirectoryAccess
{
    /// <summary>An organisation's admins keep its services; platform admins can too.</summary>
    public static bool CanEditServicesOf(this ClaimsPrincipal user, Guid organisationId) =>
        user.HasRoleIn(organisationId, MembershipRole.Admin) || user.IsPlatformAdmin();

    /// <summary>
    /// Stewards check (assure) records, review providers' changes to assured records and merge
    /// duplicates: commissioners, who rely on the directory being true, and platform admins.
    /// </summary>
    public static bool IsDirectorySteward(this ClaimsPrincipal user) =>
        user.HasRole(MembershipRole.Commissioner) || user.IsPlatformAdmin();
}
