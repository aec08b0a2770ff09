using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals;

/// <summary>
/// Keeps a service's places in the directory true: accepted and in-progress referrals hold a place;
/// when a service with a limit is full it stops accepting referrals, and reopens when a place frees,
/// unless its provider had closed it by hand.
/// </summary>
public static class ReferralCapacity
{
    /// <summary>Counts the service's places from the referrals themselves, the one just changed included, so the figure cannot drift.</summary>
    public static async Task RecountAsync(CommonwealDbContext db, Referral changed, CancellationToken cancellationToken)
    {
        if (changed.ServiceId is not { } serviceId)
        {
            return;
        }

        var service = await db.Services.FirstAsync(s => s.Id == serviceId, cancellationToken);
        var others = await db.Referrals.CountAsync(
            r => r.ServiceId == serviceId && r.Id != changed.Id && (r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.InProgress),
            cancellationToken);
        Apply(service, others + (changed.HoldsPlace ? 1 : 0));
    }

    public static void Apply(Directory.Service service, int active)
    {
        service.ActiveReferrals = active;
        if (service.ReferralCapacity is not { } capacity)
        {
            return;
        }

        if (active >= capacity && service.AcceptingReferrals)
        {
            service.AcceptingReferrals = false;
            service.PausedAtCapacity = true;
        }
        else if (active < capacity && service.PausedAtCapacity)
        {
            service.AcceptingReferrals = true;
            service.PausedAtCapacity = false;
        }
    }
}
