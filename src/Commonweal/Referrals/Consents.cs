using Commonweal.Accounts;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Referrals;

/// <summary>Recording and withdrawing consent. Withdrawal is immediate: the next read is refused.</summary>
public sealed class Consents(CommonwealDbContext db, PersonRecords records)
{
    public static Consent From(ConsentInput input, Guid personId, ConsentScope scope, Guid? referralId, Viewer viewer, DateTime now) => new()
    {
        PersonId = personId,
        Scope = scope,
        ReferralId = referralId,
        GivenBy = input.GivenBy!.Value,
        RepresentativeName = input.GivenBy == ConsentGivenBy.Representative ? input.RepresentativeName?.Trim() : null,
        RepresentativeRelationship = input.GivenBy == ConsentGivenBy.Representative ? input.RepresentativeRelationship?.Trim() : null,
        Method = input.Method!.Value,
        GivenAt = now,
        RecordedByUserId = viewer.UserId,
        RecordedBy = viewer.Name,
    };

    /// <summary>A care team member records a new consent (outcome follow-up, or sharing given again).</summary>
    public async Task<CareResult<Consent>> GiveAsync(Guid personId, ConsentScope scope, ConsentInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var facts = await records.FactsAsync(personId, cancellationToken);
        // Consent given again is recorded by someone who was on the team when it was withdrawn.
        var allowed = facts.IsOnCareTeam(viewer) || PersonAccess.ChangeRecord(facts, viewer, db.Now).Allowed;
        if (!viewer.IsSignedIn || !allowed)
        {
            return CareResult<Consent>.Fail(viewer.IsSignedIn ? PersonErrors.NotAllowed : PersonErrors.SignInRequired, PersonAccess.NoAccessMessage);
        }

        if (scope == ConsentScope.Referral)
        {
            return CareResult<Consent>.Invalid("scope", "Consent to one referral is recorded when the referral is made");
        }

        var validation = ConsentInputValidator.Instance.Validate(input);
        if (!validation.IsValid)
        {
            return CareResult<Consent>.Invalid(validation);
        }

        var consent = From(input, personId, scope, null, viewer, db.Now);
        db.Consents.Add(consent);
        await db.SaveChangesAsync(cancellationToken);
        return CareResult<Consent>.Ok(consent);
    }

    /// <summary>
    /// Withdraws a consent, as the person asked. Any care team member (or a party to the referral it
    /// covers) may record it, even though it ends their own access: that is the point.
    /// </summary>
    public async Task<CareResult<Consent>> WithdrawAsync(Guid consentId, string? reason, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsSignedIn)
        {
            return CareResult<Consent>.Fail(PersonErrors.SignInRequired, "Sign in to record a withdrawal of consent.");
        }

        var consent = await db.Consents.FirstOrDefaultAsync(c => c.Id == consentId, cancellationToken);
        var facts = consent is null ? null : await records.FactsAsync(consent.PersonId, cancellationToken);
        var referral = consent?.ReferralId is { } referralId ? await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken) : null;
        var allowed = consent is not null && facts is not null
            && (facts.IsOnCareTeam(viewer) || (referral is not null && PersonAccess.IsParty(referral, viewer)));
        if (!allowed)
        {
            return CareResult<Consent>.Fail(PersonErrors.NotAllowed, PersonAccess.NoAccessMessage);
        }

        if (consent!.WithdrawnAt is not null)
        {
            return CareResult<Consent>.Fail(PersonErrors.TransitionNotAllowed, $"This consent was already withdrawn at {CareTime.Describe(consent.WithdrawnAt.Value)}.");
        }

        if (reason?.Length > Consent.TextMaxLength)
        {
            return CareResult<Consent>.Invalid("reason", $"Reason must be {Consent.TextMaxLength} characters or fewer");
        }

        consent.WithdrawnAt = db.Now;
        consent.WithdrawnReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        consent.WithdrawalRecordedBy = viewer.Name;
        await db.SaveChangesAsync(cancellationToken);
        return CareResult<Consent>.Ok(consent);
    }
}
