using System.Security.Cryptography;
using Commonweal.Accounts;
using Commonweal.Directory;
using Commonweal.Organisations;
using Commonweal.Referrals;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Referrals.Fhir;

/// <summary>
/// One referral, arranged through the core as people make it: a GP practice (with an ODS code), a
/// link worker who registers a consenting person and refers them, for two needs, to a community
/// organisation's service. Names and numbers are fresh each time, so scenarios share a database.
/// </summary>
public sealed record FhirScenario(
    Organisation Practice,
    Organisation Charity,
    Service Service,
    TaxonomyTerm Isolation,
    TaxonomyTerm Gardening,
    Viewer LinkWorker,
    Viewer Receiver,
    Viewer Outsider,
    Viewer PlatformAdmin,
    Person Person,
    Referral Referral)
{
    /// <summary>The practice's ODS code: a letter and five digits, fresh for each scenario (identifiers are unique).</summary>
    public string OdsCode => Practice.Identifier!["GB-NHS-".Length..];

    // userIds: real users' ids for the link worker, receiver and outsider, when a test signs them in over HTTP.
    public static async Task<FhirScenario> CreateAsync(TestDatabase database, (Guid LinkWorker, Guid Receiver, Guid Outsider)? userIds = null, Action<Service>? configureService = null)
    {
        var data = new DirectoryTestData(() => database.CreateContext());
        var tag = Guid.NewGuid().ToString("N")[..6];
        var practice = await data.OrganisationAsync($"Bow Health Centre {tag}", $"GB-NHS-F{RandomNumberGenerator.GetInt32(10_000, 99_999)}");
        var charity = await data.OrganisationAsync($"Roman Road Growers {tag}", $"GB-CHC-{RandomNumberGenerator.GetInt32(1_000_000, 9_999_999)}");
        var other = await data.OrganisationAsync($"Poplar Advice {tag}");
        var taxonomy = await data.TaxonomyAsync($"Needs {tag}");
        var isolation = await data.TermAsync(taxonomy, $"Social isolation {tag}");
        var gardening = await data.TermAsync(taxonomy, $"Gardening {tag}");
        var service = await data.ServiceAsync(charity, $"Community gardening {tag}", configure: configureService);

        var ids = userIds ?? (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var linkWorker = new Viewer(ids.LinkWorker, "Priya Link Worker", false, [(practice.Id, MembershipRole.Practitioner)]);
        var receiver = new Viewer(ids.Receiver, "Sam Grower", false, [(charity.Id, MembershipRole.Practitioner)]);
        var outsider = new Viewer(ids.Outsider, "Olu Outsider", false, [(other.Id, MembershipRole.Practitioner)]);
        var admin = new Viewer(Guid.CreateVersion7(), "Pat Admin", true, []);

        await using var db = database.CreateContext();
        var records = new PersonRecords(db);
        var registered = await new PeopleRegistry(db).RegisterAsync(new PersonDraft
        {
            NhsNumber = NewNhsNumber(),
            GivenName = "Ada",
            FamilyName = $"Okafor{tag}",
            DateOfBirth = new DateOnly(1951, 4, 12),
            Postcode = "E3 2AB",
            Phone = "020 7946 0123",
            Email = "ada@example.org",
            ContactPreference = ContactPreference.Phone,
            OrganisationId = practice.Id,
            Role = "Social prescribing link worker",
            Consent = new ConsentInput { GivenBy = ConsentGivenBy.Person, Method = ConsentMethod.Verbal },
        }, linkWorker);
        Assert.True(registered.Succeeded, registered.Message);

        var referred = await new ReferralWork(db, records).CreateAsync(new ReferralDraft
        {
            PersonId = registered.Value!.Id,
            ServiceId = service.Id,
            ReferringOrganisationId = practice.Id,
            Reasons = [isolation.Id, gardening.Id],
            Urgency = ReferralUrgency.Urgent,
            Notes = "Lives alone since her husband died; loved her allotment.",
            ReferrerPhone = "020 7946 0999",
            ReferrerEmail = "priya@bowhealth.example",
            Consent = new ConsentInput { GivenBy = ConsentGivenBy.Person, Method = ConsentMethod.Written },
        }, linkWorker);
        Assert.True(referred.Succeeded, referred.Message);
        return new FhirScenario(practice, charity, service, isolation, gardening, linkWorker, receiver, outsider, admin, registered.Value, referred.Value!);
    }

    /// <summary>A random NHS number with a valid modulus 11 check digit.</summary>
    public static string NewNhsNumber()
    {
        while (true)
        {
            var digits = string.Concat(Enumerable.Range(0, 9).Select(_ => RandomNumberGenerator.GetInt32(10)));
            if (NhsNumber.CheckDigit(digits + "0") is { } check)
            {
                return digits + check;
            }
        }
    }

    /// <summary>A valid-looking ten digits whose check digit is wrong.</summary>
    public static string InvalidNhsNumber()
    {
        var valid = NewNhsNumber();
        return valid[..9] + ((valid[9] - '0' + 1) % 10);
    }
}
