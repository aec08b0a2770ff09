using System.Net;
using AngleSharp.Dom;
using Commonweal.Accounts;
using Commonweal.Passport;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Passport;

public sealed class PassportPageTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> InsuranceForm(string starts = "1/4/2026", string expires = "31/3/2027", string cover = "5,000,000") => new()
    {
        ["Input.Insurer"] = "Thameside Mutual",
        ["Input.PolicyNumber"] = "TMI-PL-1",
        ["Input.Cover"] = cover,
        ["Input.StartsOn"] = starts,
        ["Input.ExpiresOn"] = expires,
    };

    private static string StatusOfKind(AngleSharp.Dom.IDocument page, EvidenceKind kind) =>
        page.QuerySelector($".cw-passport-summary tr[data-kind={kind}] .nhsuk-tag")!.TextContent.Trim();

    [Fact]
    public async Task SeededPassport_OfTheProviderAdminsOrganisation_IsCompleteAndValid()
    {
        var bow = await factory.OrganisationIdAsync(DemoPassports.CompleteOrganisation);
        var admin = await factory.SignedInClientAsync(DemoAccounts.ProviderAdmin);

        var page = await admin.GetDocumentAsync($"/organisations/{bow}/passport");

        foreach (var kind in Enum.GetValues<EvidenceKind>().Where(k => k != EvidenceKind.CqcRegistration))
        {
            Assert.Equal("Valid", StatusOfKind(page, kind));
        }

        Assert.Equal("Missing", StatusOfKind(page, EvidenceKind.CqcRegistration));
        Assert.Null(page.QuerySelector(".cw-passport-reminders"));
        Assert.Contains("Thameside Mutual", page.QuerySelector($"section[data-kind={EvidenceKind.PublicLiabilityInsurance}]")!.TextContent);
        var download = page.QuerySelector($"section[data-kind={EvidenceKind.SafeguardingPolicy}] a[href*='/passport/documents/']")!.GetAttribute("href")!;
        var file = await admin.GetAsync(download, Cancel);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await file.Content.ReadAsByteArrayAsync(Cancel))[..5]);
    }

    [Fact]
    public async Task SeededPassports_ShowExpiringAndExpiredEvidence_AndOneCertificateIsStoredOnceForBothPolicies()
    {
        await using var db = factory.CreateDbContext();
        var queries = new PassportQueries(db);
        var now = DateTime.UtcNow;

        var mileEnd = await queries.SummaryAsync(await factory.OrganisationIdAsync(DemoPassports.ExpiringOrganisation), now, Cancel);
        var stepney = await queries.SummaryAsync(await factory.OrganisationIdAsync(DemoPassports.ReviewDueOrganisation), now, Cancel);
        var docklands = await queries.SummaryAsync(await factory.OrganisationIdAsync(DemoPassports.ExpiredOrganisation), now, Cancel);
        var bow = await factory.OrganisationIdAsync(DemoPassports.CompleteOrganisation);

        Assert.Equal(EvidenceState.ExpiringSoon, mileEnd.Status[EvidenceKind.PublicLiabilityInsurance].State);
        Assert.Equal(EvidenceState.ExpiringSoon, stepney.Status[EvidenceKind.SafeguardingPolicy].State);
        Assert.Equal(EvidenceState.Expired, docklands.Status[EvidenceKind.EmployersLiabilityInsurance].State);
        Assert.True(docklands.HasCqcRegistration);
        Assert.Equal(5_000_000m, docklands.InsuranceCover(EvidenceKind.PublicLiabilityInsurance));
        var certificates = await db.PassportDocuments.Where(d => d.OrganisationId == bow && d.FileName == "liability-insurance-certificate.pdf").CountAsync(Cancel);
        Assert.Equal(1, certificates);
        Assert.Equal(2, await db.EvidenceAttachments.CountAsync(a => a.Document!.OrganisationId == bow && a.Document.FileName == "liability-insurance-certificate.pdf", Cancel));
    }

    [Fact]
    public async Task Reminders_ShowOnThePassportAndTheHomePage_OfTheOrganisationsAdmins()
    {
        var docklands = await factory.OrganisationIdAsync(DemoPassports.ExpiredOrganisation);
        await using (var db = factory.CreateDbContext())
        {
            await PassportReminders.RunAsync(db, DateTime.UtcNow, Cancel);
        }

        var (admin, _) = await factory.MemberAsync(MembershipRole.Admin, docklands);

        var passport = await admin.GetDocumentAsync($"/organisations/{docklands}/passport");
        var home = await admin.GetDocumentAsync("/");

        Assert.Contains("Employers' liability insurance: expired", passport.QuerySelector(".cw-passport-reminders")!.TextContent);
        Assert.Contains("Compliance passport: 1 reminder", home.QuerySelector("#your-organisation")!.ParentElement!.TextContent.Replace("\n", " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewPassport_ShowsTheEmptyState()
    {
        var (admin, organisation) = await factory.MemberAsync(MembershipRole.Admin);

        var page = await admin.GetDocumentAsync($"/organisations/{organisation}/passport");

        Assert.NotNull(page.QuerySelector(".cw-passport-empty"));
        Assert.All(Enum.GetValues<EvidenceKind>(), k => Assert.Equal("Missing", StatusOfKind(page, k)));
        Assert.NotNull(page.QuerySelector($"a[href='/organisations/{organisation}/passport/evidence?kind={EvidenceKind.DbsChecks}']"));
    }

    [Fact]
    public async Task Admin_AddsInsurance_WhichIsValidAndAudited()
    {
        var (admin, organisation) = await factory.MemberAsync(MembershipRole.Admin);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var form = InsuranceForm(FormDate(today.AddMonths(-1)), FormDate(today.AddMonths(11)), "£2,500,000");

        var response = await admin.SubmitAsync($"/organisations/{organisation}/passport/evidence?kind={EvidenceKind.PublicLiabilityInsurance}", form);

        var page = await Forms.ParseAsync(response);
        Assert.Null(page.ErrorSummary());
        var passport = await admin.GetDocumentAsync($"/organisations/{organisation}/passport");
        Assert.Equal("Valid", StatusOfKind(passport, EvidenceKind.PublicLiabilityInsurance));
        Assert.Contains("£2,500,000 cover", passport.QuerySelector($"section[data-kind={EvidenceKind.PublicLiabilityInsurance}]")!.TextContent);
        await using var db = factory.CreateDbContext();
        var policy = await db.PassportEvidence.OfType<InsurancePolicy>().SingleAsync(p => p.OrganisationId == organisation, Cancel);
        Assert.Equal(2_500_000m, policy.Cover);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "InsurancePolicy.Created" && e.EntityId == policy.Id.ToString() && e.ActorUserId != null, Cancel));
    }

    [Fact]
    public async Task Admin_WithBadValues_IsToldWhichFields_AndNothingIsSaved()
    {
        var (admin, organisation) = await factory.MemberAsync(MembershipRole.Admin);

        var insurance = await Forms.ParseAsync(await admin.SubmitAsync(
            $"/organisations/{organisation}/passport/evidence?kind={EvidenceKind.EmployersLiabilityInsurance}",
            InsuranceForm(starts: "1/4/2026", expires: "31/3/2026", cover: "0")));
        var accounts = await Forms.ParseAsync(await admin.SubmitAsync(
            $"/organisations/{organisation}/passport/evidence?kind={EvidenceKind.Accounts}",
            new Dictionary<string, string> { ["Input.YearEnd"] = "31/13/2025", ["Input.Income"] = "about forty thousand" }));

        Assert.Contains("Expiry date must be after the start date", insurance.ErrorSummary());
        Assert.Contains("Cover must be more than £0", insurance.ErrorSummary());
        Assert.NotNull(insurance.QuerySelector(".nhsuk-error-summary a[href='#Input_ExpiresOn']"));
        Assert.NotNull(insurance.QuerySelector("#Input_ExpiresOn-error"));
        Assert.Contains("Year end must be a real date", accounts.ErrorSummary());
        Assert.Contains("Income must be a number of pounds", accounts.ErrorSummary());
        Assert.Equal("about forty thousand", accounts.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Income")!.Value);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.PassportEvidence.AnyAsync(e => e.OrganisationId == organisation, Cancel));
    }

    [Fact]
    public async Task Admin_UploadsDocuments_SameFileTwiceIsStoredOnce_BadFilesAreRefusedByName()
    {
        var (admin, organisation) = await factory.MemberAsync(MembershipRole.Admin);
        var page = await Forms.ParseAsync(await admin.SubmitAsync(
            $"/organisations/{organisation}/passport/evidence?kind={EvidenceKind.SafeguardingPolicy}",
            new Dictionary<string, string> { ["Input.ReviewDueOn"] = FormDate(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1)) }));
        var evidenceUrl = page.Url;
        var pdf = PlaceholderPdf.Create("Our safeguarding policy");

        await admin.UploadAsync(evidenceUrl, "safeguarding.pdf", pdf);
        var again = await Forms.ParseAsync(await admin.UploadAsync(evidenceUrl, "safeguarding-copy.pdf", pdf));
        var tooLarge = new byte[PassportDocuments.MaxLength + 1];
        "%PDF-"u8.CopyTo(tooLarge);
        var large = await Forms.ParseAsync(await admin.UploadAsync(evidenceUrl, "huge.pdf", tooLarge));
        var program = await Forms.ParseAsync(await admin.UploadAsync(evidenceUrl, "policy.pdf", "MZ\0\0not a pdf"u8.ToArray(), "application/pdf"));

        Assert.Contains("no document is stored twice", again.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("The selected document must be smaller than 10 MB", large.ErrorSummary());
        Assert.Equal("#Upload", large.QuerySelector(".nhsuk-error-summary a")!.GetAttribute("href"));
        Assert.Contains("The selected document must be a PDF, Word document (DOCX), PNG or JPEG", program.ErrorSummary());
        Assert.NotNull(program.QuerySelector("#Upload-error"));
        await using var db = factory.CreateDbContext();
        var stored = Assert.Single(await db.PassportDocuments.Where(d => d.OrganisationId == organisation).ToListAsync(Cancel));
        Assert.Equal("safeguarding.pdf", stored.FileName);
        Assert.Equal(pdf, await (await admin.GetAsync($"/organisations/{organisation}/passport/documents/{stored.Id}", Cancel)).Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Admin_RecordsAVolunteerWithTraining_AndRemovesIt()
    {
        var (admin, organisation) = await factory.MemberAsync(MembershipRole.Admin);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var volunteer = await Forms.ParseAsync(await admin.SubmitAsync(
            $"/organisations/{organisation}/passport/evidence?kind={EvidenceKind.VolunteerRegister}",
            new Dictionary<string, string> { ["Input.Reference"] = "v014", ["Input.Role"] = "Befriender", ["Input.StartedOn"] = FormDate(today.AddYears(-1)) }));
        var url = volunteer.Url;

        var added = await Forms.ParseAsync(await admin.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Training.Course"] = "Safeguarding adults", ["Training.CompletedOn"] = FormDate(today.AddMonths(-23)), ["Training.ExpiresOn"] = FormDate(today.AddDays(20)),
        }, "form[action*='handler=AddTraining']"));
        var refused = await Forms.ParseAsync(await admin.SubmitAsync(url, new Dictionary<string, string> { ["Training.Course"] = "", ["Training.CompletedOn"] = "yesterday" }, "form[action*='handler=AddTraining']"));

        Assert.Contains("Safeguarding adults", added.QuerySelector(".cw-training")!.TextContent);
        Assert.Contains("Enter the name of the course", refused.ErrorSummary());
        Assert.Contains("Completion date must be a real date", refused.ErrorSummary());
        var passport = await admin.GetDocumentAsync($"/organisations/{organisation}/passport");
        Assert.Equal("Expiring soon", StatusOfKind(passport, EvidenceKind.VolunteerRegister));
        Assert.Contains("V014, Befriender", passport.QuerySelector($"section[data-kind={EvidenceKind.VolunteerRegister}]")!.TextContent);

        await admin.SubmitAsync(url, new Dictionary<string, string>(), "form[action*='handler=Remove']:not([action*='Training'])");

        await using var db = factory.CreateDbContext();
        Assert.False(await db.PassportEvidence.AnyAsync(e => e.OrganisationId == organisation, Cancel));
        Assert.False(await db.TrainingRecords.AnyAsync(t => t.Course == "Safeguarding adults" && t.ExpiresOn == today.AddDays(20), Cancel));
    }

    [Fact]
    public async Task Admin_ChangesADbsCheck_AndItsStatusFollows()
    {
        var (admin, organisation) = await factory.MemberAsync(MembershipRole.Admin);
        var form = new Dictionary<string, string>
        {
            ["Input.Role"] = "Minibus driver", ["Input.Initials"] = "ab", ["Input.Level"] = nameof(DbsLevel.Enhanced),
            ["Input.IssuedOn"] = FormDate(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-4)), ["Input.OnUpdateService"] = "False",
        };
        var added = await Forms.ParseAsync(await admin.SubmitAsync($"/organisations/{organisation}/passport/evidence?kind={EvidenceKind.DbsChecks}", form));
        var before = await admin.GetDocumentAsync($"/organisations/{organisation}/passport");

        form["Input.OnUpdateService"] = "True";
        await admin.SubmitAsync(added.Url, form, "main form:not([action])");

        var after = await admin.GetDocumentAsync($"/organisations/{organisation}/passport");
        Assert.Equal("Expired", StatusOfKind(before, EvidenceKind.DbsChecks));
        Assert.Equal("Valid", StatusOfKind(after, EvidenceKind.DbsChecks));
        Assert.Contains("Minibus driver (AB)", after.QuerySelector($"section[data-kind={EvidenceKind.DbsChecks}]")!.TextContent);
        await using var db = factory.CreateDbContext();
        var check = await db.PassportEvidence.OfType<DbsCheck>().SingleAsync(d => d.OrganisationId == organisation, Cancel);
        var update = await db.AuditEvents.SingleAsync(e => e.Action == "DbsCheck.Updated" && e.EntityId == check.Id.ToString(), Cancel);
        Assert.Contains("OnUpdateService", update.Summary);
    }

    [Theory]
    [InlineData(DemoAccounts.Practitioner)]
    [InlineData(DemoAccounts.Commissioner)]
    [InlineData(DemoAccounts.PlatformAdmin)]
    public async Task Passport_IsRefusedToAnyoneOutsideTheOrganisation(string email)
    {
        var bow = await factory.OrganisationIdAsync(DemoPassports.CompleteOrganisation);
        await using var db = factory.CreateDbContext();
        var evidence = await db.PassportEvidence.FirstAsync(e => e.OrganisationId == bow, Cancel);
        var document = await db.PassportDocuments.Where(d => d.OrganisationId == bow).Select(d => d.Id).FirstAsync(Cancel);
        var client = await factory.SignedInClientAsync(email);

        foreach (var url in new[]
        {
            $"/organisations/{bow}/passport",
            $"/organisations/{bow}/passport/evidence/{evidence.Id}",
            $"/organisations/{bow}/passport/evidence?kind=DbsChecks",
            $"/organisations/{bow}/passport/documents/{document}",
        })
        {
            var response = await client.GetAsync(url, Cancel);
            Assert.True(response.RequestMessage!.RequestUri!.AbsolutePath == "/access-denied", $"{email} reached {url}");
        }

        var remove = await client.PostWithTokenAsync($"/organisations/{bow}/passport/evidence/{evidence.Id}?handler=Remove", new Dictionary<string, string>());
        var add = await client.PostWithTokenAsync($"/organisations/{bow}/passport/evidence?kind=SafeguardingPolicy", new Dictionary<string, string> { ["Input.ReviewDueOn"] = "1/1/2030" });

        Assert.Equal("/access-denied", remove.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/access-denied", add.RequestMessage!.RequestUri!.AbsolutePath);
        await using var check = factory.CreateDbContext();
        Assert.True(await check.PassportEvidence.AnyAsync(e => e.Id == evidence.Id, Cancel));
        Assert.Equal(1, await check.PassportEvidence.CountAsync(e => e.OrganisationId == bow && e.Kind == EvidenceKind.SafeguardingPolicy, Cancel));
    }

    [Fact]
    public async Task Passport_IsRefusedToAnonymousVisitors()
    {
        var bow = await factory.OrganisationIdAsync(DemoPassports.CompleteOrganisation);
        await using var db = factory.CreateDbContext();
        var document = await db.PassportDocuments.Where(d => d.OrganisationId == bow).Select(d => d.Id).FirstAsync(Cancel);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.GetAsync($"/organisations/{bow}/passport", Cancel);
        var file = await client.GetAsync($"/organisations/{bow}/passport/documents/{document}", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/sign-in", page.Headers.Location!.AbsolutePath);
        Assert.Equal("/sign-in", file.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Member_WhoIsNotAnAdmin_SeesThePassportButCannotChangeIt()
    {
        var bow = await factory.OrganisationIdAsync(DemoPassports.CompleteOrganisation);
        var (practitioner, _) = await factory.MemberAsync(MembershipRole.Practitioner, bow);

        var page = await practitioner.GetDocumentAsync($"/organisations/{bow}/passport");
        var add = await practitioner.GetAsync($"/organisations/{bow}/passport/evidence?kind=DbsChecks", Cancel);
        var details = await practitioner.GetDocumentAsync($"/organisations/{bow}");

        Assert.Equal("Valid", StatusOfKind(page, EvidenceKind.SafeguardingPolicy));
        Assert.Empty(page.QuerySelectorAll("a[href*='/passport/evidence']"));
        Assert.Equal("/access-denied", add.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.NotNull(details.QuerySelector($"a[href='/organisations/{bow}/passport']"));
    }

    private static string FormDate(DateOnly date) => date.ToString("d/M/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
