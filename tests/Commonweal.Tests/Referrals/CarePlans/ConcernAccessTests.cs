using Commonweal.Accounts;
using Commonweal.Organisations;
using Commonweal.Referrals;
using Commonweal.Referrals.Concerns;

namespace Commonweal.Tests.Referrals.CarePlans;

/// <summary>The narrow concern rule on its own, trying each way round it.</summary>
public sealed class ConcernAccessTests
{
    private static readonly DateTime Now = new(2027, 3, 3, 14, 5, 0, DateTimeKind.Utc);
    private static readonly Organisation Gp = new() { Id = Guid.CreateVersion7(), Name = "Bow Road Surgery" };
    private static readonly Organisation Council = new() { Id = Guid.CreateVersion7(), Name = "London Borough of Tower Hamlets" };
    private static readonly Organisation Elsewhere = new() { Id = Guid.CreateVersion7(), Name = "Mile End Carers Centre" };
    private static readonly Guid GpUser = Guid.CreateVersion7();
    private static readonly Guid SocialWorker = Guid.CreateVersion7();

    private static PersonAccessFacts Facts(bool withdrawn = false, bool socialWorkerLeft = false)
    {
        var person = Guid.CreateVersion7();
        CareTeamMember Member(Guid user, Organisation o, DateTime? left = null) => new()
        {
            PersonId = person, UserId = user, OrganisationId = o.Id, Organisation = o, Role = "Practitioner", JoinedAt = Now.AddDays(-10), LeftAt = left,
        };
        var consent = new Consent
        {
            PersonId = person, Scope = ConsentScope.CareTeamSharing, GivenAt = Now.AddDays(-10), WithdrawnAt = withdrawn ? Now.AddMinutes(-1) : null,
        };
        return new PersonAccessFacts([Member(GpUser, Gp), Member(SocialWorker, Council, socialWorkerLeft ? Now.AddDays(-1) : null)], [consent], []);
    }

    private static Viewer As(Guid user, Organisation o, MembershipRole role) => new(user, "Someone", false, [(o.Id, role)]);

    private static Concern HighConcern(bool escalated = false) =>
        new() { Severity = ConcernSeverity.High, Kind = ConcernKind.Safeguarding, RaisedAt = Now.AddHours(-5), EscalatedAt = escalated ? Now.AddHours(-1) : null };

    [Fact]
    public void CareTeamMember_SeesTheConcernWithTheRecord()
    {
        var see = ConcernAccess.See(HighConcern(), Facts(), As(GpUser, Gp, MembershipRole.Practitioner), Now);
        Assert.True(see.Allowed);
        Assert.Equal(ConcernSight.Record, see.Sight);
    }

    [Fact]
    public void SafeguardingLead_OfAnInvolvedOrganisation_SeesTheConcernOnly_AndAcknowledgesForIt()
    {
        var lead = As(Guid.CreateVersion7(), Council, MembershipRole.SafeguardingLead);
        var see = ConcernAccess.See(HighConcern(), Facts(), lead, Now);
        Assert.True(see.Allowed);
        Assert.Equal(ConcernSight.SafeguardingLead, see.Sight);
        Assert.False(PersonAccess.ReadRecord(Facts(), lead, Now).Allowed);
        Assert.Equal([Council.Id], ConcernAccess.CanAcknowledgeFor(HighConcern(), Facts(), lead, Now).Select(o => o.Id));

        var acknowledged = HighConcern();
        acknowledged.Acknowledgements.Add(new ConcernAcknowledgement { OrganisationId = Council.Id });
        Assert.Empty(ConcernAccess.CanAcknowledgeFor(acknowledged, Facts(), lead, Now));
    }

    [Fact]
    public void SafeguardingLead_OfAnOrganisationNotInvolved_SeesNothing()
    {
        var see = ConcernAccess.See(HighConcern(escalated: true), Facts(), As(Guid.CreateVersion7(), Elsewhere, MembershipRole.SafeguardingLead), Now);
        Assert.False(see.Allowed);
        Assert.Equal(PersonErrors.NotAllowed, see.Code);
    }

    [Fact]
    public void SafeguardingLead_WhoseOrganisationHasLeftTheTeam_SeesNothing()
    {
        var see = ConcernAccess.See(HighConcern(), Facts(socialWorkerLeft: true), As(Guid.CreateVersion7(), Council, MembershipRole.SafeguardingLead), Now);
        Assert.False(see.Allowed);
    }

    [Fact]
    public void Admin_OfAnInvolvedOrganisation_SeesTheConcernOnlyOnceEscalated_AndCannotAcknowledge()
    {
        var admin = As(Guid.CreateVersion7(), Gp, MembershipRole.Admin);
        Assert.False(ConcernAccess.See(HighConcern(), Facts(), admin, Now).Allowed);
        var escalated = ConcernAccess.See(HighConcern(escalated: true), Facts(), admin, Now);
        Assert.True(escalated.Allowed);
        Assert.Equal(ConcernSight.EscalationAdmin, escalated.Sight);
        Assert.Empty(ConcernAccess.CanAcknowledgeFor(HighConcern(escalated: true), Facts(), admin, Now));
    }

    [Fact]
    public void Practitioner_OfAnInvolvedOrganisation_NotOnTheTeam_SeesNothing()
    {
        Assert.False(ConcernAccess.See(HighConcern(escalated: true), Facts(), As(Guid.CreateVersion7(), Council, MembershipRole.Practitioner), Now).Allowed);
    }

    [Fact]
    public void Anonymous_IsAskedToSignIn()
    {
        var see = ConcernAccess.See(HighConcern(), Facts(), Viewer.Anonymous, Now);
        Assert.False(see.Allowed);
        Assert.Equal(PersonErrors.SignInRequired, see.Code);
    }

    [Fact]
    public void AfterConsentWithdrawn_NeitherTheTeamNorTheSafeguardingLeadSeesIt()
    {
        Assert.False(ConcernAccess.See(HighConcern(), Facts(withdrawn: true), As(GpUser, Gp, MembershipRole.Practitioner), Now).Allowed);
        Assert.False(ConcernAccess.See(HighConcern(), Facts(withdrawn: true), As(Guid.CreateVersion7(), Council, MembershipRole.SafeguardingLead), Now).Allowed);
        Assert.False(ConcernAccess.See(HighConcern(escalated: true), Facts(withdrawn: true), As(Guid.CreateVersion7(), Gp, MembershipRole.Admin), Now).Allowed);
    }
}
