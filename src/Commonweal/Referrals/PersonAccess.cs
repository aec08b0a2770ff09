using Commonweal.Accounts;

namespace Commonweal.Referrals;

/// <summary>On what grounds someone reads a person's record; it is written into the audit log with each read.</summary>
public enum AccessBasis
{
    CareTeam,
    ReferralParty,
    BreakGlass,
}

public sealed record PersonAccessResult(bool Allowed, string? Code, string Reason, AccessBasis? Basis = null)
{
    public static PersonAccessResult Allow(AccessBasis basis, string reason) => new(true, null, reason, basis);

    public static PersonAccessResult Deny(string code, string reason) => new(false, code, reason);
}

/// <summary>What the confidentiality rules need to know about one person.</summary>
public sealed record PersonAccessFacts(
    IReadOnlyList<CareTeamMember> Team,
    IReadOnlyList<Consent> Consents,
    IReadOnlyList<BreakGlassAccess> BreakGlass)
{
    public bool SharesWithCareTeam(DateTime now) =>
        Consents.Any(c => c.Scope == ConsentScope.CareTeamSharing && c.IsActive(now));

    public bool IsOnCareTeam(Viewer viewer) =>
        viewer.UserId is { } id && Team.Any(m => m.IsActive && m.UserId == id);

    public BreakGlassAccess? ActiveBreakGlass(Viewer viewer, DateTime now) =>
        viewer.UserId is { } id ? BreakGlass.FirstOrDefault(b => b.UserId == id && b.IsActive(now)) : null;

    public DateTime? SharingWithdrawnAt => Consents
        .Where(c => c.Scope == ConsentScope.CareTeamSharing && c.WithdrawnAt is not null)
        .Max(c => c.WithdrawnAt);
}

/// <summary>
/// The confidentiality rules for a person's record, in one place; every page and API endpoint that
/// shows personal data asks here (through <see cref="PersonRecords"/>) and nowhere else. Deny by default:
/// <list type="bullet">
/// <item>An active member of the person's care team reads the record while the person's consent to
/// care team sharing stands. Withdrawal stops it at once, for every member.</item>
/// <item>The referrer and the practitioners of the receiving organisation read a referral (and the
/// personal details it carries) while a consent covering that referral stands.</item>
/// <item>Anyone else who works with people (a practitioner or organisation admin) reads the record
/// only by declaring a break-glass reason, which lasts an hour and is reviewed.</item>
/// <item>Nobody else: not commissioners, not platform admins (they review break-glass and report
/// access, without reading the record), not the public.</item>
/// </list>
/// Refusals to outsiders say nothing about whether the person exists. One narrow addition, for
/// concerns only, lives in <see cref="Concerns.ConcernAccess"/>: the safeguarding leads (and, once
/// escalated, the admins) of the care team's organisations see a concern, never the rest of the record.
/// </summary>
public static class PersonAccess
{
    public const string NoAccessMessage = "You do not have access to this person's record.";

    public static PersonAccessResult ReadRecord(PersonAccessFacts facts, Viewer viewer, DateTime now)
    {
        if (!viewer.IsSignedIn)
        {
            return PersonAccessResult.Deny(PersonErrors.SignInRequired, "Sign in to see people's records.");
        }

        if (facts.ActiveBreakGlass(viewer, now) is { } glass)
        {
            return PersonAccessResult.Allow(AccessBasis.BreakGlass, glass.Reason);
        }

        if (facts.IsOnCareTeam(viewer))
        {
            return facts.SharesWithCareTeam(now)
                ? PersonAccessResult.Allow(AccessBasis.CareTeam, "Care team member, with consent to care team sharing.")
                : PersonAccessResult.Deny(PersonErrors.ConsentWithdrawn, ConsentMissingMessage(facts));
        }

        return PersonAccessResult.Deny(PersonErrors.NotAllowed, NoAccessMessage);
    }

    /// <summary>Changing the record, plan or team: care team members with consent; break-glass gives reading only.</summary>
    public static PersonAccessResult ChangeRecord(PersonAccessFacts facts, Viewer viewer, DateTime now)
    {
        var read = ReadRecord(facts, viewer, now);
        return read.Basis == AccessBasis.BreakGlass
            ? PersonAccessResult.Deny(PersonErrors.NotAllowed, "Break-glass access lets you read this record, not change it.")
            : read;
    }

    public static PersonAccessResult ReadReferral(Referral referral, PersonAccessFacts facts, Viewer viewer, DateTime now)
    {
        var record = ReadRecord(facts, viewer, now);
        if (record.Allowed || record.Code == PersonErrors.SignInRequired)
        {
            return record;
        }

        if (!IsParty(referral, viewer))
        {
            return record;
        }

        return facts.Consents.Any(c => c.Covers(referral.Id, now))
            ? PersonAccessResult.Allow(AccessBasis.ReferralParty, "Referrer or receiving service, with consent to this referral.")
            : PersonAccessResult.Deny(PersonErrors.ConsentWithdrawn, "The person's consent to this referral has been withdrawn, so it is no longer shared.");
    }

    /// <summary>The referrer, or someone who works with people at the receiving organisation.</summary>
    public static bool IsParty(Referral referral, Viewer viewer) =>
        IsReferrer(referral, viewer) || IsReceiver(referral, viewer);

    /// <summary>
    /// The person who made the referral, not their colleagues: on the sending side the referral is
    /// theirs, as the record is the care team's. (On the receiving side the whole service works the queue.)
    /// </summary>
    public static bool IsReferrer(Referral referral, Viewer viewer) =>
        viewer.UserId is { } id && referral.ReferrerUserId == id;

    public static bool IsReceiver(Referral referral, Viewer viewer) =>
        referral.ReceivingOrganisationId is { } org && viewer.WorksWithPeopleIn(org);

    private static string ConsentMissingMessage(PersonAccessFacts facts) =>
        facts.SharingWithdrawnAt is { } at
            ? $"The person withdrew consent to care team sharing on {CareTime.Describe(at)}; their record is no longer shared."
            : "The person has not consented to sharing their record with the care team.";
}

public static class PersonErrors
{
    public const string SignInRequired = "people.sign-in-required";
    public const string NotAllowed = "people.not-allowed";
    public const string ConsentWithdrawn = "people.consent-withdrawn";
    public const string ConsentRequired = "referrals.consent-required";
    public const string NotAcceptingReferrals = "referrals.not-accepting";
    public const string TransitionNotAllowed = "referrals.transition-not-allowed";
    public const string Invalid = "people.invalid";
    public const string Duplicate = "people.duplicate";
    public const string NotFound = "people.not-found";
}
