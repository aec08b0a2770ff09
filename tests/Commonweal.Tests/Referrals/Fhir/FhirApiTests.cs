using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Commonweal.Accounts;
using Commonweal.Referrals;
using Commonweal.Referrals.Fhir;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace Commonweal.Tests.Referrals.Fhir;

public sealed class FhirApiTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new user with the role in the organisation, signed in through the sign-in page.</summary>
    private async Task<HttpClient> SignedInAsync(Guid organisationId, MembershipRole role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@commonweal.example";
        await using (var db = factory.CreateDbContext())
        {
            await ProcurementTestData.CommissionerAsync(db, email, organisationId, role);
        }

        return await factory.SignedInClientAsync(email);
    }

    private HttpClient Anonymous() => factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static StringContent Fhir(string json) => new(json, Encoding.UTF8, FhirCodes.MediaType);

    [Fact]
    public async Task GetFhir_ForTheReceivingService_IsTheBundleAsFhirJsonAndAudited()
    {
        var scenario = await FhirScenario.CreateAsync(factory.Database);
        var receiver = await SignedInAsync(scenario.Charity.Id, MembershipRole.Practitioner);

        var response = await receiver.GetAsync($"/api/referrals/{scenario.Referral.Id}/fhir", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FhirCodes.MediaType, response.Content.Headers.ContentType!.MediaType);
        var bundle = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(Bundle.BundleType.Message, bundle.Type);
        Assert.Equal(scenario.Referral.Id.ToString(), bundle.Entry.Select(e => e.Resource).OfType<ServiceRequest>().Single().Id);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == PersonRecords.ReadAction && e.EntityId == scenario.Person.Id.ToString() && e.Summary.Contains(ReferralFhirExport.Purpose), Ct));
    }

    [Fact]
    public async Task GetFhir_ForAnyoneElse_IsRefusedAndSaysNothingAboutThePerson()
    {
        var scenario = await FhirScenario.CreateAsync(factory.Database);
        var outsider = await SignedInAsync(await OtherOrganisationAsync(), MembershipRole.Practitioner);
        var commissioner = await SignedInAsync(scenario.Charity.Id, MembershipRole.Commissioner);
        var admin = await factory.SignedInClientAsync(DemoAccounts.PlatformAdmin);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync($"/api/referrals/{scenario.Referral.Id}/fhir", Ct)).StatusCode);
        foreach (var client in new[] { outsider, commissioner, admin })
        {
            var response = await client.GetAsync($"/api/referrals/{scenario.Referral.Id}/fhir", Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain(scenario.Person.FamilyName, body);
            Assert.DoesNotContain(scenario.Person.NhsNumber!, body);
        }

        // A referral that does not exist gets the same answer as one the caller may not see.
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/referrals/{Guid.NewGuid()}/fhir", Ct)).StatusCode);
    }

    [Fact]
    public async Task PostFhir_ByAPractitioner_ImportsForTheirOrganisationOnceThenAnswersWithTheSameReferral()
    {
        var scenario = await FhirScenario.CreateAsync(factory.Database);
        var receiver = await SignedInAsync(scenario.Charity.Id, MembershipRole.Practitioner);
        var json = await (await receiver.GetAsync($"/api/referrals/{scenario.Referral.Id}/fhir", Ct)).Content.ReadAsStringAsync(Ct);
        var sender = await SignedInAsync(scenario.Practice.Id, MembershipRole.Practitioner);

        var first = await sender.PostAsync("/api/fhir/referrals", Fhir(json), Ct);
        var second = await sender.PostAsync("/api/fhir/referrals", Fhir(json), Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var created = (await first.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var again = (await second.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(created["id"]!.GetValue<Guid>(), again["id"]!.GetValue<Guid>());
        Assert.True(created["routed"]!.GetValue<bool>());
        Assert.False(again["created"]!.GetValue<bool>());
        await using var db = factory.CreateDbContext();
        var referral = await db.Referrals.SingleAsync(r => r.Id == created["id"]!.GetValue<Guid>(), Ct);
        Assert.Equal(scenario.Practice.Id, referral.ReferringOrganisationId);
        Assert.Equal(ReferralSource.Fhir, referral.Source);
    }

    [Fact]
    public async Task PostFhir_BadBundle_Is400NamingTheFhirPath()
    {
        var scenario = await FhirScenario.CreateAsync(factory.Database);
        var receiver = await SignedInAsync(scenario.Charity.Id, MembershipRole.Practitioner);
        var bundle = JsonNode.Parse(await (await receiver.GetAsync($"/api/referrals/{scenario.Referral.Id}/fhir", Ct)).Content.ReadAsStringAsync(Ct))!;
        bundle["entry"]![2]!["resource"]!["identifier"]![0]!["value"] = FhirScenario.InvalidNhsNumber();
        var admin = await factory.SignedInClientAsync(DemoAccounts.PlatformAdmin);

        var response = await admin.PostAsync("/api/fhir/referrals", Fhir(bundle.ToJsonString()), Ct);
        var notJson = await admin.PostAsync("/api/fhir/referrals", Fhir("{ this is not json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Contains("not a valid NHS number", problem["errors"]!["Bundle.entry[2].resource.identifier[0].value"]![0]!.GetValue<string>());
        Assert.Equal(FhirErrors.Invalid, problem["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.NotNull((await notJson.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject().First().Key);
    }

    [Fact]
    public async Task PostFhir_ByAnonymousOrSomeoneWhoDoesNotWorkWithPeople_IsRefusedBeforeReadingTheBundle()
    {
        var scenario = await FhirScenario.CreateAsync(factory.Database);
        var commissioner = await SignedInAsync(scenario.Charity.Id, MembershipRole.Commissioner);
        var practitioner = await SignedInAsync(scenario.Charity.Id, MembershipRole.Practitioner);

        var anonymous = await Anonymous().PostAsync("/api/fhir/referrals", Fhir("{}"), Ct);
        var refused = await commissioner.PostAsync("/api/fhir/referrals", Fhir("{}"), Ct);
        var otherOrganisation = await practitioner.PostAsync($"/api/fhir/referrals?organisationId={scenario.Practice.Id}", Fhir("{}"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherOrganisation.StatusCode);
    }

    private async Task<Guid> OtherOrganisationAsync()
    {
        var organisation = await new DirectoryTestData(() => factory.CreateDbContext()).OrganisationAsync($"Elsewhere {Guid.NewGuid():N}");
        return organisation.Id;
    }
}
