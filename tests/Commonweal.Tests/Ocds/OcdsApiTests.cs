using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commonweal.Procurement;
using Commonweal.Procurement.Awards;
using Commonweal.Procurement.Ocds;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Ocds;

/// <summary>The demo area without its directory: the procurement seed is all these tests read.</summary>
public sealed class OcdsFactory : CommonwealFactory
{
    protected override bool SeedDemoDirectory => false;
}

public sealed class OcdsApiTests(OcdsFactory factory) : IClassFixture<OcdsFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> OcidOfAsync(Guid opportunityId)
    {
        await using var db = factory.CreateDbContext();
        var reference = await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => o.Reference).SingleAsync(Cancel);
        return OcdsOptions.DefaultOcidPrefix + reference;
    }

    private async Task<(string Json, JsonObject Package)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Cancel);
        var json = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {json}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return (json, JsonNode.Parse(json)!.AsObject());
    }

    /// <summary>Every page of /ocds/releases, each checked against the release package schema.</summary>
    private async Task<List<JsonObject>> AllReleasesAsync(HttpClient client, int pageSize)
    {
        var releases = new List<JsonObject>();
        string? url = $"/ocds/releases?pageSize={pageSize}";
        while (url is not null)
        {
            var (json, package) = await GetAsync(client, url);
            Assert.Empty(await OcdsSchemas.ErrorsAsync(OcdsSchemas.ReleasePackage, json));
            releases.AddRange(package["releases"]!.AsArray().Select(r => r!.AsObject()));
            url = (string?)package["links"]?["next"] is { } next ? new Uri(next).PathAndQuery : null;
        }

        return releases;
    }

    /// <summary>A private company and an NHS trust as consortium members, for the parties' details; and one award cancelled.</summary>
    private async Task ArrangeAwardsAsync()
    {
        await using var db = factory.CreateDbContext();
        if (await db.Opportunities.AnyAsync(o => o.Title == "Consortium navigators", Cancel))
        {
            return;
        }

        var icb = await AwardTestData.OrganisationAsync(db, "NHS North East London Integrated Care Board");
        await AwardTestData.AwardedAsync(db, icb, new DateOnly(2026, 1, 5),
            await AwardTestData.OrganisationAsync(db, "Bow Community Kitchen"),
            [await AwardTestData.OrganisationAsync(db, "CarePlus Home Services Ltd"), await AwardTestData.OrganisationAsync(db, "East London NHS Foundation Trust")],
            title: "Consortium navigators");

        // A pending award cancelled before standstill, on an opportunity cancelled afterwards.
        var o = await OpportunityEditing.CreateAsync(db, ProcurementTestData.FairDraft(icb, new DateOnly(2026, 2, 2), "Cancelled navigators"), null, Cancel);
        var loaded = await db.Opportunities.WithDetails().SingleAsync(x => x.Id == o.Id, Cancel);
        OpportunityLifecycle.Publish(loaded, AwardTestData.Commissioner, Timetable.ToUtc(new DateOnly(2026, 2, 2), new TimeOnly(9, 0)));
        OpportunityLifecycle.Transition(loaded, OpportunityStatus.Closed, AwardTestData.Commissioner, loaded.SubmissionDeadline);
        OpportunityLifecycle.Transition(loaded, OpportunityStatus.Evaluation, AwardTestData.Commissioner, loaded.SubmissionDeadline.AddDays(1));
        var (_, award) = Awarding.Intend(loaded, new AwardInput(await AwardTestData.OrganisationAsync(db, "Stepney Money Advice"), 600_000, loaded.Lots[0].Id),
            [], AwardTestData.Commissioner, loaded.SubmissionDeadline.AddDays(5));
        Assert.True(Awarding.Cancel(award!, "The supplier withdrew.", loaded.SubmissionDeadline.AddDays(6)).Succeeded);
        Assert.True(OpportunityLifecycle.Transition(loaded, OpportunityStatus.Cancelled, AwardTestData.Commissioner, loaded.SubmissionDeadline.AddDays(7), "No longer needed.").Succeeded);
        db.Awards.Add(award!);
        await db.SaveChangesAsync(Cancel);
    }

    [Fact]
    public async Task Releases_OfEveryTag_ValidateAgainstTheReleaseSchema()
    {
        await ArrangeAwardsAsync();
        var client = factory.CreateClient();

        var releases = await AllReleasesAsync(client, 100);

        var tags = releases.SelectMany(r => r["tag"]!.AsArray().Select(t => (string)t!)).ToHashSet();
        Assert.Superset(new HashSet<string> { "tender", "tenderUpdate", "tenderCancellation", "award", "awardUpdate", "awardCancellation", "contract" }, tags);
        foreach (var release in releases)
        {
            var errors = await OcdsSchemas.ErrorsAsync(OcdsSchemas.Release, release.ToJsonString());
            Assert.True(errors.Count == 0, $"{release["id"]}: {string.Join("; ", errors)}");
            Assert.Equal("tender", (string?)release["initiationType"]);
            Assert.StartsWith("ocds-cmnwl-CW-", (string?)release["ocid"]);
        }

        Assert.Equal(releases.Count, releases.Select(r => (string?)r["id"]).Distinct().Count());
    }

    [Fact]
    public async Task Releases_ArePagedNewestFirst_WithLinks()
    {
        await ArrangeAwardsAsync();
        var client = factory.CreateClient();

        var (_, first) = await GetAsync(client, "/ocds/releases?pageSize=3");
        var (_, second) = await GetAsync(client, "/ocds/releases?page=2&pageSize=3");
        var all = await AllReleasesAsync(client, 3);

        var dates = all.Select(r => DateTimeOffset.Parse((string)r["date"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal(3, first["releases"]!.AsArray().Count);
        Assert.Null(first["links"]!["prev"]);
        Assert.EndsWith("/ocds/releases?page=2&pageSize=3", (string?)first["links"]!["next"]);
        Assert.EndsWith("/ocds/releases?page=1&pageSize=3", (string?)second["links"]!["prev"]);
        Assert.Equal((string?)all[3]["id"], (string?)second["releases"]![0]!["id"]);
        Assert.Equal("1.1", (string?)first["version"]);
        Assert.Equal((string?)all[0]["date"], (string?)first["publishedDate"]);

        var beyond = await client.GetAsync("/ocds/releases?page=999", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        Assert.Equal("application/problem+json", beyond.Content.Headers.ContentType!.MediaType);
        var zero = await client.GetAsync("/ocds/releases?page=0", Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.True((await zero.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("page", out _));
    }

    [Fact]
    public async Task Record_CompiledRelease_LaterTenderStatusWins_AndAwardsMergeById()
    {
        var ocid = await OcidOfAsync(DemoAwards.OpportunityId);
        var client = factory.CreateClient();

        var (json, package) = await GetAsync(client, $"/ocds/records/{ocid}");

        Assert.Empty(await OcdsSchemas.ErrorsAsync(OcdsSchemas.RecordPackage, json));
        var record = package["records"]!.AsArray().Single()!;
        Assert.Equal(ocid, (string?)record["ocid"]);
        var releases = record["releases"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(["tender", "tenderUpdate", "award", "awardUpdate", "contract"], releases.Select(r => (string)r["tag"]![0]!));
        Assert.Equal("active", (string?)releases[0]["tender"]!["status"]);
        Assert.Equal("pending", (string?)releases[2]["awards"]![0]!["status"]);

        var compiled = record["compiledRelease"]!;
        Assert.Equal(["compiled"], compiled["tag"]!.AsArray().Select(t => (string)t!));
        Assert.Equal((string?)releases[^1]["date"], (string?)compiled["date"]);
        Assert.Equal("complete", (string?)compiled["tender"]!["status"]);
        var award = Assert.Single(compiled["awards"]!.AsArray())!;
        Assert.Equal(DemoAwards.AwardId.ToString(), (string?)award["id"]);
        Assert.Equal("active", (string?)award["status"]);
        Assert.Equal(2, award["suppliers"]!.AsArray().Count);
        Assert.Equal(540_000m, (decimal)award["value"]!["amount"]!);
        Assert.Equal("GBP", (string?)award["value"]!["currency"]);
        var contract = Assert.Single(compiled["contracts"]!.AsArray())!;
        Assert.Equal(DemoAwards.ContractId.ToString(), (string?)contract["id"]);
        Assert.Equal(DemoAwards.AwardId.ToString(), (string?)contract["awardID"]);
        Assert.Equal("active", (string?)contract["status"]);
        Assert.Equal(30m, (decimal)contract["outcomeLinkedPaymentPercent"]!);
        Assert.NotNull(contract["dateSigned"]);
        Assert.Equal("open", (string?)compiled["tender"]!["procurementMethod"]);
        Assert.Equal("GBP", (string?)compiled["tender"]!["value"]!["currency"]);
        Assert.Equal("ratedCriteria", (string?)compiled["tender"]!["awardCriteria"]);
        Assert.NotNull(compiled["tender"]!["tenderPeriod"]!["endDate"]);
        Assert.NotNull(compiled["tender"]!["enquiryPeriod"]!["endDate"]);
    }

    [Fact]
    public void Merge_ArraysOfObjectsWithIds_MergeById_OtherValuesReplaced()
    {
        JsonObject Release(string id, string date, string json) =>
            JsonNode.Parse($$"""{"ocid":"ocds-x-1","id":"{{id}}","date":"{{date}}","tag":["award"],"initiationType":"tender",{{json}}}""")!.AsObject();

        var compiled = OcdsMerge.Compile([
            Release("2", "2026-02-01T00:00:00Z", """ "tender":{"status":"complete"},"awards":[{"id":"a1","status":"active"},{"id":"a2","status":"pending","title":"Second"}],"parties":[{"id":"p1","roles":["supplier"]}]"""),
            Release("1", "2026-01-01T00:00:00Z", """ "tender":{"status":"active","title":"Kept"},"awards":[{"id":"a1","status":"pending","title":"First"}],"parties":[{"id":"p1","roles":["tenderer"],"name":"P"}]"""),
        ]);

        Assert.Equal("complete", (string?)compiled["tender"]!["status"]);
        Assert.Equal("Kept", (string?)compiled["tender"]!["title"]);
        var awards = compiled["awards"]!.AsArray();
        Assert.Equal(2, awards.Count);
        Assert.Equal("active", (string?)awards[0]!["status"]);
        Assert.Equal("First", (string?)awards[0]!["title"]);
        Assert.Equal("Second", (string?)awards[1]!["title"]);
        Assert.Equal(["supplier"], compiled["parties"]![0]!["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("P", (string?)compiled["parties"]![0]!["name"]);
        Assert.Equal("2026-02-01T00:00:00Z", (string?)compiled["date"]);
        Assert.Equal("ocds-x-1-2026-02-01T00:00:00Z", (string?)compiled["id"]);
    }

    [Fact]
    public async Task Drafts_NeverAppear()
    {
        await ArrangeAwardsAsync();
        var client = factory.CreateClient();
        // A draft of its own: the seeded one is published by another test sharing this factory.
        Guid draftId;
        await using (var arrange = factory.CreateDbContext())
        {
            var commissioner = await arrange.Set<OpportunityCommissioner>().Where(c => c.OpportunityId == DemoProcurement.UnfairDraftId).Select(c => c.OrganisationId).FirstAsync(Cancel);
            var publication = DateOnly.FromDateTime(arrange.Now).AddDays(7);
            draftId = (await OpportunityEditing.CreateAsync(arrange, ProcurementTestData.FairDraft(commissioner, publication, "A draft nobody else may see"), null, Cancel)).Id;
        }

        var draft = await OcidOfAsync(draftId);

        var releases = await AllReleasesAsync(client, 100);
        var record = await client.GetAsync($"/ocds/records/{draft}", Cancel);

        Assert.DoesNotContain(releases, r => (string?)r["ocid"] == draft);
        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
        await using var db = factory.CreateDbContext();
        var published = await db.Opportunities.Where(o => o.PublishedAt != null).Select(o => o.Reference).ToListAsync(Cancel);
        Assert.Equal(published.Select(r => OcdsOptions.DefaultOcidPrefix + r).Order(), releases.Select(r => (string)r["ocid"]!).Distinct().Order());
    }

    [Fact]
    public async Task UnknownOcid_Is404ProblemDetails()
    {
        var response = await factory.CreateClient().GetAsync("/ocds/records/ocds-cmnwl-CW-1999-99999", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Record not found", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Parties_CarryScaleAndTheThirdSectorFlag()
    {
        await ArrangeAwardsAsync();
        await using var db = factory.CreateDbContext();
        var id = await db.Opportunities.Where(o => o.Title == "Consortium navigators").Select(o => o.Id).SingleAsync(Cancel);
        var (_, package) = await GetAsync(factory.CreateClient(), $"/ocds/records/{await OcidOfAsync(id)}");

        var parties = package["records"]![0]!["compiledRelease"]!["parties"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!);
        void Check(string name, string scale, bool third, params string[] roles)
        {
            Assert.Equal(scale, (string?)parties[name]["details"]!["scale"]);
            Assert.Equal(third, (bool)parties[name]["details"]!["thirdSector"]!);
            Assert.Equal(roles.Order(), parties[name]["roles"]!.AsArray().Select(r => (string)r!).Order());
        }

        Check("Bow Community Kitchen", "sme", true, "supplier", "tenderer");
        Check("CarePlus Home Services Ltd", "sme", false, "supplier", "tenderer");
        Check("East London NHS Foundation Trust", "large", false, "supplier", "tenderer");
        Check("NHS North East London Integrated Care Board", "large", false, "buyer", "procuringEntity");
        Assert.Equal("GB-CHC", (string?)parties["Bow Community Kitchen"]["identifier"]!["scheme"]);
        Assert.Equal("1190002", (string?)parties["Bow Community Kitchen"]["identifier"]!["id"]);
        Assert.Equal("GB-CHC-1190002", (string?)parties["Bow Community Kitchen"]["id"]);
    }

    [Fact]
    public async Task FairnessOverrideReason_IsPublishedWithTheTender()
    {
        await using (var db = factory.CreateDbContext())
        {
            var o = await db.Opportunities.WithDetails().SingleAsync(x => x.Id == DemoProcurement.UnfairDraftId, Cancel);
            Assert.True(OpportunityLifecycle.Publish(o, AwardTestData.Commissioner, db.Now, "Only one provider can run all three services at once.").Succeeded);
            await db.SaveChangesAsync(Cancel);
        }

        var (json, package) = await GetAsync(factory.CreateClient(), $"/ocds/records/{await OcidOfAsync(DemoProcurement.UnfairDraftId)}");

        Assert.Empty(await OcdsSchemas.ErrorsAsync(OcdsSchemas.RecordPackage, json));
        var tender = package["records"]![0]!["releases"]![0]!["tender"]!;
        Assert.Contains("The commissioner's reason: Only one provider can run all three services at once.", (string?)tender["description"]);
        Assert.Equal("Only one provider can run all three services at once.", (string?)tender["fairnessOverrideReason"]);
    }
}
