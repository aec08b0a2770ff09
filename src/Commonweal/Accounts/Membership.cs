using Commonweal.Data;
using Commonweal.Organisations;

namespace Commonweal.Accounts;

/// <summary>
/// What a user may do for an organisation. One user can hold several roles in several organisations
/// (a GP who is also a trustee of a local charity, say), so roles live here and not on the user.
/// </summary>
public enum MembershipRole
{
    /// <summary>Keeps the organisation's profile, services and passport; invites colleagues; bids.</summary>
    Admin,
    Commissioner,
    Evaluator,
    Practitioner,

    /// <summary>The organisation's designated safeguarding lead: sees and acknowledges concerns about people its staff work with.</summary>
    SafeguardingLead,
}

public sealed class Membership
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid UserId { get; set; }
    public User? User { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public MembershipRole Role { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class MembershipRoles
{
    public static string DisplayName(MembershipRole role) => role switch
    {
        MembershipRole.Admin => "Organisation admin",
        MembershipRole.Commissioner => "Commissioner",
        MembershipRole.Evaluator => "Evaluator",
        MembershipRole.Practitioner => "Practitioner or link worker",
        MembershipRole.SafeguardingLead => "Designated safeguarding lead",
        _ => role.ToString(),
    };

    /// <summary>Only commissioning bodies' staff commission; anyone may evaluate, practise or administer.</summary>
    public static bool AllowedFor(MembershipRole role, LegalForm? form) =>
        role != MembershipRole.Commissioner || LegalForms.IsStatutoryCommissioner(form) || LegalForms.SectorOf(form) == Sector.Third;
}
