namespace Commonweal.Accounts;

/// <summary>
/// Who is asking, as an access rule needs to know it: the user (null when not signed in), their
/// name for the record, whether a platform admin, and the roles held in each organisation. The web
/// host builds it from the signed-in user's claims; core code never sees an HTTP type.
/// </summary>
public sealed record Viewer(Guid? UserId, string Name, bool IsPlatformAdmin, IReadOnlyCollection<(Guid OrganisationId, MembershipRole Role)> Memberships)
{
    public static Viewer Anonymous { get; } = new(null, "anonymous", false, []);

    public bool IsSignedIn => UserId is not null;

    public bool HasRoleIn(Guid organisationId, MembershipRole role) =>
        Memberships.Any(m => m.OrganisationId == organisationId && m.Role == role);

    public bool IsMemberOf(Guid organisationId) => Memberships.Any(m => m.OrganisationId == organisationId);

    /// <summary>Practitioners and admins act for an organisation on referrals; commissioners and evaluators do not.</summary>
    public bool WorksWithPeopleIn(Guid organisationId) =>
        HasRoleIn(organisationId, MembershipRole.Practitioner) || HasRoleIn(organisationId, MembershipRole.Admin);

    public IEnumerable<Guid> OrganisationsWithRole(MembershipRole role) =>
        Memberships.Where(m => m.Role == role).Select(m => m.OrganisationId).Distinct();
}
