using System.Security.Claims;
using Commonweal.Accounts;
using Commonweal.Web.Accounts;

namespace Commonweal.Web.Passport;

/// <summary>
/// A passport holds DBS and volunteer records and insurance documents: only the organisation's own
/// members see it, and only its admins change it. Nobody else, platform admins and commissioners
/// included; bids reach it through <see cref="Commonweal.Passport.PassportQueries"/>, not these pages.
/// </summary>
public static class PassportAccess
{
    public static bool CanSeePassportOf(this ClaimsPrincipal user, Guid organisationId) => user.IsMemberOf(organisationId);

    public static bool CanChangePassportOf(this ClaimsPrincipal user, Guid organisationId) => user.HasRoleIn(organisationId, MembershipRole.Admin);
}
