using System.Security.Claims;
using Commonweal.Accounts;
using Commonweal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Commonweal.Web.Accounts;

/// <summary>Adds the user's memberships and roles to the sign-in cookie.</summary>
public sealed class CommonwealClaimsFactory(
    UserManager<User> users,
    IOptions<IdentityOptions> options,
    CommonwealDbContext db)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CommonwealClaims.DisplayName, user.DisplayName));
        if (user.IsPlatformAdmin)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, CommonwealClaims.PlatformAdminRole));
        }

        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == user.Id)
            .Select(m => new { m.OrganisationId, m.Role })
            .ToListAsync();
        foreach (var m in memberships)
        {
            identity.AddClaim(new Claim(CommonwealClaims.Membership, $"{m.OrganisationId}:{m.Role}"));
        }

        foreach (var role in memberships.Select(m => m.Role).Distinct())
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role.ToString()));
        }

        return identity;
    }
}
