using Commonweal.Data;
using Commonweal.Organisations;

namespace Commonweal.Accounts;

/// <summary>
/// An invitation for a colleague to join an organisation. Only a hash of the token is stored, so a
/// copy of the database does not let anyone accept an invitation.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public Guid Id { get; set; } = NewId.Next();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Email { get; set; }
    public MembershipRole Role { get; set; }
    public required string TokenHash { get; set; }
    public Guid InvitedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid? AcceptedByUserId { get; set; }

    public bool IsOpen(DateTime now) => AcceptedAt is null && now < ExpiresAt;
}
