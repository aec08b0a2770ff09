using System.Security.Claims;
using Commonweal.Data;
using Commonweal.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Web.Referrals;

/// <summary>The organisations the signed-in user works with people for (as practitioner or admin), as form choices.</summary>
public static class ActingFor
{
    public static async Task<IReadOnlyList<SelectListItem>> ChoicesAsync(CommonwealDbContext db, ClaimsPrincipal user)
    {
        var viewer = user.Viewer();
        var ids = viewer.Memberships.Select(m => m.OrganisationId).Where(viewer.WorksWithPeopleIn).Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync();
    }
}
