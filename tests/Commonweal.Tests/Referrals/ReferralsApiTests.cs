using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Commonweal.Accounts;
using Commonweal.Referrals;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Referrals;

/// <summary>A link worker refers a consenting person; the receiving community organisation works the referral; nobody else sees it.</summary>
public sealed class ReferralsApiTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<(HttpClient LinkWorker, Guid PersonId)> RegisteredPersonAsync()
    {
        await using var db = factory.CreateDbContext();
        var organisation = await ReferralTestData.OrganisationIdAsync(db, ReferralTestData.LinkWorkerOrganisation);
        var linkWorker = await factory.SignedInClientAsync(DemoAccounts.Practitioner);
        var person = await OkAsync(await linkWorker.PostAsJsonAsync("/api/people", ReferralTestData.PersonBody(organisation), Json, Cancel), HttpStatusCode.Created);
        return (linkWorker, person.GetProperty("id").GetGuid());
    }

    private async Task<(HttpClient LinkWorker, Guid PersonId, Guid ReferralId, Guid ServiceId)> SentReferralAsync(int? capacity = null)
    {
        var (linkWorker, personId) = await RegisteredPersonAsync();
        await using var db = factory.CreateDbContext();
        var service = await ReferralTestData.OpenServiceAsync(db, capacity: capacity);
        var need = await ReferralTestData.AnyNeedAsync(db);
        var organisation = await ReferralTestData.OrganisationIdAsync(db, ReferralTestData.LinkWorkerOrganisation);
        var referral = await OkAsync(await linkWorker.PostAsJsonAsync("/api/referrals", new
        {
            personId, serviceId = service.Id, referringOrganisationId = organisation, reasons = new[] { need }, urgency = "Soon",
            notes = "Lives alone since her husband died; would like to cook with others.",
        }, Json, Cancel), HttpStatusCode.Created);
        return (linkWorker, personId, referral.GetProperty("id").GetGuid(), service.Id);
    }

    private async Task<HttpClient> OutsiderAsync(string organisation = "Stepney Money Advice", MembershipRole role = MembershipRole.Practitioner)
    {
        var email = $"outsider-{Guid.NewGuid():N}@example.org";
        await using var db = factory.CreateDbContext();
        await ReferralTestData.UserAsync(db, email, organisation, role);
        return await factory.SignedInClientAsync(email);
    }

    [Fact]
    public async Task Referral_FromSentToCompleted_EachStepRecordedWithWho_AndTheReferrerSeesStatus()
    {
        var (linkWorker, personId, referralId, _) = await SentReferralAsync();
        var kitchen = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        await using (var db = factory.CreateDbContext())
        {
            var queue = await OkAsync(await kitchen.GetAsync($"/api/organisations/{await ReferralTestData.OrganisationIdAsync(db, ReferralTestData.ReceivingOrganisation)}/referrals?status=Sent", Cancel));
            var line = queue.GetProperty("contents").EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == referralId);
            // Lists carry initials, never names.
            Assert.Equal("A. B.", line.GetProperty("initials").GetString());
            Assert.DoesNotContain("Begum", queue.GetRawText());
        }

        var received = await OkAsync(await kitchen.GetAsync($"/api/referrals/{referralId}", Cancel));
        Assert.Equal("Amina Begum", received.GetProperty("person").GetProperty("name").GetString());
        Assert.Equal("ReferralParty", received.GetProperty("accessBasis").GetString());

        await OkAsync(await kitchen.PostAsJsonAsync($"/api/referrals/{referralId}/accept", new { }, Json, Cancel));
        await OkAsync(await kitchen.PostAsJsonAsync($"/api/referrals/{referralId}/start", new { }, Json, Cancel));
        await OkAsync(await kitchen.PostAsJsonAsync($"/api/referrals/{referralId}/messages", new { text = "Amina came to her first Tuesday lunch." }, Json, Cancel), HttpStatusCode.Created);
        var done = await OkAsync(await kitchen.PostAsJsonAsync($"/api/referrals/{referralId}/complete", new { reason = "Comes every week now" }, Json, Cancel));

        var seen = await OkAsync(await linkWorker.GetAsync($"/api/referrals/{referralId}", Cancel));
        Assert.Equal("Completed", seen.GetProperty("status").GetString());
        Assert.Equal(["Sent", "Accepted", "InProgress", "Completed"], seen.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()).ToArray());
        Assert.Equal(["Sam Whitfield", "Nadia Rahman", "Nadia Rahman", "Nadia Rahman"], seen.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("by").GetString()).ToArray());
        Assert.Equal("Amina came to her first Tuesday lunch.", Assert.Single(seen.GetProperty("messages").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(done.GetProperty("status").GetString(), seen.GetProperty("status").GetString());

        // Accepting put the kitchen's practitioner on the care team, beside the link worker.
        var person = await OkAsync(await kitchen.GetAsync($"/api/people/{personId}", Cancel));
        var team = person.GetProperty("careTeam").EnumerateArray().Select(m => (m.GetProperty("name").GetString(), m.GetProperty("organisation").GetString())).ToList();
        Assert.Contains(("Sam Whitfield", ReferralTestData.LinkWorkerOrganisation), team);
        Assert.Contains(("Nadia Rahman", ReferralTestData.ReceivingOrganisation), team);
    }

    [Fact]
    public async Task Capacity_FillsOnAccept_ClosesTheService_AndReopensWhenAPlaceFrees()
    {
        var (_, _, referralId, serviceId) = await SentReferralAsync(capacity: 1);
        var kitchen = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        await OkAsync(await kitchen.PostAsJsonAsync($"/api/referrals/{referralId}/accept", new { }, Json, Cancel));
        await using (var db = factory.CreateDbContext())
        {
            var full = await db.Services.AsNoTracking().SingleAsync(s => s.Id == serviceId, Cancel);
            Assert.Equal(1, full.ActiveReferrals);
            Assert.False(full.AcceptingReferrals);
            Assert.True(full.PausedAtCapacity);
        }

        // A second referral to the full service is refused, naming it.
        var (linkWorker, personId) = await RegisteredPersonAsync();
        await using (var db = factory.CreateDbContext())
        {
            var refused = await ProblemAsync(await linkWorker.PostAsJsonAsync("/api/referrals", new
            {
                personId, serviceId, referringOrganisationId = await ReferralTestData.OrganisationIdAsync(db, ReferralTestData.LinkWorkerOrganisation),
                reasons = new[] { await ReferralTestData.AnyNeedAsync(db) }, urgency = "Routine",
            }, Json, Cancel), HttpStatusCode.BadRequest);
            Assert.Equal(PersonErrors.NotAcceptingReferrals, refused.GetProperty("code").GetString());
            Assert.Contains("is full", refused.GetProperty("errors").GetProperty("serviceId")[0].GetString());
        }

        await OkAsync(await kitchen.PostAsJsonAsync($"/api/referrals/{referralId}/complete", new { }, Json, Cancel));
        await using (var db = factory.CreateDbContext())
        {
            var open = await db.Services.AsNoTracking().SingleAsync(s => s.Id == serviceId, Cancel);
            Assert.Equal(0, open.ActiveReferrals);
            Assert.True(open.AcceptingReferrals);
            Assert.False(open.PausedAtCapacity);
        }
    }

    [Fact]
    public async Task Referral_ToAServiceNotAcceptingReferrals_IsRefusedWithTheReason()
    {
        var (linkWorker, personId) = await RegisteredPersonAsync();
        await using var db = factory.CreateDbContext();
        var service = await ReferralTestData.OpenServiceAsync(db, "Mile End Carers Centre");
        service.AcceptingReferrals = false;
        await db.SaveChangesAsync(Cancel);

        var refused = await ProblemAsync(await linkWorker.PostAsJsonAsync("/api/referrals", new
        {
            personId, serviceId = service.Id, referringOrganisationId = await ReferralTestData.OrganisationIdAsync(db, ReferralTestData.LinkWorkerOrganisation),
            reasons = new[] { await ReferralTestData.AnyNeedAsync(db) }, urgency = "Routine",
        }, Json, Cancel), HttpStatusCode.BadRequest);

        Assert.Equal(PersonErrors.NotAcceptingReferrals, refused.GetProperty("code").GetString());
        Assert.Equal($"{service.Name} is not accepting referrals at the moment", refused.GetProperty("errors").GetProperty("serviceId")[0].GetString());
        Assert.False(await db.Referrals.AnyAsync(r => r.PersonId == personId, Cancel));
    }

    [Fact]
    public async Task Referral_WithoutConsent_IsRefused_AndWithConsentToThisReferral_IsSent()
    {
        var (linkWorker, personId) = await RegisteredPersonAsync();
        var person = await OkAsync(await linkWorker.GetAsync($"/api/people/{personId}", Cancel));
        var sharing = person.GetProperty("consents")[0].GetProperty("id").GetGuid();
        await OkAsync(await linkWorker.PostAsJsonAsync($"/api/consents/{sharing}/withdraw", new { reason = "Prefers to share only what each referral needs" }, Json, Cancel));
        await using var db = factory.CreateDbContext();
        var service = await ReferralTestData.OpenServiceAsync(db);
        var body = new Dictionary<string, object?>
        {
            ["personId"] = personId, ["serviceId"] = service.Id,
            ["referringOrganisationId"] = await ReferralTestData.OrganisationIdAsync(db, ReferralTestData.LinkWorkerOrganisation),
            ["reasons"] = new[] { await ReferralTestData.AnyNeedAsync(db) }, ["urgency"] = "Routine",
        };

        var refused = await ProblemAsync(await linkWorker.PostAsJsonAsync("/api/referrals", body, Json, Cancel), HttpStatusCode.BadRequest);
        Assert.Equal(PersonErrors.ConsentRequired, refused.GetProperty("code").GetString());
        Assert.True(refused.GetProperty("errors").TryGetProperty("consent", out _));

        body["consent"] = new { givenBy = "Representative", representativeName = "Yusuf Begum", representativeRelationship = "Son", method = "Written" };
        var sent = await OkAsync(await linkWorker.PostAsJsonAsync("/api/referrals", body, Json, Cancel), HttpStatusCode.Created);
        var consent = await db.Consents.SingleAsync(c => c.ReferralId == sent.GetProperty("id").GetGuid(), Cancel);
        Assert.Equal(ConsentScope.Referral, consent.Scope);
        Assert.Equal("Yusuf Begum", consent.RepresentativeName);

        // The answer is the referral as its maker now sees it, on the strength of the consent just given,
        // and that read is in the log.
        Assert.Equal(service.Name, sent.GetProperty("service").GetString());
        Assert.False(string.IsNullOrEmpty(sent.GetProperty("reasons")[0].GetProperty("name").GetString()));
        Assert.Equal(personId, sent.GetProperty("person").GetProperty("id").GetGuid());
        var referralId = sent.GetProperty("id").GetGuid().ToString();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "Referral.Created" && e.EntityId == referralId, Cancel));
        var read = await db.AuditEvents.SingleAsync(e => e.Action == PersonRecords.ReadAction && e.EntityId == personId.ToString()
            && e.Summary.Contains("API: referral sent"), Cancel);
        Assert.StartsWith(nameof(AccessBasis.ReferralParty), read.Reason);
    }

    [Fact]
    public async Task Outsiders_AnonymousAndOtherOrganisations_SeeNothing_AndLearnNothingAboutExistence()
    {
        var (_, personId, referralId, _) = await SentReferralAsync();
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/people/{personId}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/referrals/{referralId}", Cancel)).StatusCode);

        HttpClient[] outsiders =
        [
            await OutsiderAsync(),
            await OutsiderAsync(ReferralTestData.LinkWorkerOrganisation), // the link worker's colleague, not on the team
            await OutsiderAsync("NHS North East London Integrated Care Board", MembershipRole.Commissioner),
            await OutsiderAsync(ReferralTestData.ReceivingOrganisation, MembershipRole.Evaluator),
            await factory.SignedInClientAsync(DemoAccounts.PlatformAdmin),
        ];
        foreach (var outsider in outsiders)
        {
            var known = await ProblemAsync(await outsider.GetAsync($"/api/people/{personId}", Cancel), HttpStatusCode.Forbidden);
            var unknown = await ProblemAsync(await outsider.GetAsync($"/api/people/{Guid.CreateVersion7()}", Cancel), HttpStatusCode.Forbidden);
            Assert.Equal(unknown.GetProperty("title").GetString(), known.GetProperty("title").GetString());
            Assert.Equal(unknown.GetProperty("code").GetString(), known.GetProperty("code").GetString());
            await ProblemAsync(await outsider.GetAsync($"/api/referrals/{referralId}", Cancel), HttpStatusCode.Forbidden);
            await ProblemAsync(await outsider.PostAsJsonAsync($"/api/referrals/{referralId}/accept", new { }, Json, Cancel), HttpStatusCode.Forbidden);
            await ProblemAsync(await outsider.PostAsJsonAsync($"/api/referrals/{referralId}/messages", new { text = "hello" }, Json, Cancel), HttpStatusCode.Forbidden);
        }

        // Every refused attempt is in the audit log against the person.
        await using var db = factory.CreateDbContext();
        Assert.True(await db.AuditEvents.CountAsync(e => e.EntityId == personId.ToString() && e.Action == PersonRecords.RefusedAction, Cancel) >= outsiders.Length * 2);
    }

    [Fact]
    public async Task WithdrawingSharing_StopsTheCareTeamAtOnce_AndTheRecordSaysFromWhen()
    {
        var (linkWorker, personId, referralId, _) = await SentReferralAsync();
        var kitchen = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        await OkAsync(await kitchen.PostAsJsonAsync($"/api/referrals/{referralId}/accept", new { }, Json, Cancel));
        var sharing = (await OkAsync(await linkWorker.GetAsync($"/api/people/{personId}", Cancel))).GetProperty("consents")
            .EnumerateArray().Single(c => c.GetProperty("scope").GetString() == "CareTeamSharing").GetProperty("id").GetGuid();

        await OkAsync(await linkWorker.PostAsJsonAsync($"/api/consents/{sharing}/withdraw", new { reason = "Asked us to stop sharing" }, Json, Cancel));

        foreach (var member in new[] { linkWorker, kitchen })
        {
            var refused = await ProblemAsync(await member.GetAsync($"/api/people/{personId}", Cancel), HttpStatusCode.Forbidden);
            Assert.Equal(PersonErrors.ConsentWithdrawn, refused.GetProperty("code").GetString());
            Assert.Contains("withdrew consent to care team sharing on", refused.GetProperty("title").GetString());
            await ProblemAsync(await member.GetAsync($"/api/referrals/{referralId}", Cancel), HttpStatusCode.Forbidden);
            await ProblemAsync(await member.PostAsJsonAsync($"/api/referrals/{referralId}/messages", new { text = "still there?" }, Json, Cancel), HttpStatusCode.Forbidden);
        }

        // Work stops too; only cancelling remains, for the referrer.
        await ProblemAsync(await kitchen.PostAsJsonAsync($"/api/referrals/{referralId}/complete", new { }, Json, Cancel), HttpStatusCode.Forbidden);
        await OkAsync(await linkWorker.PostAsJsonAsync($"/api/referrals/{referralId}/cancel", new { reason = "Consent withdrawn" }, Json, Cancel));
    }

    [Fact]
    public async Task BreakGlass_OpensTheRecordForItsReason_IsAudited_ReviewedByAnAdmin_AndShownInTheAccessReport()
    {
        var (_, personId) = await RegisteredPersonAsync();
        var stranger = await OutsiderAsync();

        var tooShort = await ProblemAsync(await stranger.PostAsJsonAsync($"/api/people/{personId}/break-glass", new { reason = "urgent" }, Json, Cancel), HttpStatusCode.BadRequest);
        Assert.True(tooShort.GetProperty("errors").TryGetProperty("reason", out _));
        const string Reason = "Out-of-hours: her son reports she has not been seen for three days";
        var declared = await OkAsync(await stranger.PostAsJsonAsync($"/api/people/{personId}/break-glass", new { reason = Reason }, Json, Cancel), HttpStatusCode.Created);

        var read = await OkAsync(await stranger.GetAsync($"/api/people/{personId}", Cancel));
        Assert.Equal("BreakGlass", read.GetProperty("accessBasis").GetString());
        // Break-glass reads; it does not change the care team.
        await ProblemAsync(await stranger.PostAsJsonAsync($"/api/people/{personId}/care-team", new { email = DemoAccounts.ProviderAdmin, organisationId = Guid.NewGuid(), role = "x" }, Json, Cancel), HttpStatusCode.Forbidden);

        var admin = await factory.SignedInClientAsync(DemoAccounts.PlatformAdmin);
        var pending = await OkAsync(await admin.GetAsync("/api/admin/break-glass", Cancel));
        Assert.Contains(pending.EnumerateArray(), b => b.GetProperty("id").GetGuid() == declared.GetProperty("id").GetGuid() && b.GetProperty("reason").GetString() == Reason);
        await ProblemAsync(await stranger.GetAsync("/api/admin/break-glass", Cancel), HttpStatusCode.Forbidden);
        await OkAsync(await admin.PostAsJsonAsync($"/api/admin/break-glass/{declared.GetProperty("id").GetGuid()}/review", new { review = "Justified", note = "Welfare check" }, Json, Cancel));

        var report = await OkAsync(await admin.GetAsync($"/api/people/{personId}/access-report", Cancel));
        var entries = report.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("reason").GetString())).ToList();
        Assert.Contains((BreakGlass.DeclaredAction, Reason), entries);
        Assert.Contains(entries, e => e.Item1 == PersonRecords.ReadAction && e.Item2!.StartsWith("BreakGlass: " + Reason, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Item1 == PersonRecords.ReadAction && e.Item2!.StartsWith("CareTeam", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Item1 == "Consent.Created");
        // Nobody but a platform admin produces the report.
        await ProblemAsync(await stranger.GetAsync($"/api/people/{personId}/access-report", Cancel), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Register_BadInput_NamesEachField_AndWritesNothing()
    {
        await using var db = factory.CreateDbContext();
        var organisation = await ReferralTestData.OrganisationIdAsync(db, ReferralTestData.LinkWorkerOrganisation);
        var linkWorker = await factory.SignedInClientAsync(DemoAccounts.Practitioner);
        var before = await db.People.CountAsync(Cancel);

        var problem = await ProblemAsync(await linkWorker.PostAsJsonAsync("/api/people", new
        {
            nhsNumber = "943 476 5918", givenName = "", familyName = "Begum", dateOfBirth = "2990-01-01", postcode = "not a postcode",
            contactPreference = "Email", organisationId = organisation, role = "Link worker",
            consent = new { givenBy = "Representative", method = "Verbal" },
        }, Json, Cancel), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "nhsNumber", "givenName", "dateOfBirth", "postcode", "email", "consent.representativeName", "consent.representativeRelationship" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Equal(before, await db.People.CountAsync(Cancel));
        var unreadable = await ProblemAsync(await linkWorker.PostAsync("/api/people", new StringContent("{\"dateOfBirth\": 12}", System.Text.Encoding.UTF8, "application/json"), Cancel), HttpStatusCode.BadRequest);
        Assert.True(unreadable.GetProperty("errors").TryGetProperty("$.dateOfBirth", out _));
    }

    [Fact]
    public async Task Register_Duplicates_SameNhsNumberRefused_SameNameBirthAndPostcodeNeedsConfirming()
    {
        await using var db = factory.CreateDbContext();
        var organisation = await ReferralTestData.OrganisationIdAsync(db, ReferralTestData.LinkWorkerOrganisation);
        var linkWorker = await factory.SignedInClientAsync(DemoAccounts.Practitioner);
        var nhs = ReferralTestData.NewNhsNumber();
        var family = $"Okonkwo{Guid.NewGuid():N}"[..20];
        var first = await OkAsync(await linkWorker.PostAsJsonAsync("/api/people", ReferralTestData.PersonBody(organisation, nhs, family), Json, Cancel), HttpStatusCode.Created);

        var sameNumber = await ProblemAsync(await linkWorker.PostAsJsonAsync("/api/people", ReferralTestData.PersonBody(organisation, nhs, "Different"), Json, Cancel), HttpStatusCode.BadRequest);
        Assert.Equal(PersonErrors.Duplicate, sameNumber.GetProperty("code").GetString());
        Assert.True(sameNumber.GetProperty("errors").TryGetProperty("nhsNumber", out _));

        var twin = new Dictionary<string, object?>(JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(ReferralTestData.PersonBody(organisation, ReferralTestData.NewNhsNumber(), family), Json))!)
        {
            ["dateOfBirth"] = first.GetProperty("dateOfBirth").GetString(),
        };
        var sameDetails = await ProblemAsync(await linkWorker.PostAsJsonAsync("/api/people", twin, Json, Cancel), HttpStatusCode.BadRequest);
        Assert.True(sameDetails.GetProperty("errors").TryGetProperty("confirmNotDuplicate", out _));

        twin["confirmNotDuplicate"] = true;
        await OkAsync(await linkWorker.PostAsJsonAsync("/api/people", twin, Json, Cancel), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Lifecycle_RefusesSkippedSteps_DeclineNeedsAReason_AndOnlyTheReferrerCancels()
    {
        var (linkWorker, _, referralId, _) = await SentReferralAsync();
        var kitchen = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var skipped = await ProblemAsync(await kitchen.PostAsJsonAsync($"/api/referrals/{referralId}/complete", new { }, Json, Cancel), HttpStatusCode.Conflict);
        Assert.Equal("A referral that is sent cannot be completed.", skipped.GetProperty("title").GetString());
        var noReason = await ProblemAsync(await kitchen.PostAsJsonAsync($"/api/referrals/{referralId}/decline", new { }, Json, Cancel), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        await ProblemAsync(await kitchen.PostAsJsonAsync($"/api/referrals/{referralId}/cancel", new { reason = "x" }, Json, Cancel), HttpStatusCode.Forbidden);
        await ProblemAsync(await linkWorker.PostAsJsonAsync($"/api/referrals/{referralId}/accept", new { }, Json, Cancel), HttpStatusCode.Forbidden);

        var declined = await OkAsync(await kitchen.PostAsJsonAsync($"/api/referrals/{referralId}/decline", new { reason = "Our Tuesday group is for over-65s" }, Json, Cancel));
        Assert.Equal("Declined", declined.GetProperty("status").GetString());
        Assert.Equal("Our Tuesday group is for over-65s", declined.GetProperty("statusReason").GetString());
        await ProblemAsync(await kitchen.PostAsJsonAsync($"/api/referrals/{referralId}/accept", new { }, Json, Cancel), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task EveryRead_IsAuditedAgainstThePerson_WithItsGrounds()
    {
        var (linkWorker, personId) = await RegisteredPersonAsync();
        await using var db = factory.CreateDbContext();
        var before = await db.AuditEvents.CountAsync(e => e.EntityId == personId.ToString() && e.Action == PersonRecords.ReadAction, Cancel);

        await OkAsync(await linkWorker.GetAsync($"/api/people/{personId}", Cancel));
        await OkAsync(await linkWorker.GetAsync($"/api/people/{personId}", Cancel));

        var reads = await db.AuditEvents.Where(e => e.EntityId == personId.ToString() && e.Action == PersonRecords.ReadAction).OrderBy(e => e.Sequence).ToListAsync(Cancel);
        Assert.Equal(before + 2, reads.Count);
        Assert.All(reads, r => Assert.Equal($"user:{DemoAccounts.Practitioner}", r.Actor));
        Assert.StartsWith("CareTeam", reads[^1].Reason);
    }

    [Fact]
    public async Task Attachments_TheOtherSideDownloadsTheSameBytes_OutsidersCannot_BadFilesAreNamed_AndTheLogHoldsNoContent()
    {
        var (linkWorker, _, referralId, _) = await SentReferralAsync();
        var kitchen = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);
        var letter = "%PDF-1.4 referral letter for the kitchen (attachment-secret-51c2)"u8.ToArray();

        var added = await OkAsync(await linkWorker.PostAsJsonAsync($"/api/referrals/{referralId}/attachments",
            new { fileName = "letter.pdf", contentType = "application/pdf", content = Convert.ToBase64String(letter) }, Json, Cancel), HttpStatusCode.Created);
        var download = await kitchen.GetAsync($"/api/referrals/{referralId}/attachments/{added.GetProperty("id").GetGuid()}", Cancel);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(letter, await download.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(letter)), added.GetProperty("sha256").GetString());

        var outsider = await OutsiderAsync();
        await ProblemAsync(await outsider.GetAsync($"/api/referrals/{referralId}/attachments/{added.GetProperty("id").GetGuid()}", Cancel), HttpStatusCode.Forbidden);
        await ProblemAsync(await outsider.PostAsJsonAsync($"/api/referrals/{referralId}/attachments",
            new { fileName = "x.pdf", contentType = "application/pdf", content = Convert.ToBase64String(letter) }, Json, Cancel), HttpStatusCode.Forbidden);

        var program = await ProblemAsync(await linkWorker.PostAsJsonAsync($"/api/referrals/{referralId}/attachments",
            new { fileName = "tool.exe", contentType = "application/octet-stream", content = Convert.ToBase64String(letter) }, Json, Cancel), HttpStatusCode.BadRequest);
        Assert.True(program.GetProperty("errors").TryGetProperty("fileName", out _));
        var garbled = await ProblemAsync(await linkWorker.PostAsJsonAsync($"/api/referrals/{referralId}/attachments",
            new { fileName = "letter.pdf", contentType = "application/pdf", content = "not base64!" }, Json, Cancel), HttpStatusCode.BadRequest);
        Assert.True(garbled.GetProperty("errors").TryGetProperty("content", out _));

        await using var db = factory.CreateDbContext();
        var logged = await db.AuditEvents.Where(e => e.EntityType == nameof(ReferralAttachment)).Select(e => e.Summary).ToListAsync(Cancel);
        Assert.NotEmpty(logged);
        Assert.DoesNotContain(logged, summary => summary.Contains(Convert.ToBase64String(letter), StringComparison.Ordinal) || summary.Contains("attachment-secret-51c2", StringComparison.Ordinal));
    }
}
