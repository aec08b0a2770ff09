using System.Net;
using System.Net.Http.Json;
using Commonweal.Outcomes;
using Commonweal.Referrals;
using Commonweal.TestSupport;
using Commonweal.Tests.Referrals.CarePlans;
using Microsoft.EntityFrameworkCore;
using static Commonweal.Tests.Referrals.CarePlans.CarePlanApiTests;

namespace Commonweal.Tests.Outcomes;

public sealed class OutcomeRecordingTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A care team, a referral of the person to a service, and (unless told otherwise) consent to outcome follow-up.</summary>
    private async Task<(CareTeamScenario S, Guid ReferralId, Guid ServiceId)> ArrangeAsync(bool consent = true)
    {
        var s = await CareTeamScenario.CreateAsync(factory);
        await using var db = factory.CreateDbContext();
        var service = await ReferralTestData.OpenServiceAsync(db, CareTeamScenario.LinkWorkersName);
        var referral = new Referral
        {
            Reference = ReferralReferences.New(), PersonId = s.PersonId, ServiceId = service.Id, ReceivingOrganisationId = service.OrganisationId,
            ReferrerUserId = s.Gp.Id, ReferrerName = s.Gp.Name, Status = ReferralStatus.Completed, StatusChangedAt = db.Now, CreatedAt = db.Now.AddDays(-120),
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(Cancel);
        if (consent)
        {
            var given = await new Consents(db, new PersonRecords(db)).GiveAsync(s.PersonId, ConsentScope.OutcomeFollowUp,
                new ConsentInput { GivenBy = ConsentGivenBy.Person, Method = ConsentMethod.Verbal }, s.Gp.Viewer, Cancel);
            Assert.True(given.Succeeded, given.Message);
        }

        return (s, referral.Id, service.Id);
    }

    private static object Body(Guid referral, string timepoint, DateOnly on, int? months = null, Dictionary<string, int?>? answers = null) => new
    {
        referralId = referral,
        instrument = "ons4",
        timepoint,
        followUpMonths = months,
        completedOn = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        answers = answers ?? new Dictionary<string, int?> { ["life_satisfaction"] = 4, ["worthwhile"] = 5, ["happiness"] = 3, ["anxiety"] = 7 },
    };

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task CareTeam_RecordsBaselineThenFollowUp_ScoresStoredAndTheReadAudited()
    {
        var (s, referral, _) = await ArrangeAsync();
        var linkWorker = await factory.SignedInClientAsync(s.LinkWorker.Email);

        var baseline = await OkAsync(await linkWorker.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "Baseline", Today.AddDays(-100)), Cancel), HttpStatusCode.Created);
        Assert.Equal("Low", baseline.GetProperty("scores")[0].GetProperty("band").GetString());
        var followUp = await OkAsync(await linkWorker.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "FollowUp", Today.AddDays(-5), 3,
            new Dictionary<string, int?> { ["life_satisfaction"] = 7, ["worthwhile"] = 7, ["happiness"] = 6, ["anxiety"] = 2 }), Cancel), HttpStatusCode.Created);
        Assert.Equal(3, followUp.GetProperty("followUpMonths").GetInt32());

        var list = await OkAsync(await linkWorker.GetAsync($"/api/people/{s.PersonId}/outcomes", Cancel));
        Assert.Equal(2, list.GetArrayLength());
        await using var db = factory.CreateDbContext();
        var scores = await db.OutcomeScores.Where(x => db.OutcomeResponses.Any(r => r.Id == x.ResponseId && r.ReferralId == referral && r.Timepoint == OutcomeTimepoint.FollowUp))
            .ToDictionaryAsync(x => x.ScaleKey, x => x.Score, Cancel);
        Assert.Equal(new Dictionary<string, double> { ["life_satisfaction"] = 7, ["worthwhile"] = 7, ["happiness"] = 6, ["anxiety"] = 2 }, scores);
        var id = followUp.GetProperty("id").GetGuid().ToString();
        var created = await db.AuditEvents.SingleAsync(e => e.EntityId == id, Cancel);
        Assert.Equal(s.LinkWorker.Id, created.ActorUserId);
        Assert.DoesNotContain("\"anxiety\"", created.Summary, StringComparison.Ordinal);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == PersonRecords.ReadAction && e.EntityId == s.PersonId.ToString() && e.Summary.Contains("Outcomes API"), Cancel));
    }

    [Fact]
    public async Task OutOfRangeAnswer_And_MissingItem_Are400NamingTheItem()
    {
        var (s, referral, _) = await ArrangeAsync();
        var gp = await factory.SignedInClientAsync(s.Gp.Email);

        var problem = await ProblemAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "Baseline", Today,
            answers: new Dictionary<string, int?> { ["life_satisfaction"] = 12, ["worthwhile"] = 5, ["anxiety"] = 3 }), Cancel), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("12 is not allowed", errors.GetProperty("answers.life_satisfaction")[0].GetString());
        Assert.Contains("has no answer", errors.GetProperty("answers.happiness")[0].GetString());
        Assert.False(errors.TryGetProperty("answers.worthwhile", out _));

        var unreadable = await ProblemAsync(await gp.PostAsync($"/api/people/{s.PersonId}/outcomes",
            new StringContent($$$"""{"referralId":"{{{referral}}}","instrument":"ons4","timepoint":"Middle","completedOn":"2026-01-01","answers":{"anxiety":1}}""", System.Text.Encoding.UTF8, "application/json"), Cancel),
            HttpStatusCode.BadRequest);
        Assert.True(unreadable.GetProperty("errors").TryGetProperty("$.timepoint", out _));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.OutcomeResponses.AnyAsync(r => r.ReferralId == referral, Cancel));
    }

    [Fact]
    public async Task WithoutConsentToOutcomeFollowUp_RecordingIsRefusedWithTheReason()
    {
        var (s, referral, _) = await ArrangeAsync(consent: false);
        var gp = await factory.SignedInClientAsync(s.Gp.Email);

        var problem = await ProblemAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "Baseline", Today), Cancel), HttpStatusCode.Conflict);
        Assert.Equal(OutcomeErrors.ConsentRequired, problem.GetProperty("code").GetString());
        Assert.Contains("not consented to outcome follow-up", problem.GetProperty("title").GetString());

        // Consent given, then withdrawn: the refusal says when.
        await using var db = factory.CreateDbContext();
        var consents = new Consents(db, new PersonRecords(db));
        var given = await consents.GiveAsync(s.PersonId, ConsentScope.OutcomeFollowUp, new ConsentInput { GivenBy = ConsentGivenBy.Person, Method = ConsentMethod.Written }, s.Gp.Viewer, Cancel);
        await OkAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "Baseline", Today), Cancel), HttpStatusCode.Created);
        Assert.True((await consents.WithdrawAsync(given.Value!.Id, "Does not want more questionnaires", s.Gp.Viewer, Cancel)).Succeeded);
        var withdrawn = await ProblemAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "Discharge", Today), Cancel), HttpStatusCode.Conflict);
        Assert.Contains("withdrew consent to outcome follow-up", withdrawn.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Outsider_IsRefused403_AndTheAttemptIsAudited_AnonymousIs401()
    {
        var (s, referral, _) = await ArrangeAsync();
        var outsider = await factory.SignedInClientAsync(s.Outsider.Email);

        await ProblemAsync(await outsider.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "Baseline", Today), Cancel), HttpStatusCode.Forbidden);
        await ProblemAsync(await outsider.GetAsync($"/api/people/{s.PersonId}/outcomes", Cancel), HttpStatusCode.Forbidden);
        var anonymous = await factory.CreateBrowserClient().PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "Baseline", Today), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        await using var db = factory.CreateDbContext();
        Assert.False(await db.OutcomeResponses.AnyAsync(r => r.PersonId == s.PersonId, Cancel));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == PersonRecords.RefusedAction && e.EntityId == s.PersonId.ToString()
            && e.ActorUserId == s.Outsider.Id && e.Summary.Contains("Record outcome response"), Cancel));
    }

    [Fact]
    public async Task FollowUp_BeforeABaseline_OrAtAPointTheServiceDoesNotUse_IsRefusedNamingTheField()
    {
        var (s, referral, _) = await ArrangeAsync();
        var gp = await factory.SignedInClientAsync(s.Gp.Email);

        var early = await ProblemAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "FollowUp", Today, 3), Cancel), HttpStatusCode.BadRequest);
        Assert.Contains("baseline first", early.GetProperty("errors").GetProperty("timepoint")[0].GetString());
        await OkAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "Baseline", Today.AddDays(-30)), Cancel), HttpStatusCode.Created);
        var point = await ProblemAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "FollowUp", Today, 4), Cancel), HttpStatusCode.BadRequest);
        Assert.Contains("3 and 6 months", point.GetProperty("errors").GetProperty("followUpMonths")[0].GetString());
        var twice = await ProblemAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "Baseline", Today), Cancel), HttpStatusCode.BadRequest);
        Assert.Contains("already recorded", twice.GetProperty("errors").GetProperty("timepoint")[0].GetString());
        var future = await ProblemAsync(await gp.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "Discharge", Today.AddDays(3)), Cancel), HttpStatusCode.BadRequest);
        Assert.True(future.GetProperty("errors").TryGetProperty("completedOn", out _));
    }

    [Fact]
    public async Task DueFollowUps_AppearInTheWorkListAndApi_UntilRecorded()
    {
        var (s, referral, serviceId) = await ArrangeAsync();
        var linkWorker = await factory.SignedInClientAsync(s.LinkWorker.Email);
        // Baseline 80 days ago: the 3-month follow-up falls due within 14 days; the 6-month one does not.
        await OkAsync(await linkWorker.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "Baseline", Today.AddDays(-80)), Cancel), HttpStatusCode.Created);

        var due = await OkAsync(await linkWorker.GetAsync("/api/outcomes/due", Cancel));
        var mine = due.EnumerateArray().Where(d => d.GetProperty("referralId").GetGuid() == referral).ToList();
        var item = Assert.Single(mine);
        Assert.Equal(3, item.GetProperty("months").GetInt32());
        Assert.Equal(Today.AddDays(-80).AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), item.GetProperty("dueOn").GetString());
        Assert.Equal(serviceId, item.GetProperty("serviceId").GetGuid());
        var page = await linkWorker.GetDocumentAsync("/people");
        Assert.Contains("Follow-ups due", page.QuerySelector("#follow-ups-due")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".cw-follow-ups-due a"), a => a.GetAttribute("href")!.Contains(referral.ToString()));

        // Someone not on the care team sees nothing of it.
        var outsider = await factory.SignedInClientAsync(s.Outsider.Email);
        Assert.DoesNotContain((await OkAsync(await outsider.GetAsync("/api/outcomes/due", Cancel))).EnumerateArray(), d => d.GetProperty("referralId").GetGuid() == referral);

        await OkAsync(await linkWorker.PostAsJsonAsync($"/api/people/{s.PersonId}/outcomes", Body(referral, "FollowUp", Today, 3), Cancel), HttpStatusCode.Created);
        Assert.DoesNotContain((await OkAsync(await linkWorker.GetAsync("/api/outcomes/due", Cancel))).EnumerateArray(), d => d.GetProperty("referralId").GetGuid() == referral);
    }

    [Fact]
    public async Task RecordPage_WithAMissingAnswer_ShowsTheErrorSummaryNamingTheQuestion_ThenSaves()
    {
        var (s, referral, _) = await ArrangeAsync();
        var linkWorker = await factory.SignedInClientAsync(s.LinkWorker.Email);
        var url = $"/people/{s.PersonId}/outcomes/record?referral={referral}&instrument=ons4&timepoint=Baseline";

        var missing = await linkWorker.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.CompletedOn"] = "1/3/2026", ["Input.Answers[0]"] = "4", ["Input.Answers[1]"] = "5", ["Input.Answers[3]"] = "6",
        });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var page = await Forms.ParseAsync(missing);
        Assert.Contains("Question 3", page.QuerySelector(".nhsuk-error-summary")!.TextContent);

        var saved = await linkWorker.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.CompletedOn"] = "1/3/2026", ["Input.Answers[0]"] = "4", ["Input.Answers[1]"] = "5", ["Input.Answers[2]"] = "3", ["Input.Answers[3]"] = "6",
        });
        var outcomes = await Forms.ParseAsync(saved);
        Assert.EndsWith($"/people/{s.PersonId}/outcomes", saved.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Baseline answers recorded", outcomes.Body!.TextContent);
        Assert.Contains("Anxiety: 6 (High)", outcomes.Body.TextContent);
    }
}
