using Commonweal.Accounts;
using Commonweal.Referrals;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Referrals.CarePlans;

public sealed record TestUser(Guid Id, string Email, string Name, Guid OrganisationId, MembershipRole Role)
{
    public Viewer Viewer => new(Id, Name, false, [(OrganisationId, Role)]);
}

/// <summary>
/// One person and the people around them, arranged through the core services: a GP (who registers
/// the person with consent to care team sharing), a link worker and a council social worker on the
/// care team; the council's safeguarding lead (not on the team); and outsiders.
/// </summary>
public sealed record CareTeamScenario(
    Guid PersonId,
    Guid GpPractice,
    Guid LinkWorkers,
    Guid Council,
    TestUser Gp,
    TestUser LinkWorker,
    TestUser SocialWorker,
    TestUser CouncilSafeguardingLead,
    TestUser LinkWorkersAdmin,
    TestUser Outsider,
    TestUser UninvolvedSafeguardingLead)
{
    public const string GpPracticeName = "Bow Road Surgery";
    public const string LinkWorkersName = "Limehouse Wellbeing CIC";
    public const string CouncilName = "London Borough of Tower Hamlets";
    public const string OutsiderOrganisation = "Stepney Money Advice";
    public const string UninvolvedOrganisation = "Mile End Carers Centre";

    public static async Task<CareTeamScenario> CreateAsync(CommonwealFactory factory)
    {
        await using var db = factory.CreateDbContext();
        async Task<Guid> Org(string name) => await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
        async Task<TestUser> User(string organisation, MembershipRole role, string label)
        {
            var email = $"{label}-{Guid.NewGuid():N}@commonweal.example";
            var org = await Org(organisation);
            var user = await ProcurementTestData.CommissionerAsync(db, email, org, role);
            return new TestUser(user.Id, email, user.DisplayName, org, role);
        }

        var gp = await User(GpPracticeName, MembershipRole.Practitioner, "gp");
        var linkWorker = await User(LinkWorkersName, MembershipRole.Practitioner, "link");
        var socialWorker = await User(CouncilName, MembershipRole.Practitioner, "social");
        var lead = await User(CouncilName, MembershipRole.SafeguardingLead, "dsl");
        var admin = await User(LinkWorkersName, MembershipRole.Admin, "admin");
        var outsider = await User(OutsiderOrganisation, MembershipRole.Practitioner, "outsider");
        var uninvolved = await User(UninvolvedOrganisation, MembershipRole.SafeguardingLead, "otherdsl");

        var registered = await new PeopleRegistry(db).RegisterAsync(new PersonDraft
        {
            GivenName = "Maureen",
            FamilyName = $"Test{Guid.NewGuid():N}"[..20],
            DateOfBirth = new DateOnly(1948, 5, 2),
            Postcode = "E3 2AN",
            ContactPreference = ContactPreference.Phone,
            Phone = "020 7946 0000",
            OrganisationId = gp.OrganisationId,
            Role = "GP",
            Consent = new ConsentInput { GivenBy = ConsentGivenBy.Person, Method = ConsentMethod.Verbal },
        }, gp.Viewer);
        Assert.True(registered.Succeeded, registered.Message);
        var personId = registered.Value!.Id;
        var teams = new CareTeams(db, new PersonRecords(db));
        Assert.True((await teams.AddAsync(personId, linkWorker.Email, linkWorker.OrganisationId, "Social prescribing link worker", gp.Viewer)).Succeeded);
        Assert.True((await teams.AddAsync(personId, socialWorker.Email, socialWorker.OrganisationId, "Social worker", gp.Viewer)).Succeeded);
        return new CareTeamScenario(personId, gp.OrganisationId, linkWorker.OrganisationId, socialWorker.OrganisationId,
            gp, linkWorker, socialWorker, lead, admin, outsider, uninvolved);
    }
}
