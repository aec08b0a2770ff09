using Commonweal.Accounts;
using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.Procurement.Bids;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Seed;

/// <summary>
/// One believable place: the east London outcodes E1, E3 and E14, with its commissioners, GP
/// practices, charities, social enterprises and community groups of every size. The public
/// bodies are real; every voluntary organisation and every identifier below them is fictional.
/// </summary>
public static class DemoArea
{
    /// <summary>Seeds an empty database; without the directory (services, taxonomy) for tests that arrange their own.</summary>
    /// <remarks>Bids are seeded only with a sealer, which needs the Data Protection key ring.</remarks>
    public static async Task<bool> SeedIfEmptyAsync(CommonwealDbContext db, bool withDirectory = true, BidSealer? sealer = null, CancellationToken cancellationToken = default)
    {
        if (await db.Organisations.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        await SeedAsync(db, withDirectory, cancellationToken);
        if (sealer is not null)
        {
            await DemoBids.AddAsync(db, sealer, cancellationToken);
            await DemoEvaluation.AddAsync(db, cancellationToken);
        }

        if (withDirectory)
        {
            await DemoReferrals.AddAsync(db, cancellationToken);
            await DemoOutcomes.AddAsync(db, cancellationToken);
        }

        return true;
    }

    public static async Task SeedAsync(CommonwealDbContext db, bool withDirectory = true, CancellationToken cancellationToken = default)
    {
        var organisations = Organisations().ToDictionary(o => o.Name);
        db.Organisations.AddRange(organisations.Values);
        if (withDirectory)
        {
            DemoDirectory.AddTo(db, organisations, DateOnly.FromDateTime(db.Now));
        }

        DemoPassports.AddTo(db, organisations, DateOnly.FromDateTime(db.Now));

        var hasher = new PasswordHasher<User>();
        var now = db.Now;
        User Person(string email, string name, bool platformAdmin = false)
        {
            var user = SeedUsers.Confirmed(email, name, now);
            user.IsPlatformAdmin = platformAdmin;
            user.PasswordHash = hasher.HashPassword(user, DemoAccounts.Password);
            db.Users.Add(user);
            return user;
        }

        void Member(User user, string organisation, MembershipRole role) =>
            db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = organisations[organisation].Id, Role = role, CreatedAt = now });

        Person(DemoAccounts.PlatformAdmin, "Priya Shah", platformAdmin: true);
        var commissioner = Person(DemoAccounts.Commissioner, "Tom Okafor");
        Member(commissioner, Icb, MembershipRole.Commissioner);
        var evaluator = Person(DemoAccounts.Evaluator, "Grace Mensah");
        Member(evaluator, Council, MembershipRole.Evaluator);
        Member(Person(DemoAccounts.ProviderAdmin, "Nadia Rahman"), "Bow Community Kitchen", MembershipRole.Admin);
        Member(Person(DemoAccounts.Practitioner, "Sam Whitfield"), "Limehouse Wellbeing CIC", MembershipRole.Practitioner);
        Member(Person(DemoAccounts.GeneralPractitioner, "Dr Farah Iqbal"), "Bow Road Surgery", MembershipRole.Practitioner);
        Member(Person(DemoAccounts.SocialWorker, "Kwame Asante"), Council, MembershipRole.Practitioner);
        Member(Person(DemoAccounts.MoneyAdviser, "Leila Haddad"), "Stepney Money Advice", MembershipRole.Practitioner);
        Member(Person(DemoAccounts.SafeguardingLead, "Joanne Adeyemi"), Council, MembershipRole.SafeguardingLead);
        DemoProcurement.AddTo(db, organisations, commissioner.Id, now);
        DemoFunding.AddTo(db, organisations, DateOnly.FromDateTime(now));
        DemoCommissioning.AddTo(db, organisations, now, withDirectory);
        await DemoPostcodes.AddMissingAsync(db, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
    }

    private const string Icb = "NHS North East London Integrated Care Board";
    private const string Council = "London Borough of Tower Hamlets";

