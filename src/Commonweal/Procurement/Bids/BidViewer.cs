using Commonweal.Accounts;

namespace Commonweal.Procurement.Bids;

/// <summary>
/// Who is asking, as the sealed-bid rules need to know it: the user (null when not signed in),
/// whether a platform admin, and the roles held in each organisation. The web host builds it from
/// the signed-in user's claims; core code never sees an HTTP type.
/// </summary>
public sealed record BidViewer(Guid? UserId, bool IsPlatformAdmin, IReadOnlyCollection<(Guid OrganisationId, MembershipRole Role)> Memberships)
{
    public static BidViewer Anonymous { get; } = new(null, false, []);

    public bool IsSignedIn => UserId is not null;

    public bool HasRoleIn(Guid organisationId, MembershipRole role) =>
        Memberships.Any(m => m.OrganisationId == organisationId && m.Role == role);

    public bool IsMemberOf(Guid organisationId) => Memberships.Any(m => m.OrganisationId == organisationId);

    public bool CommissionsFor(Opportunity o) => o.Commissioners.Any(c => HasRoleIn(c.OrganisationId, MembershipRole.Commissioner));

    public IEnumerable<Guid> AdminOf => Memberships.Where(m => m.Role == MembershipRole.Admin).Select(m => m.OrganisationId).Distinct();
}
