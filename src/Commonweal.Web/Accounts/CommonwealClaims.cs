using System.Security.Claims;
using Commonweal.Accounts;

namespace Commonweal.Web.Accounts;

/// <summary>
/// Claims issued at sign-in. A membership becomes a "membership" claim "orgId:Role", and each role
/// also becomes a standard role claim so that [Authorize(Roles = ...)] and policies can use it.
/// </summary>
public static class CommonwealClaims
{
    public const string Membership = "commonweal:membership";
    public const string DisplayName = "commonweal:name";
    public const string PlatformAdminRole = "PlatformAdmin";

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string Name(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";

    public static bool IsPlatformAdmin(this ClaimsPrincipal user) => user.IsInRole(PlatformAdminRole);

    public static IEnumerable<(Guid OrganisationId, MembershipRole Role)> Memberships(this ClaimsPrincipal user) =>
        user.FindAll(Membership)
            .Select(c => c.Value.Split(':'))
            .Where(p => p.Length == 2 && Guid.TryParse(p[0], out _) && Enum.TryParse<MembershipRole>(p[1], out _))
            .Select(p => (Guid.Parse(p[0]), Enum.Parse<MembershipRole>(p[1])));

    public static bool HasRole(this ClaimsPrincipal user, MembershipRole role) => user.IsInRole(role.ToString());

    public static bool HasRoleIn(this ClaimsPrincipal user, Guid organisationId, MembershipRole role) =>
        user.Memberships().Any(m => m.OrganisationId == organisationId && m.Role == role);

    public static bool IsMemberOf(this ClaimsPrincipal user, Guid organisationId) =>
        user.Memberships().Any(m => m.OrganisationId == organisationId);

    /// <summary>The signed-in user as core access rules see them; anonymous when not signed in.</summary>
    public static Viewer Viewer(this ClaimsPrincipal user) =>
        user.UserId() is { } id ? new Viewer(id, user.Name(), user.IsPlatformAdmin(), [.. user.Memberships()]) : Commonweal.Accounts.Viewer.Anonymous;
}
