using AngleSharp.Dom;
using System.Net;
using Commonweal.Accounts;
using Commonweal.Referrals;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Referrals;

/// <summary>The pages that show people and referrals, tried from inside and outside the care team.</summary>
public sealed class ReferralPagesTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static int births;

    /// <summary>The link worker registers Amina Begum on the page and refers her to the kitchen's service on the page.</summary>
    private async Task<(HttpClient LinkWorker, Guid PersonId, Guid ReferralId)> ReferredOnThePagesAsync()
    {
        await using var db = factory.CreateDbContext();
        var service = await ReferralTestData.OpenServiceAsync(db);
        var need = await db.ServiceTaxonomyTerms.Where(t => t.ServiceId == service.Id).Select(t => t.TaxonomyTermId).FirstAsync(Cancel);
        var linkWorker = await factory.SignedInClientAsync(DemoAccounts.Practitioner);
        var registered = await linkWorker.SubmitAsync("/people/new", new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Amina", ["Input.FamilyName"] = "Begum",
            // A birth date of its own for each person, so that none is taken for a duplicate of another.
            ["Input.DateOfBirth"] = new DateOnly(1940, 1, 1).AddDays(Interlocked.Increment(ref births)).ToString("d/M/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ContactPreference"] = "Phone", ["Input.Phone"] = "020 7946 0000", ["Input.Role"] = "Link worker",
            ["Input.Consent.GivenBy"] = "Person", ["Input.Consent.Method"] = "Verbal",
        });
        var page = await Forms.ParseAsync(registered);
        Assert.Null(page.ErrorSummary());
        var personId = Guid.Parse(registered.RequestMessage!.RequestUri!.Segments[^1]);

        var referred = await linkWorker.SubmitAsync($"/services/{service.Id}/refer", new Dictionary<string, string>
        {
            ["Input.PersonId"] = personId.ToString(), ["Input.Reasons"] = need.ToString(), ["Input.Urgency"] = "Routine",
        });
        Assert.Null((await Forms.ParseAsync(referred)).ErrorSummary());
        var referralId = Guid.Parse(referred.RequestMessage!.RequestUri!.Segments[^1]);
        return (linkWorker, personId, referralId);
    }

    [Fact]
    public async Task CareTeam_SeesTheRecordAndReferral_OutsidersSeeNeitherTheNameNorWhetherItExists()
    {
        var (linkWorker, personId, referralId) = await ReferredOnThePagesAsync();
        Assert.Contains("Amina Begum", await linkWorker.GetStringAsync($"/people/{personId}", Cancel));
        Assert.Contains("Amina Begum", await linkWorker.GetStringAsync($"/referrals/{referralId}", Cancel));

        var email = $"outsider-{Guid.NewGuid():N}@example.org";
        await using (var db = factory.CreateDbContext())
        {
            await ReferralTestData.UserAsync(db, email, "Stepney Money Advice");
        }

        var outsider = await factory.SignedInClientAsync(email);
        foreach (var url in new[] { $"/people/{personId}", $"/referrals/{referralId}" })
        {
            var response = await outsider.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("Begum", await response.Content.ReadAsStringAsync(Cancel));
        }

        var unknown = await outsider.GetAsync($"/people/{Guid.CreateVersion7()}", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);

        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var url in new[] { $"/people/{personId}", $"/referrals/{referralId}", "/people", "/referrals" })
        {
            var response = await anonymous.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task ReceivingService_AcceptsAndCompletesOnThePage_AndTheQueueShowsInitialsOnly()
    {
        var (_, _, referralId) = await ReferredOnThePagesAsync();
        var kitchen = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var queue = await kitchen.GetStringAsync("/referrals?status=Sent", Cancel);
        Assert.Contains($"/referrals/{referralId}", queue);
        Assert.DoesNotContain("Begum", queue);

        var accepted = await kitchen.SubmitAsync($"/referrals/{referralId}", new Dictionary<string, string> { ["action"] = "Accept" }, "form[action*='handler=Act']");
        Assert.Contains("is now accepted", await accepted.Content.ReadAsStringAsync(Cancel));
        var completed = await kitchen.SubmitAsync($"/referrals/{referralId}", new Dictionary<string, string> { ["action"] = "Complete", ["Reason"] = "Joined the Tuesday lunch" }, "form[action*='handler=Act']");
        Assert.Contains("is now completed", await completed.Content.ReadAsStringAsync(Cancel));

        await using var db = factory.CreateDbContext();
        var referral = await db.Referrals.Include(r => r.Transitions).SingleAsync(r => r.Id == referralId, Cancel);
        Assert.Equal(ReferralStatus.Completed, referral.Status);
        Assert.Equal(3, referral.Transitions.Count);
    }

    [Fact]
    public async Task Register_BadInput_ShowsTheErrorSummaryNamingFields()
    {
        var linkWorker = await factory.SignedInClientAsync(DemoAccounts.Practitioner);

        var response = await linkWorker.SubmitAsync("/people/new", new Dictionary<string, string>
        {
            ["Input.NhsNumber"] = "943 476 5918", ["Input.FamilyName"] = "Begum", ["Input.DateOfBirth"] = "31/2/1956", ["Input.Role"] = "Link worker",
        });

        var summary = (await Forms.ParseAsync(response)).ErrorSummary();
        Assert.NotNull(summary);
        Assert.Contains("Enter a valid NHS number", summary);
        Assert.Contains("Date of birth must be a real date", summary);
        Assert.Contains("Record the person's consent", summary);
    }

    [Fact]
    public async Task BreakGlass_OnThePage_OpensTheRecordAndListsItForReview()
    {
        var (_, personId, _) = await ReferredOnThePagesAsync();
        var email = $"duty-{Guid.NewGuid():N}@example.org";
        await using (var db = factory.CreateDbContext())
        {
            await ReferralTestData.UserAsync(db, email, "Mile End Carers Centre", MembershipRole.Admin);
        }

        var duty = await factory.SignedInClientAsync(email);
        Assert.Contains("Declare and open the record", await (await duty.GetAsync($"/people/{personId}", Cancel)).Content.ReadAsStringAsync(Cancel));
        var declared = await duty.PostWithTokenAsync($"/people/{personId}?handler=BreakGlass", new Dictionary<string, string> { ["Reason"] = "Her carer rang in distress and cannot reach her" });
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        var html = await declared.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Amina Begum", html);
        Assert.Contains("You are reading this record by break-glass", html);

        var admin = await factory.SignedInClientAsync(DemoAccounts.PlatformAdmin);
        Assert.Contains("Her carer rang in distress and cannot reach her", await admin.GetStringAsync("/admin/break-glass", Cancel));
        var report = await admin.GetStringAsync($"/admin/break-glass?person={personId}", Cancel);
        Assert.Contains(BreakGlass.DeclaredAction, report);
        Assert.Equal(HttpStatusCode.Forbidden, (await duty.GetAsync("/admin/break-glass", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Attach_OnTheReferralPage_ThenDownload_AndAProgramIsRefusedBesideTheField()
    {
        var (linkWorker, _, referralId) = await ReferredOnThePagesAsync();

        async Task<HttpResponseMessage> UploadAsync(string name, string type, byte[] bytes)
        {
            var page = await linkWorker.GetDocumentAsync($"/referrals/{referralId}");
            var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("form[action*='handler=Attach'] input[name=__RequestVerificationToken]")!.Value;
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { file, "Upload", name } };
            return await linkWorker.PostAsync($"/referrals/{referralId}?handler=Attach", form, Cancel);
        }

        var attached = await UploadAsync("care-summary.txt", "text/plain", "Allergic to penicillin."u8.ToArray());
        var html = await attached.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("care-summary.txt is attached", html);
        var link = (await Forms.ParseAsync(attached)).QuerySelectorAll<AngleSharp.Html.Dom.IHtmlAnchorElement>("a").Single(a => a.TextContent == "care-summary.txt").GetAttribute("href")!;
        Assert.Equal("Allergic to penicillin.", await linkWorker.GetStringAsync(link, Cancel));

        var refused = await UploadAsync("setup.exe", "application/octet-stream", [0x4d, 0x5a]);
        var summary = (await Forms.ParseAsync(refused)).ErrorSummary();
        Assert.Contains("The file must be a PDF", summary);
    }
}
