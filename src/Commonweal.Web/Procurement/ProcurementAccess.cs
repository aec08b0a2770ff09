using System.Security.Claims;
using Commonweal.Accounts;
using Commonweal.Procurement;
using Commonweal.Web.Accounts;

namespace Commonweal.Web.Procurement;

public static class ProcurementAccess
{
    /// <summary>Published notices are public; a draft only to the members of its commissioning organisations.</summary>
    public static bool CanSee(this ClaimsPrincipal user, Opportunity o) =>
        o.IsPublic || o.Commissioners.Any(c => user.IsMemberOf(c.OrganisationId));

    /// <summary>Commissioners of any of the commissioning organisations edit, publish and cancel.</summary>
    public static bool CanManage(this ClaimsPrincipal user, Opportunity o) =>
        o.Commissioners.Any(c => user.HasRoleIn(c.OrganisationId, MembershipRole.Commissioner));

    /// <summary>A draft's commissioners must include an organisation the user commissions for.</summary>
    public static bool CommissionsForAny(this ClaimsPrincipal user, IEnumerable<Guid> organisations) =>
        organisations.Any(id => user.HasRoleIn(id, MembershipRole.Commissioner));
}
