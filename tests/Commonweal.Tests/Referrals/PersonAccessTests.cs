using Commonweal.Accounts;
using Commonweal.Referrals;

namespace Commonweal.Tests.Referrals;

/// <summary>The confidentiality rule on its own, from every kind of reader.</summary>
public sealed class PersonAccessTests
{
    private static readonly DateTime Now = new(2027, 3, 3, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid PersonId = Guid.CreateVersion7();
    private static readonly Guid GpPractice = Guid.CreateVersion7();
    private static readonly Guid Charity = Guid.CreateVersion7();
    private static readonly Guid Elsewhere = Guid.CreateVersion7();

    private static Viewer User(Guid organisation, MembershipRole role, bool admin = false) =>
        new(Guid.CreateVersion7(), "someone", admin, [(organisation, role)]);

    private static CareTeamMember Member(Viewer viewer, Guid organisation, DateTime? left = null) =>
        new() { PersonId = PersonId, UserId = viewer.UserId!.Value, OrganisationId = organisation, Role = "GP", LeftAt = left };

    private static Consent Sharing(DateTime? withdrawn = null) =>
        new() { PersonId = PersonId, Scope = ConsentScope.CareTeamSharing, GivenAt = Now.AddDays(-10), WithdrawnAt = withdrawn };

    [Fact]
    public void CareTeamMember_WithConsent_Reads()
    {
        var gp = User(GpPractice, MembershipRole.Practitioner);
        var facts = new PersonAccessFacts([Member(gp, GpPractice)], [Sharing()], []);

        var access = PersonAccess.ReadRecord(facts, gp, Now);

        Assert.True(access.Allowed);
        Assert.Equal(AccessBasis.CareTeam, access.Basis);
    }

    [Fact]
    public void ColleagueOfAMember_InTheSameOrganisation_IsRefused()
    {
        var gp = User(GpPractice, MembershipRole.Practitioner);
        var colleague = User(GpPractice, MembershipRole.Practitioner);
        var facts = new PersonAccessFacts([Member(gp, GpPractice)], [Sharing()], []);

        var access = PersonAccess.ReadRecord(facts, colleague, Now);

        Assert.False(access.Allowed);
        Assert.Equal(PersonErrors.NotAllowed, access.Code);
    }

    [Fact]
    public void Outsiders_AreRefused_WithTheSameAnswerAsForNobody()
    {
        var gp = User(GpPractice, MembershipRole.Practitioner);
        var facts = new PersonAccessFacts([Member(gp, GpPractice)], [Sharing()], []);
        var nobody = new PersonAccessFacts([], [], []);
        Viewer[] outsiders =
        [
            User(Elsewhere, MembershipRole.Practitioner),
            User(Elsewhere, MembershipRole.Commissioner),
            User(GpPractice, MembershipRole.Commissioner),
            new(Guid.CreateVersion7(), "platform admin", true, []),
        ];

        foreach (var outsider in outsiders)
        {
            var known = PersonAccess.ReadRecord(facts, outsider, Now);
            var unknown = PersonAccess.ReadRecord(nobody, outsider, Now);
            Assert.False(known.Allowed);
            Assert.Equal(unknown, known);
        }
    }

    [Fact]
    public void Anonymous_MustSignIn()
    {
        var access = PersonAccess.ReadRecord(new PersonAccessFacts([], [Sharing()], []), Viewer.Anonymous, Now);

        Assert.Equal(PersonErrors.SignInRequired, access.Code);
    }

    [Fact]
    public void WithdrawnSharing_StopsEveryMember_FromTheMomentOfWithdrawal()
    {
        var gp = User(GpPractice, MembershipRole.Practitioner);
        var facts = new PersonAccessFacts([Member(gp, GpPractice)], [Sharing(withdrawn: Now)], []);

        Assert.True(PersonAccess.ReadRecord(facts, gp, Now.AddSeconds(-1)).Allowed);
        var after = PersonAccess.ReadRecord(facts, gp, Now);
        Assert.False(after.Allowed);
        Assert.Equal(PersonErrors.ConsentWithdrawn, after.Code);
        Assert.Contains("withdrew consent", after.Reason);
    }

    [Fact]
    public void LeftTheCareTeam_IsRefused()
    {
        var gp = User(GpPractice, MembershipRole.Practitioner);
        var facts = new PersonAccessFacts([Member(gp, GpPractice, left: Now.AddDays(-1))], [Sharing()], []);

        Assert.False(PersonAccess.ReadRecord(facts, gp, Now).Allowed);
    }

    [Fact]
    public void BreakGlass_ReadsForAnHour_AndNeverChanges()
    {
        var stranger = User(Elsewhere, MembershipRole.Practitioner);
        var glass = new BreakGlassAccess { PersonId = PersonId, UserId = stranger.UserId!.Value, Reason = "Ambulance crew asked about allergies", DeclaredAt = Now, ExpiresAt = Now + BreakGlassAccess.Lasts };
        var facts = new PersonAccessFacts([], [Sharing(withdrawn: Now.AddDays(-1))], [glass]);

        var read = PersonAccess.ReadRecord(facts, stranger, Now.AddMinutes(59));
        Assert.True(read.Allowed);
        Assert.Equal(AccessBasis.BreakGlass, read.Basis);
        Assert.False(PersonAccess.ChangeRecord(facts, stranger, Now.AddMinutes(59)).Allowed);
        Assert.False(PersonAccess.ReadRecord(facts, stranger, Now.AddHours(1)).Allowed);
        // Someone else's declaration opens nothing for anyone else.
        Assert.False(PersonAccess.ReadRecord(facts, User(Elsewhere, MembershipRole.Practitioner), Now).Allowed);
    }

    [Fact]
    public void ReferralParties_ReadTheReferral_OnlyWhileItsConsentStands()
    {
        var referrer = User(GpPractice, MembershipRole.Practitioner);
        var receiver = User(Charity, MembershipRole.Admin);
        var referral = new Referral { PersonId = PersonId, ReferrerUserId = referrer.UserId, ReferringOrganisationId = GpPractice, ReceivingOrganisationId = Charity, ServiceId = Guid.CreateVersion7() };
        var consent = new Consent { PersonId = PersonId, Scope = ConsentScope.Referral, ReferralId = referral.Id, GivenAt = Now.AddDays(-1) };
        var facts = new PersonAccessFacts([], [consent], []);

        Assert.Equal(AccessBasis.ReferralParty, PersonAccess.ReadReferral(referral, facts, receiver, Now).Basis);
        Assert.True(PersonAccess.ReadReferral(referral, facts, referrer, Now).Allowed);
        // A consent to another referral covers nothing here, and the charity's evaluator is not a party.
        var other = new PersonAccessFacts([], [new Consent { PersonId = PersonId, Scope = ConsentScope.Referral, ReferralId = Guid.CreateVersion7(), GivenAt = Now.AddDays(-1) }], []);
        Assert.False(PersonAccess.ReadReferral(referral, other, receiver, Now).Allowed);
        Assert.False(PersonAccess.ReadReferral(referral, facts, User(Charity, MembershipRole.Evaluator), Now).Allowed);

        consent.WithdrawnAt = Now;
        Assert.Equal(PersonErrors.ConsentWithdrawn, PersonAccess.ReadReferral(referral, facts, receiver, Now).Code);
        Assert.False(PersonAccess.ReadReferral(referral, facts, referrer, Now).Allowed);
    }
}
