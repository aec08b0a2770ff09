using Commonweal.Data;

namespace Commonweal.Referrals;

public enum CareTeamSource
{
    /// <summary>The practitioner who registered the person.</summary>
    Registration,

    /// <summary>Joined by sending or accepting a referral.</summary>
    Referral,

    /// <summary>Added by a care team member, with the person's consent to care team sharing.</summary>
    Added,
}

/// <summary>
/// A practitioner on a person's care team, with the organisation they act for and their role. Members
/// are people, not whole organisations: a colleague of a member does not read the record by being one.
/// </summary>
public sealed class CareTeamMember
{
    public const int RoleMaxLength = 100;

    public Guid Id { get; set; } = NewId.Next();
    public Guid PersonId { get; set; }
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    public Guid OrganisationId { get; set; }
    public Organisations.Organisation? Organisation { get; set; }
    public required string Role { get; set; }
    public CareTeamSource Source { get; set; }
    public Guid? ReferralId { get; set; }
    public DateTime JoinedAt { get; set; }
    public DateTime? LeftAt { get; set; }

    public bool IsActive => LeftAt is null;
}