    private static IEnumerable<Organisation> Organisations()
    {
        Organisation Org(string name, LegalForm form, string? identifier, Activities activities, IncomeBand? band,
            string postcode, string description, int? members = null, int? volunteers = null) => new()
        {
            Name = name,
            LegalForm = form,
            Identifier = identifier,
            Activities = activities,
            IncomeBand = band,
            Postcode = postcode,
            Town = "London",
            Description = description,
            Members = members,
            Volunteers = volunteers,
        };

        const Activities Service = Activities.DirectServiceProvider;
        yield return Org(Icb, LegalForm.IntegratedCareBoard, "GB-NHS-QMF", Activities.None, IncomeBand.SuperMajor, "E1 1DD",
            "Plans and buys NHS care for the people of north east London.");
        yield return Org(Council, LegalForm.LocalAuthority, "GB-LAE-TWH", Service | Activities.InformationAndAdvice, IncomeBand.SuperMajor, "E14 2BG",
            "Adult social care, public health and community services for Tower Hamlets.");
        yield return Org("East London Community Health Fund", LegalForm.RegisteredCharity, "GB-CHC-1190001", Activities.None, IncomeBand.Medium, "E1 6AN",
            "A charitable trust giving small grants for community health in east London.", volunteers: 6);
        yield return Org("East London NHS Foundation Trust", LegalForm.NhsTrust, "GB-NHS-RWK", Service, IncomeBand.SuperMajor, "E1 8DE",
            "Community health, mental health and specialist services.");
        yield return Org("Bow Road Surgery", LegalForm.GpPractice, "GB-NHS-F84901", Service, IncomeBand.Medium, "E3 2AN",
            "A GP practice of 9,800 patients.");
        yield return Org("Island Health Practice", LegalForm.GpPractice, "GB-NHS-F84902", Service, IncomeBand.Medium, "E14 3BA",
            "A GP practice on the Isle of Dogs.");
        yield return Org("Bow Community Kitchen", LegalForm.CharitableIncorporatedOrganisation, "GB-CHC-1190002", Service | Activities.PeerSupport, IncomeBand.Small, "E3 4AA",
            "Cooking together, eating together: community meals and cooking courses for people living alone.", members: 140, volunteers: 35);
        yield return Org("Stepney Money Advice", LegalForm.CharitableCompany, "GB-COH-09123456", Service | Activities.InformationAndAdvice, IncomeBand.Medium, "E1 3BL",
            "Free debt, benefits and housing advice.", volunteers: 20);
        yield return Org("Limehouse Wellbeing CIC", LegalForm.CommunityInterestCompany, "GB-COH-11234567", Service, IncomeBand.Small, "E14 7HA",
            "Social prescribing link workers and wellbeing groups.");
        yield return Org("Mile End Carers Centre", LegalForm.RegisteredCharity, "GB-CHC-1190003", Service | Activities.CampaigningAndAdvocacy, IncomeBand.Medium, "E3 4QL",
            "Support, breaks and a voice for unpaid carers.", members: 900, volunteers: 40);
        yield return Org("Poplar Peer Support Network", LegalForm.UnincorporatedCommunityGroup, null, Activities.PeerSupport, IncomeBand.Micro, "E14 0AB",
            "People with long-term mental health conditions supporting each other.", members: 60, volunteers: 12);
        yield return Org("Isle of Dogs Walking Group", LegalForm.UnincorporatedCommunityGroup, null, Activities.PeerSupport, IncomeBand.Micro, "E14 9TS",
            "Weekly health walks for all abilities.", members: 45, volunteers: 5);
        yield return Org("Roman Road Community Health Society", LegalForm.CommunityBenefitSociety, "GB-MPR-31234R", Service | Activities.CampaigningAndAdvocacy, IncomeBand.Small, "E3 5ES",
            "A community-owned health and wellbeing centre.", members: 300, volunteers: 25);
        yield return Org("Docklands Home Care Co-operative", LegalForm.CoOperative, "GB-MPR-32345", Service, IncomeBand.Medium, "E14 5AB",
            "Home care owned by the care workers who provide it.", members: 48);
        yield return Org("Tower Hamlets Sickle Cell Support", LegalForm.RegisteredCharity, "GB-CHC-1190004", Activities.InformationAndAdvice | Activities.CampaigningAndAdvocacy | Activities.PeerSupport, IncomeBand.Micro, "E1 2QF",
            "Information, advocacy and peer support for people with sickle cell disorder and their families.", members: 120, volunteers: 9);
        yield return Org("CarePlus Home Services Ltd", LegalForm.PrivateCompany, "GB-COH-04567890", Service, IncomeBand.Large, "E14 4HD",
            "Domiciliary care and reablement.");
    }
}
