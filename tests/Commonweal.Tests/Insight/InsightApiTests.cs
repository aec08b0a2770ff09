using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commonweal.Accounts;
using Commonweal.Insight;
using Commonweal.Organisations;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Insight;

public sealed class InsightApiTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Arranged(Guid Recipient, Guid Funder, Guid OtherFunder, Guid Unfunded, string RecipientAdmin, string FunderCommissioner, string OtherCommissioner, string UnfundedAdmin);

    /// <summary>
    /// A recipient funded £60,000 by one funder and £20,000 by another this year, with £20,000 of
    /// donations: shares 0.6, 0.2, 0.2, HHI 0.44; the first funder's grant ends in three months.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = factory.CreateDbContext();
        Organisation Org(string name, LegalForm form) => new() { Name = $"{name} {tag}", LegalForm = form, Postcode = "E3 2AN", IncomeBand = IncomeBand.Small };
        var recipient = Org("Recipient", LegalForm.RegisteredCharity);
        var funder = Org("Funder ICB", LegalForm.IntegratedCareBoard);
        var other = Org("Other council", LegalForm.LocalAuthority);
        var unfunded = Org("Unfunded", LegalForm.CommunityInterestCompany);
        db.Organisations.AddRange(recipient, funder, other, unfunded);
        var year = FinancialYears.Of(Today);
        FundingRecord Grant(Organisation from, Organisation to, decimal amount, DateOnly start, DateOnly end)
        {
            var r = new FundingRecord { Source = FundingSource.Grant, FunderOrganisationId = from.Id, FunderName = from.Name, RecipientOrganisationId = to.Id, Amount = amount, SourceKey = $"test-{Guid.NewGuid():N}", RecordedAt = DateTime.UtcNow };
            r.SetDates(start, start, end);
            return r;
        }

        var start = FinancialYears.Start(year);
        db.FundingRecords.AddRange(
            Grant(funder, recipient, 60_000, start, Today.AddMonths(3)),
            Grant(other, unfunded, 20_000, start, FinancialYears.End(year + 1)));
        var second = Grant(other, recipient, 20_000, start, FinancialYears.End(year + 1));
        second.Source = FundingSource.Award;
        db.FundingRecords.Add(second);
        await db.SaveChangesAsync(Cancel);
        await new OtherIncomeRecording(db).RecordAsync(new OtherIncomeInput { Organisation = recipient.Id, Kind = IncomeKind.Donations, Year = year, Amount = 20_000 }, Cancel);

        var a = new Arranged(recipient.Id, funder.Id, other.Id, unfunded.Id, $"admin-{tag}@commonweal.example", $"icb-{tag}@commonweal.example", $"council-{tag}@commonweal.example", $"cic-{tag}@commonweal.example");
        await ProcurementTestData.CommissionerAsync(db, a.RecipientAdmin, recipient.Id, MembershipRole.Admin);
        await ProcurementTestData.CommissionerAsync(db, a.FunderCommissioner, funder.Id);
        await ProcurementTestData.CommissionerAsync(db, a.UnfundedAdmin, unfunded.Id, MembershipRole.Admin);
        // A commissioner whose organisation funds nobody here.
        var third = Org("Third funder", LegalForm.LocalAuthority);
        db.Organisations.Add(third);
        await db.SaveChangesAsync(Cancel);
        await ProcurementTestData.CommissionerAsync(db, a.OtherCommissioner, third.Id);
        return a;
    }

    private async Task<JsonElement> DependencyAsync(HttpClient client, Guid organisation, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync($"/api/insight/dependency?organisation={organisation}", Cancel);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return expected == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>(Cancel) : default;
    }

    [Fact]
    public async Task Get_Dependency_AsOwnAdmin_ShowsEveryFunderAndOtherIncomeBySource()
    {
        var a = await ArrangeAsync();
        var admin = await factory.SignedInClientAsync(a.RecipientAdmin);

        var body = await DependencyAsync(admin, a.Recipient);

        Assert.Equal("Own", body.GetProperty("view").GetString());
        var year = body.GetProperty("years")[0];
        Assert.Equal(100_000m, year.GetProperty("totalIncome").GetDecimal());
        Assert.Equal(0.6, year.GetProperty("largestShare").GetDouble(), 9);
        Assert.Equal(0.44, year.GetProperty("hhi").GetDouble(), 9);
        Assert.True(year.GetProperty("largestShareOverHalf").GetBoolean());
        Assert.True(year.GetProperty("hhiOverQuarter").GetBoolean());
        Assert.Contains(year.GetProperty("funders").EnumerateArray(), f => f.GetProperty("funder").GetString() == OtherIncomeRecording.Label(IncomeKind.Donations));
    }

    [Fact]
    public async Task Get_Dependency_AsFundingCommissioner_ShowsOtherIncomeOnlyAsOneLine()
    {
        var a = await ArrangeAsync();
        var commissioner = await factory.SignedInClientAsync(a.FunderCommissioner);

        var body = await DependencyAsync(commissioner, a.Recipient);

        Assert.Equal("Funder", body.GetProperty("view").GetString());
        var funders = body.GetProperty("years")[0].GetProperty("funders").EnumerateArray().Select(f => f.GetProperty("funder").GetString()).ToList();
        Assert.Contains(InsightQueries.OtherIncomeLine, funders);
        Assert.DoesNotContain(OtherIncomeRecording.Label(IncomeKind.Donations), funders);
        Assert.Equal(0.44, body.GetProperty("years")[0].GetProperty("hhi").GetDouble(), 9);
    }

    [Fact]
    public async Task Get_Dependency_IsRefused_ToAnonymous_AnotherOrganisation_AndANonFundingCommissioner()
    {
        var a = await ArrangeAsync();

        var anonymous = await factory.CreateClient().GetAsync($"/api/insight/dependency?organisation={a.Recipient}", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await DependencyAsync(await factory.SignedInClientAsync(a.UnfundedAdmin), a.Recipient, HttpStatusCode.Forbidden);
        await DependencyAsync(await factory.SignedInClientAsync(a.OtherCommissioner), a.Recipient, HttpStatusCode.Forbidden);
        // The funder of the recipient does not thereby see organisations it does not fund.
        await DependencyAsync(await factory.SignedInClientAsync(a.FunderCommissioner), a.Unfunded, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_WithBadParameters_IsAProblemNamingTheParameter()
    {
        var a = await ArrangeAsync();
        var admin = await factory.SignedInClientAsync(a.RecipientAdmin);

        foreach (var (url, field) in new[] { ("/api/insight/dependency?organisation=nope", "organisation"), ("/api/insight/cliffs?months=7", "months"), ("/api/insight/sectors?commissioner=x", "commissioner") })
        {
            var response = await admin.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), url);
        }
    }

    [Fact]
    public async Task Get_Cliffs_AsCommissioner_ListsOnlyOrganisationsItFunds()
    {
        var a = await ArrangeAsync();
        var commissioner = await factory.SignedInClientAsync(a.FunderCommissioner);

        var six = await commissioner.GetFromJsonAsync<JsonElement>("/api/insight/cliffs?months=6", Cancel);
        var other = await (await factory.SignedInClientAsync(a.OtherCommissioner)).GetFromJsonAsync<JsonElement>("/api/insight/cliffs?months=12", Cancel);

        Assert.Equal(6, six.GetProperty("months").GetInt32());
        var row = Assert.Single(six.GetProperty("organisations").EnumerateArray());
        Assert.Equal(a.Recipient, row.GetProperty("organisation").GetGuid());
        Assert.Equal("E3", row.GetProperty("area").GetString());
        Assert.True(row.GetProperty("endingWithin6Months").GetDecimal() > 0);
        Assert.True(row.GetProperty("fallsByMoreThanHalf").GetBoolean());
        Assert.Empty(other.GetProperty("organisations").EnumerateArray());
        Assert.Empty(other.GetProperty("by_area").EnumerateArray());
        Assert.Empty(other.GetProperty("by_need").EnumerateArray());
        var anonymous = await factory.CreateClient().GetAsync("/api/insight/cliffs", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Get_Sectors_IsPublic_AndSharesAddUpPerYear()
    {
        var a = await ArrangeAsync();

        var rows = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/insight/sectors?commissioner={a.OtherFunder}", Cancel);

        // The council's award to the charity and grant to the CIC: both small third-sector providers, £40,000 in all.
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal("Third", row.GetProperty("sector").GetString());
        Assert.Equal("Small", row.GetProperty("size").GetString());
        Assert.Equal(40_000m, row.GetProperty("amount").GetDecimal());
        Assert.Equal(1.0, row.GetProperty("share").GetDouble(), 9);
    }

    [Fact]
    public async Task Post_Income_AsAdmin_ChangesTheDependencyPicture_OthersAreRefused_BadInputNamesTheField()
    {
        var a = await ArrangeAsync();
        var admin = await factory.SignedInClientAsync(a.RecipientAdmin);
        var year = FinancialYears.Of(Today);

        var recorded = await admin.PostAsJsonAsync("/api/insight/income", new { organisation = a.Recipient, kind = "Trading", year, amount = 100_000 }, Cancel);
        var bad = await admin.PostAsJsonAsync("/api/insight/income", new { organisation = a.Recipient, kind = "Trading", year, amount = -5 }, Cancel);
        var stranger = await (await factory.SignedInClientAsync(a.FunderCommissioner)).PostAsJsonAsync("/api/insight/income", new { organisation = a.Recipient, kind = "Trading", year, amount = 5 }, Cancel);

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("amount", out _));
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        var body = await DependencyAsync(admin, a.Recipient);
        // Trading is now the largest source: £100,000 of £200,000, exactly half, which is not over the line.
        Assert.Equal(0.5, body.GetProperty("years")[0].GetProperty("largestShare").GetDouble(), 9);
        Assert.False(body.GetProperty("years")[0].GetProperty("largestShareOverHalf").GetBoolean());
    }

    [Fact]
    public async Task Get_Cliffs_TotalsByAreaAndNeed_AreHandComputed()
    {
        // Three organisations a new ICB funds, each with a twelve-month grant (so its annual value is its amount):
        // A in E3, £12,000 ending in 2 months, with a lunch club (befriending, food); B in E3, £24,000 ending
        // in 9 months, with an advice service (befriending); C in E14, £6,000 ending in 1 month, with no services.
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = factory.CreateDbContext();
        Organisation Org(string name, string postcode, LegalForm form = LegalForm.RegisteredCharity) =>
            new() { Name = $"{name} {tag}", LegalForm = form, Postcode = postcode, IncomeBand = IncomeBand.Small };
        var funder = Org("Cliff ICB", "E1 6AN", LegalForm.IntegratedCareBoard);
        var (a, b, c) = (Org("A", "E3 2AN"), Org("B", "E3 5BS"), Org("C", "E14 0AA"));
        db.Organisations.AddRange(funder, a, b, c);
        FundingRecord Grant(Organisation to, decimal amount, DateOnly end)
        {
            var r = new FundingRecord { Source = FundingSource.Grant, FunderOrganisationId = funder.Id, FunderName = funder.Name, RecipientOrganisationId = to.Id, Amount = amount, SourceKey = $"test-{Guid.NewGuid():N}", RecordedAt = DateTime.UtcNow };
            var start = end.AddDays(1).AddYears(-1);
            r.SetDates(start, start, end);
            return r;
        }

        db.FundingRecords.AddRange(Grant(a, 12_000, Today.AddMonths(2)), Grant(b, 24_000, Today.AddMonths(9)), Grant(c, 6_000, Today.AddMonths(1)));
        db.NeedsAreas.Add(new Commonweal.Commissioning.NeedsArea { CommissionerOrganisationId = funder.Id, Name = $"Bow {tag}", Outcodes = ["E3"], CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(Cancel);
        var directory = new DirectoryTestData(factory.CreateDbContext);
        var taxonomy = await directory.TaxonomyAsync($"Needs {tag}");
        var (befriending, food) = (await directory.TermAsync(taxonomy, $"Befriending {tag}"), await directory.TermAsync(taxonomy, $"Food {tag}"));
        await directory.ServiceAsync(a, $"Lunch club {tag}", terms: [befriending, food]);
        await directory.ServiceAsync(b, $"Advice {tag}", terms: [befriending]);
        var email = $"cliff-icb-{tag}@commonweal.example";
        await ProcurementTestData.CommissionerAsync(db, email, funder.Id);
        var client = await factory.SignedInClientAsync(email);

        var body = await client.GetFromJsonAsync<JsonElement>("/api/insight/cliffs?months=12", Cancel);

        Assert.Equal(3, body.GetProperty("organisations").GetArrayLength());
        var areas = body.GetProperty("by_area").EnumerateArray().ToList();
        JsonElement Area(string name) => Assert.Single(areas, x => x.GetProperty("area").GetString() == name);
        (decimal, decimal, int) Figures(JsonElement x) => (x.GetProperty("endingWithin6Months").GetDecimal(), x.GetProperty("endingWithin12Months").GetDecimal(), x.GetProperty("organisations").GetInt32());
        Assert.Equal((12_000m, 36_000m, 2), Figures(Area("E3")));
        Assert.Equal("Outcode", Area("E3").GetProperty("kind").GetString());
        // Services come organisation by organisation, the largest loss (B's) first.
        Assert.Equal([$"Advice {tag}", $"Lunch club {tag}"], Area("E3").GetProperty("servicesAtRisk").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal((6_000m, 6_000m, 1), Figures(Area("E14")));
        Assert.Equal((12_000m, 36_000m, 2), Figures(Area($"Bow {tag}")));
        Assert.Equal("CommissioningArea", Area($"Bow {tag}").GetProperty("kind").GetString());
        Assert.Equal(funder.Name, Area($"Bow {tag}").GetProperty("commissioner").GetString());
        var needs = body.GetProperty("by_need").EnumerateArray().ToList();
        JsonElement Need(string name) => Assert.Single(needs, x => x.GetProperty("need").GetString() == name);
        Assert.Equal((12_000m, 36_000m, 2), Figures(Need($"Befriending {tag}")));
        Assert.Equal((12_000m, 12_000m, 1), Figures(Need($"Food {tag}")));
        Assert.Equal([$"Lunch club {tag}"], Need($"Food {tag}").GetProperty("servicesAtRisk").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(2, needs.Count);
    }

    [Fact]
    public async Task StoredAnnualValue_MatchesTheTermsDefinition_SoTheDatabaseCliffsEqualTheHandComputedOnes()
    {
        // The hand-computed case of FundingCliffTests, as records in the database and read back through the query.
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var db = factory.CreateDbContext();
        var funder = new Organisation { Name = $"Term funder {tag}", LegalForm = LegalForm.LocalAuthority };
        var recipient = new Organisation { Name = $"Term recipient {tag}", LegalForm = LegalForm.RegisteredCharity, Postcode = "E1 6AN" };
        db.Organisations.AddRange(funder, recipient);
        var terms = new (decimal Amount, DateOnly Start, DateOnly End)[]
        {
            (120_000, Today.AddMonths(-9), Today.AddMonths(3).AddDays(-1)),
            (24_000, Today.AddMonths(-12), Today.AddMonths(12).AddDays(-1)),
            (10_000, Today.AddMonths(-7), Today.AddMonths(6)),
            (60_000, Today.AddMonths(-3), Today.AddMonths(33).AddDays(-1)),
            (50_000, Today.AddMonths(-24), Today.AddDays(-1)),
        };
        foreach (var (amount, start, end) in terms)
        {
            var r = new FundingRecord { Source = FundingSource.Award, FunderOrganisationId = funder.Id, FunderName = funder.Name, RecipientOrganisationId = recipient.Id, Amount = amount, SourceKey = $"test-{Guid.NewGuid():N}", RecordedAt = DateTime.UtcNow };
            r.SetDates(start, start, end);
            db.FundingRecords.Add(r);
        }

        await db.SaveChangesAsync(Cancel);

        var cliff = Assert.Single(await new InsightQueries(db, TimeProvider.System).CliffsAsync(12, [recipient.Id], Cancel));

        var expected = FundingCliffs.For(recipient.Id, terms.Select(t => new FundingTerm(recipient.Id, t.Amount, t.Start, t.End)), Today);
        Assert.Equal(expected, cliff.Figures);
        Assert.Equal(3, cliff.Figures.CommitmentsEnding);
        Assert.Equal("E1", cliff.Area);
    }
}
