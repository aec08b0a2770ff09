using Commonweal.Referrals;
using Commonweal.Referrals.Fhir;
using Commonweal.TestSupport;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace Commonweal.Tests.Referrals.Fhir;

public sealed class FhirExportTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private readonly TestDatabase db = database.Database;

    private async Task<(Bundle Bundle, string Json)> ExportAsync(FhirScenario scenario)
    {
        await using var context = db.CreateContext();
        var records = new PersonRecords(context);
        var result = await new ReferralFhirExport(context, new ReferralWork(context, records), records).ExportAsync(scenario.Referral.Id, scenario.Receiver);
        Assert.True(result.Succeeded, result.Message);
        return (result.Value!, result.Value!.ToJson());
    }

    [Fact]
    public async Task Export_ByReceivingService_IsABaRSMessageWithEveryResourceAndCode()
    {
        var scenario = await FhirScenario.CreateAsync(db);

        var (_, json) = await ExportAsync(scenario);
        // What a receiving system sees: the JSON, parsed back with the Firely SDK.
        var bundle = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(json);

        Assert.Equal(Bundle.BundleType.Message, bundle.Type);
        var header = Assert.IsType<MessageHeader>(bundle.Entry[0].Resource);
        var eventCoding = Assert.IsType<Coding>(header.Event);
        Assert.Equal(("https://fhir.nhs.uk/CodeSystem/message-events-bars", "servicerequest-request"), (eventCoding.System, eventCoding.Code));
        var request = Resolve<ServiceRequest>(bundle, header.Focus.Single());
        Assert.Equal(RequestIntent.Plan, request.Intent);
        Assert.Equal(RequestStatus.Active, request.Status);
        Assert.Equal(RequestPriority.Asap, request.Priority);
        Assert.Contains(request.Category, c => c.Coding.Any(x => x.System == "http://snomed.info/sct" && x.Code == "871731000000106"));
        Assert.Contains(request.Code!.Coding, x => x.System == "http://snomed.info/sct" && x.Code == "871731000000106");
        Assert.Equal([scenario.Gardening.Name, scenario.Isolation.Name], request.ReasonCode.Select(r => r.Text).Order());
        Assert.Equal("Lives alone since her husband died; loved her allotment.", request.Note.Single().Text);

        var patient = Resolve<Patient>(bundle, request.Subject);
        Assert.Equal(scenario.Person.NhsNumber, patient.Identifier.Single(i => i.System == "https://fhir.nhs.uk/Id/nhs-number").Value);
        Assert.Equal(scenario.Person.FamilyName, patient.Name[0].Family);
        Assert.Equal("1951-04-12", patient.BirthDate);
        Assert.Equal("E3 2AB", patient.Address[0].PostalCode);
        Assert.Contains(patient.Telecom, t => t.System == ContactPoint.ContactPointSystem.Phone && t.Value == "020 7946 0123");

        var requester = Resolve<PractitionerRole>(bundle, request.Requester);
        Assert.Equal("Priya Link Worker", requester.Practitioner!.Display);
        Assert.Contains(requester.Telecom, t => t.System == ContactPoint.ContactPointSystem.Email && t.Value == "priya@bowhealth.example");
        var practice = Resolve<Organization>(bundle, requester.Organization);
        Assert.Equal(scenario.OdsCode, practice.Identifier.Single(i => i.System == "https://fhir.nhs.uk/Id/ods-organization-code").Value);
        Assert.Same(practice, Resolve<Organization>(bundle, header.Sender));

        var service = Resolve<HealthcareService>(bundle, request.Performer.Single());
        Assert.Equal(scenario.Service.Id.ToString(), service.Id);
        var receiver = Resolve<Organization>(bundle, header.Destination.Single().Receiver);
        Assert.Equal(scenario.Charity.Name, receiver.Name);
        Assert.Same(receiver, Resolve<Organization>(bundle, service.ProvidedBy));

        var consent = bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Consent>().Single();
        Assert.Equal(Hl7.Fhir.Model.Consent.ConsentState.Active, consent.Status);
        Assert.Contains(consent.Category, c => c.Coding.Any(x => x.System == "http://terminology.hl7.org/CodeSystem/v3-ActCode" && x.Code == "DRC"));
        Assert.Equal("patient-privacy", consent.Scope.Coding.Single().Code);
        Assert.Same(patient, Resolve<Patient>(bundle, consent.Patient));
        Assert.NotNull(consent.Provision!.Period!.Start);
        Assert.Null(consent.Provision!.Period!.End);
        Assert.All(bundle.Entry, e => Assert.Equal($"urn:uuid:{e.Resource!.Id}", e.FullUrl));
    }

    [Fact]
    public async Task Export_PassesTheSdksValidationOfCardinalityAndTypes()
    {
        var scenario = await FhirScenario.CreateAsync(db);
        var (_, json) = await ExportAsync(scenario);
        var bundle = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(json);

        var valid = bundle.Validate(ModelInfo.ModelInspector, validateRecursively: true);

        Assert.Empty(valid);
        // The same validation does catch a broken message: a ServiceRequest without its required intent.
        bundle.Entry.Select(e => e.Resource).OfType<ServiceRequest>().Single().Intent = null;
        var broken = bundle.Validate(ModelInfo.ModelInspector, validateRecursively: true);
        Assert.Contains(broken, e => e.Message.Contains("intent", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Export_ByOutsider_IsRefusedAndTheAttemptAudited()
    {
        var scenario = await FhirScenario.CreateAsync(db);

        await using var context = db.CreateContext();
        var records = new PersonRecords(context);
        var result = await new ReferralFhirExport(context, new ReferralWork(context, records), records).ExportAsync(scenario.Referral.Id, scenario.Outsider, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(PersonErrors.NotAllowed, result.ErrorCode);
        Assert.Null(result.Value);
        Assert.True(await context.AuditEvents.AnyAsync(e => e.Action == PersonRecords.RefusedAction && e.EntityId == scenario.Person.Id.ToString() && e.Summary.Contains(ReferralFhirExport.Purpose), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Export_AfterConsentWithdrawn_IsRefusedToTheReceiver()
    {
        var scenario = await FhirScenario.CreateAsync(db);
        await using var context = db.CreateContext();
        var records = new PersonRecords(context);
        var consents = await context.Consents.Where(c => c.PersonId == scenario.Person.Id).ToListAsync(TestContext.Current.CancellationToken);
        foreach (var consent in consents)
        {
            Assert.True((await new Consents(context, records).WithdrawAsync(consent.Id, "Changed her mind", scenario.LinkWorker, TestContext.Current.CancellationToken)).Succeeded);
        }

        var result = await new ReferralFhirExport(context, new ReferralWork(context, records), records).ExportAsync(scenario.Referral.Id, scenario.Receiver, TestContext.Current.CancellationToken);

        Assert.Equal(PersonErrors.ConsentWithdrawn, result.ErrorCode);
    }

    [Fact]
    public async Task ExportAsOperator_IsAuditedAsACliExport()
    {
        var scenario = await FhirScenario.CreateAsync(db);
        await using var context = db.CreateContext();
        var records = new PersonRecords(context);

        var result = await new ReferralFhirExport(context, new ReferralWork(context, records), records).ExportAsOperatorAsync(scenario.Referral.Id, "cli:tester", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Message);
        Assert.True(await context.AuditEvents.AnyAsync(e => e.Action == PersonRecords.ReadAction && e.EntityId == scenario.Person.Id.ToString() && e.Summary.Contains("CLI export"), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(ReferralUrgency.Routine, RequestPriority.Routine)]
    [InlineData(ReferralUrgency.Soon, RequestPriority.Urgent)]
    [InlineData(ReferralUrgency.Urgent, RequestPriority.Asap)]
    public void Priority_MapsUrgencyBothWays(ReferralUrgency urgency, RequestPriority priority)
    {
        Assert.Equal(priority, FhirCodes.PriorityOf(urgency));
        Assert.Equal(urgency, FhirCodes.UrgencyOf(priority));
    }

    internal static T Resolve<T>(Bundle bundle, ResourceReference? reference) where T : Resource =>
        Assert.IsType<T>(bundle.Entry.Single(e => e.FullUrl == reference!.Reference).Resource);
}
