using System.Security.Claims;
using Commonweal.Procurement.Bids;
using Commonweal.Web.Accounts;

namespace Commonweal.Web.Procurement;

public static class BidViewers
{
    /// <summary>The signed-in user as the sealed-bid rules see them; anonymous when not signed in.</summary>
    public static BidViewer BidViewer(this ClaimsPrincipal user) =>
        user.UserId() is { } id ? new BidViewer(id, user.IsPlatformAdmin(), [.. user.Memberships()]) : Commonweal.Procurement.Bids.BidViewer.Anonymous;
}
