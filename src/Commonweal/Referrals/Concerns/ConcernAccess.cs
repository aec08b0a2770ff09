using Commonweal.Accounts;

namespace Commonweal.Referrals.Concerns;

/// <summary>How much of a concern someone sees.</summary>
public enum ConcernSight
{
    /// <summary>A reader of the whole record (<see cref="PersonAccess.ReadRecord"/>): the concern and the rest of the record.</summary>
    Record,

    /// <summary>The designated safeguarding lead of an involved organisation: the person's name, the concern and who raised it, nothing else.</summary>
    SafeguardingLead,

    /// <summary>An admin of an involved organisation, once the concern has escalated: the same narrow view.</summary>
    EscalationAdmin,
}

public sealed record ConcernAccessResult(bool Allowed, string? Code, string Reason, ConcernSight? Sight = null)
{
    public static ConcernAccessResult Allow(ConcernSight sight, string reason) => new(true, null, reason, sight);

    public static ConcernAccessResult Deny(string code, string reason) => new(false, code, reason);
}

/// <summary>
/// The second, narrow confidentiality rule, for concerns only. <see cref="PersonAccess"/> decides who
/// reads a person's record; this adds that a concern reaches the people who must act on it though
/// they are not on the care team. Deny by default:
/// <list type="bullet">
/// <item>Whoever may read the record (<see cref="PersonAccess.ReadRecord"/>) sees the person's concerns with it.</item>
/// <item>A designated safeguarding lead of an involved organisation (the organisation of an active
/// care team member) sees the concern, the person's name and who raised it, and acknowledges it for
/// their organisation; never the rest of the record.</item>
/// <item>Once a concern has escalated, an admin of an involved organisation sees it the same narrow way.</item>
/// <item>While the person's consent to care team sharing is withdrawn, the narrow view stops too,
/// as the record's does: nobody outside the record's readers is told anything.</item>
/// <item>Closing is for those who act on the concern: the care team (as for changing the record, so
/// not break-glass readers) and the involved safeguarding leads; escalation admins only see it.</item>
/// </list>
/// </summary>
public static class ConcernAccess
{
    public const string NoAccessMessage = "You do not have access to this concern.";
    public const string CloseNotAllowedMessage = "Only the care team, or the designated safeguarding lead of an organisation on it, closes a concern.";

    /// <summary>The organisations of the active care team: theirs are the safeguarding leads a concern reaches.</summary>
    public static IReadOnlyList<Organisations.Organisation> InvolvedOrganisations(PersonAccessFacts facts) =>
        [.. facts.Team.Where(m => m.IsActive && m.Organisation is not null).Select(m => m.Organisation!)
            .DistinctBy(o => o.Id).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase)];

    public static ConcernAccessResult See(Concern concern, PersonAccessFacts facts, Viewer viewer, DateTime now)
    {
        var record = PersonAccess.ReadRecord(facts, viewer, now);
        if (record.Allowed)
        {
            return ConcernAccessResult.Allow(ConcernSight.Record, record.Reason);
        }

        if (!viewer.IsSignedIn)
        {
            return ConcernAccessResult.Deny(PersonErrors.SignInRequired, "Sign in to see concerns.");
        }

        if (!facts.SharesWithCareTeam(now))
        {
            return ConcernAccessResult.Deny(PersonErrors.NotAllowed, NoAccessMessage);
        }

        var involved = InvolvedOrganisations(facts);
        if (involved.FirstOrDefault(o => viewer.HasRoleIn(o.Id, MembershipRole.SafeguardingLead)) is { } led)
        {
            return ConcernAccessResult.Allow(ConcernSight.SafeguardingLead, $"Designated safeguarding lead of {led.Name}, an organisation on the care team.");
        }

        if (concern.IsEscalated && involved.FirstOrDefault(o => viewer.HasRoleIn(o.Id, MembershipRole.Admin)) is { } administered)
        {
            return ConcernAccessResult.Allow(ConcernSight.EscalationAdmin, $"Admin of {administered.Name}, an organisation on the care team; the concern has escalated.");
        }

        return ConcernAccessResult.Deny(PersonErrors.NotAllowed, NoAccessMessage);
    }

    /// <summary>
    /// The organisation this viewer closes the person's concerns for: their own on the care team, else
    /// the involved organisation they are safeguarding lead of; null when they may not close them.
    /// </summary>
    public static Organisations.Organisation? ClosesFor(PersonAccessFacts facts, Viewer viewer, DateTime now)
    {
        if (PersonAccess.ChangeRecord(facts, viewer, now).Allowed)
        {
            return facts.Team.First(m => m.IsActive && m.UserId == viewer.UserId).Organisation;
        }

        return viewer.IsSignedIn && facts.SharesWithCareTeam(now)
            ? InvolvedOrganisations(facts).FirstOrDefault(o => viewer.HasRoleIn(o.Id, MembershipRole.SafeguardingLead))
            : null;
    }

    /// <summary>The involved organisations this viewer acknowledges for (as their safeguarding lead) that have not yet; none once the concern is closed.</summary>
    public static IReadOnlyList<Organisations.Organisation> CanAcknowledgeFor(Concern concern, PersonAccessFacts facts, Viewer viewer, DateTime now) =>
        !concern.IsClosed && See(concern, facts, viewer, now).Allowed
            ? [.. InvolvedOrganisations(facts).Where(o => viewer.HasRoleIn(o.Id, MembershipRole.SafeguardingLead) && concern.Acknowledgements.All(a => a.OrganisationId != o.Id))]
            : [];
}
