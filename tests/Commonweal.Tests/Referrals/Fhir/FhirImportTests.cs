using System.Text.Json.Nodes;
using Commonweal.Referrals;
using Commonweal.Referrals.Fhir;
using Commonweal.TestSupport;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Referrals.Fhir;

public sealed class FhirImportTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly FhirImportChannel Operator = new(null, "operator cli:test");
    private readonly TestDatabase db = database.Database;

    private async Task<string> ExportJsonAsync(FhirScenario scenario)
    {
        await using var context = db.CreateContext();
        var records = new PersonRecords(context);
        var result = await new ReferralFhirExport(context, new ReferralWork(context, records), records).ExportAsync(scenario.Referral.Id, scenario.LinkWorker);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!.ToJson();
    }

    private async Task<CareResult<FhirImportResult>> ImportAsync(string json)
    {
        await using var context = db.CreateContext();
        return await new ReferralFhirImport(context).ImportAsync(json, Operator);
    }

    /// <summary>The bundle as JSON to change, and its resource of a type (the first such entry).</summary>
    private static (JsonObject Bundle, JsonObject Resource, int Index) Entry(string json, string resourceType)
    {
        var bundle = JsonNode.Parse(json)!.AsObject();
        var entries = bundle["entry"]!.AsArray();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i]!["resource"]!["resourceType"]!.GetValue<string>() == resourceType)
            {
                return (bundle, entries[i]!["resource"]!.AsObject(), i);
            }
        }

        throw new InvalidOperationException($"No {resourceType} in the bundle");
    }

    private async Task<(int Referrals, int People, int Consents)> CountsAsync()
    {
        await using var context = db.CreateContext();
        return (await context.Referrals.CountAsync(), await context.People.CountAsync(), await context.Consents.CountAsync());
    }

    [Fact]
    public async Task ExportThenImport_GivesAReferralOfTheSamePersonReasonsUrgencyAndConsent()
    {
        var scenario = await FhirScenario.CreateAsync(db);
        var json = await ExportJsonAsync(scenario);

        var result = await ImportAsync(json);

        Assert.True(result.Succeeded, result.Message);
        Assert.True(result.Value!.Created);
        await using var context = db.CreateContext();
        var imported = await context.Referrals.Include(r => r.Reasons).Include(r => r.Transitions).SingleAsync(r => r.Id == result.Value.ReferralId, TestContext.Current.CancellationToken);
        Assert.NotEqual(scenario.Referral.Id, imported.Id);
        Assert.Equal(scenario.Person.Id, imported.PersonId);
        Assert.Equal(ReferralSource.Fhir, imported.Source);
        Assert.Equal($"urn:uuid:{scenario.Referral.Id}", imported.ExternalId);
        Assert.Equal(ReferralUrgency.Urgent, imported.Urgency);
        Assert.Equal(ReferralStatus.Sent, imported.Status);
        Assert.Equal(scenario.Service.Id, imported.ServiceId);
        Assert.Equal(scenario.Charity.Id, imported.ReceivingOrganisationId);
        Assert.Equal(new[] { scenario.Isolation.Id, scenario.Gardening.Id }.Order(), imported.Reasons.Select(r => r.TaxonomyTermId).Order());
        Assert.Equal("Priya Link Worker", imported.ReferrerName);
        Assert.Equal(scenario.Practice.Name, imported.ReferrerOrganisationName);
        Assert.Equal("priya@bowhealth.example", imported.ReferrerEmail);
        Assert.Equal("Lives alone since her husband died; loved her allotment.", imported.Notes);
        Assert.Contains("FHIR message via operator cli:test", imported.Transitions.Single().By);
        var consent = await context.Consents.SingleAsync(c => c.ReferralId == imported.Id, TestContext.Current.CancellationToken);
        Assert.Equal((ConsentScope.Referral, scenario.Person.Id, ConsentMethod.Electronic), (consent.Scope, consent.PersonId, consent.Method));
        Assert.True(consent.IsActive(context.Now));
        Assert.Equal(1, await context.People.CountAsync(p => p.NhsNumber == scenario.Person.NhsNumber, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_SameBundleTwice_ReturnsTheFirstReferralAndWritesNothingMore()
    {
        var scenario = await FhirScenario.CreateAsync(db);
        var json = await ExportJsonAsync(scenario);

        var first = await ImportAsync(json);
        var before = await CountsAsync();
        var second = await ImportAsync(json);

        Assert.True(second.Succeeded, second.Message);
        Assert.False(second.Value!.Created);
        Assert.Equal(first.Value!.ReferralId, second.Value.ReferralId);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_NewPatient_CreatesThePersonWithNoCareTeamYet()
    {
        var scenario = await FhirScenario.CreateAsync(db);
        var (bundle, patient, _) = Entry(await ExportJsonAsync(scenario), "Patient");
        var nhsNumber = FhirScenario.NewNhsNumber();
        patient["identifier"]![0]!["value"] = nhsNumber;
        patient["name"]![0]!["family"] = "Newcomer";
        bundle["identifier"]!["value"] = $"urn:uuid:{Guid.NewGuid()}";

        var result = await ImportAsync(bundle.ToJsonString());

        Assert.True(result.Succeeded, result.Message);
        await using var context = db.CreateContext();
        var person = await context.People.SingleAsync(p => p.NhsNumber == nhsNumber, TestContext.Current.CancellationToken);
        Assert.Equal(("Ada", "Newcomer", new DateOnly(1951, 4, 12), "E3 2AB"), (person.GivenName, person.FamilyName, person.DateOfBirth, person.Postcode));
        Assert.False(await context.CareTeamMembers.AnyAsync(m => m.PersonId == person.Id, TestContext.Current.CancellationToken));
        // The receiving service still sees it: as a party to the referral, with the consent that came with it.
        await using var reading = db.CreateContext();
        var records = new PersonRecords(reading);
        var opened = await new ReferralWork(reading, records).OpenAsync(result.Value!.ReferralId, scenario.Receiver, "test", TestContext.Current.CancellationToken);
        Assert.True(opened.Succeeded, opened.Message);
        Assert.Equal(AccessBasis.ReferralParty, opened.Value!.Access.Basis);
    }

    [Fact]
    public async Task Import_UnknownService_LandsInTheUnroutedQueueWithTheNameAsSent()
    {
        var scenario = await FhirScenario.CreateAsync(db);
        var (bundle, service, _) = Entry(await ExportJsonAsync(scenario), "HealthcareService");
        service["id"] = Guid.NewGuid().ToString();
        service["name"] = "Sunny Days Lunch Club";
        service.Remove("identifier");
        bundle["identifier"]!["value"] = $"urn:uuid:{Guid.NewGuid()}";

        var result = await ImportAsync(bundle.ToJsonString());

        Assert.True(result.Succeeded, result.Message);
        Assert.False(result.Value!.Routed);
        await using var context = db.CreateContext();
        var referral = await context.Referrals.SingleAsync(r => r.Id == result.Value.ReferralId, TestContext.Current.CancellationToken);
        Assert.Null(referral.ServiceId);
        Assert.Null(referral.ReceivingOrganisationId);
        Assert.Equal("Sunny Days Lunch Club", referral.RequestedService);
        var queue = await new ReferralRouting(context).UnroutedAsync(scenario.PlatformAdmin, TestContext.Current.CancellationToken);
        Assert.Contains(queue.Value!, r => r.Id == referral.Id && r.RequestedService == "Sunny Days Lunch Club" && r.Reasons.Contains(scenario.Isolation.Name));
    }

    [Fact]
    public async Task Import_ToAServiceNotAcceptingReferrals_IsRefusedWithTheReason()
    {
        var scenario = await FhirScenario.CreateAsync(db);
        var json = await ExportJsonAsync(scenario);
        await using (var context = db.CreateContext())
        {
            await context.Services.Where(s => s.Id == scenario.Service.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AcceptingReferrals, false), TestContext.Current.CancellationToken);
        }

        var before = await CountsAsync();
        var result = await ImportAsync(json);

        Assert.Equal(PersonErrors.NotAcceptingReferrals, result.ErrorCode);
        Assert.Contains("not accepting referrals", result.Message);
        Assert.Equal(before, await CountsAsync());
    }

    public static TheoryData<string, string, string> BadBundles => new()
    {
        { "no consent", "Bundle.entry", "Consent" },
        { "consent withdrawn", "Bundle.entry[7].resource.status", "must be active" },
        { "invalid NHS number", "Bundle.entry[2].resource.identifier[0].value", "not a valid NHS number" },
        { "wrong event", "Bundle.entry[0].resource.eventCoding", "servicerequest-request" },
        { "not a message", "Bundle.type", "must be message" },
        { "two service requests", "Bundle.entry", "exactly one ServiceRequest" },
        { "no birth date", "Bundle.entry[2].resource.birthDate", "date of birth" },
        { "header not first", "Bundle.entry[0].resource", "MessageHeader" },
        { "not JSON", "Bundle", "not valid FHIR" },
        { "not FHIR", "Bundle.entry[2].resource.birthDate", "not valid FHIR" },
    };

    [Theory]
    [MemberData(nameof(BadBundles))]
    public async Task Import_BadBundle_IsRefusedNamingTheFhirPathAndWritesNothing(string problem, string path, string message)
    {
        var scenario = await FhirScenario.CreateAsync(db);
        var json = Spoil(await ExportJsonAsync(scenario), problem);
        var before = await CountsAsync();

        var result = await ImportAsync(json);

        Assert.False(result.Succeeded, problem);
        var failure = Assert.Single(result.Validation!.Errors);
        Assert.Equal(path, failure.PropertyName);
        Assert.Contains(message, failure.ErrorMessage);
        Assert.StartsWith(path, result.Message);
        Assert.Equal(before, await CountsAsync());
    }

    private static string Spoil(string json, string problem)
    {
        switch (problem)
        {
            case "no consent":
            {
                var (bundle, _, index) = Entry(json, "Consent");
                bundle["entry"]!.AsArray().RemoveAt(index);
                return bundle.ToJsonString();
            }

            case "consent withdrawn":
            {
                var (bundle, consent, index) = Entry(json, "Consent");
                Assert.Equal(7, index);
                consent["status"] = "inactive";
                return bundle.ToJsonString();
            }

            case "invalid NHS number":
            {
                var (bundle, patient, _) = Entry(json, "Patient");
                patient["identifier"]![0]!["value"] = FhirScenario.InvalidNhsNumber();
                return bundle.ToJsonString();
            }

            case "wrong event":
            {
                var (bundle, header, _) = Entry(json, "MessageHeader");
                header["eventCoding"]!["code"] = "servicerequest-cancelled";
                return bundle.ToJsonString();
            }

            case "not a message":
            {
                var bundle = JsonNode.Parse(json)!.AsObject();
                bundle["type"] = "collection";
                return bundle.ToJsonString();
            }

            case "two service requests":
            {
                var (bundle, request, _) = Entry(json, "ServiceRequest");
                var copy = request.DeepClone().AsObject();
                copy["id"] = Guid.NewGuid().ToString();
                bundle["entry"]!.AsArray().Add(new JsonObject { ["fullUrl"] = $"urn:uuid:{copy["id"]}", ["resource"] = copy });
                return bundle.ToJsonString();
            }

            case "no birth date":
            {
                var (bundle, patient, _) = Entry(json, "Patient");
                patient.Remove("birthDate");
                return bundle.ToJsonString();
            }

            case "header not first":
            {
                var bundle = JsonNode.Parse(json)!.AsObject();
                var entries = bundle["entry"]!.AsArray();
                var header = entries[0]!;
                entries.RemoveAt(0);
                entries.Add(header);
                return bundle.ToJsonString();
            }

            case "not JSON":
                return "<Bundle xmlns=\"http://hl7.org/fhir\"/>";

            default:
            {
                var (bundle, patient, _) = Entry(json, "Patient");
                patient["birthDate"] = "the twelfth of April";
                return bundle.ToJsonString();
            }
        }
    }
}
