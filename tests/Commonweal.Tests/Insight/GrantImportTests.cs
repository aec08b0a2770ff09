using Commonweal.Insight;
using Commonweal.Organisations;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Insight;

public sealed class GrantImportTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly GrantFiles files = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<Commonweal.Importing.ImportReport> ImportAsync(string path) => GrantFiles.ImportAsync(database.Database, path);

    private Task<string> WriteAsync(string extension, string text) => files.WriteAsync(extension, text);

    [Fact]
    public async Task Import_RealFile_AccountsForEveryGrant_AndReimportWritesNothing()
    {
        var path = Fixtures.PathOf("360giving/a-b-charitable-trust-grants.json");

        var first = await ImportAsync(path);
        var second = await ImportAsync(path);

        Assert.Equal(783, first.Read);
        Assert.Equal(783, first.Written + first.Rejected.Count);
        Assert.Empty(first.Rejected);
        Assert.Equal("read 783, written 0, rejected 0", second.SummaryLine);
        await using var db = database.Database.CreateContext();
        var funder = await db.Organisations.SingleAsync(o => o.Identifier == "GB-CHC-1000147", Cancel);
        Assert.Equal(LegalForm.RegisteredCharity, funder.LegalForm);
        Assert.Equal(Sector.Third, funder.Sector);
        Assert.Equal(783, await db.FundingRecords.CountAsync(f => f.Source == FundingSource.Grant && f.FunderOrganisationId == funder.Id, Cancel));
        var first360 = await db.FundingRecords.SingleAsync(f => f.SourceKey == "360G-ABCT-0065I000005BoDGQA044222", Cancel);
        Assert.Equal(30_000m, first360.Amount);
        Assert.Equal(new DateOnly(2021, 1, 26), first360.AwardDate);
        Assert.Equal(2020, first360.FinancialYear);
        var recipient = await db.Organisations.SingleAsync(o => o.Id == first360.RecipientOrganisationId, Cancel);
        Assert.Equal("GB-CHC-1126147", recipient.Identifier);
        // A recipient known only by the funder's own id is matched on re-import, not created twice.
        Assert.Equal(1, await db.Organisations.CountAsync(o => o.Name == "Refugee Support Devon", Cancel));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "FundingRecords.Imported" && e.Summary.Contains("\"written\":783"), Cancel));
    }

    [Fact]
    public async Task Import_CsvWithRealFileQuirks_ParsesUkDatesAndTextAmounts()
    {
        var path = await WriteAsync("csv",
            "Identifier,Title,Description,Currency,Amount Awarded,Award Date,Planned Dates:Start Date,Planned Dates:End Date,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name,Grant Programme:Title\n" +
            "360G-TEST-CSV-1,Lunch club,Meals,GBP,\"£12,500.50\",03/02/2025,01/04/2025,31/03/2026,GB-CHC-1190001,Bow Lunch Club,GB-CHC-1000148,Test Trust,Older people\n");

        var report = await ImportAsync(path);

        Assert.Equal("read 1, written 1, rejected 0", report.SummaryLine);
        await using var db = database.Database.CreateContext();
        var r = await db.FundingRecords.SingleAsync(f => f.SourceKey == "360G-TEST-CSV-1", Cancel);
        Assert.Equal(12_500.50m, r.Amount);
        Assert.Equal(new DateOnly(2025, 2, 3), r.AwardDate);
        Assert.Equal(new DateOnly(2026, 3, 31), r.PlannedEnd);
        Assert.Equal(2025, r.FinancialYear);
        Assert.Equal("Older people: Lunch club", r.Title);
    }

    [Fact]
    public async Task Import_FileWithInvalidGrants_WritesNothing_AndNamesEachGrantAndPlace()
    {
        var path = await WriteAsync("json", """
            {"grants": [
              {"id": "360G-TEST-OK", "title": "Fine", "description": "d", "currency": "GBP", "amountAwarded": 100, "awardDate": "2025-05-01",
               "recipientOrganization": [{"id": "GB-CHC-1190002", "name": "Good Charity"}], "fundingOrganization": [{"id": "GB-CHC-1000149", "name": "Funder"}]},
              {"id": "360G-TEST-BAD-AMOUNT", "title": "Bad", "description": "d", "currency": "GBP", "amountAwarded": "lots", "awardDate": "2025-05-01",
               "recipientOrganization": [{"id": "GB-CHC-1190003", "name": "Other"}], "fundingOrganization": [{"id": "GB-CHC-1000149", "name": "Funder"}]},
              {"id": "360G-TEST-BAD-DATE", "title": "Bad", "description": "d", "currency": "GBP", "amountAwarded": 5, "awardDate": "31/02/2025",
               "recipientOrganization": [{"id": "GB-CHC-1190004", "name": "Other"}], "fundingOrganization": [{"id": "GB-CHC-1000149", "name": "Funder"}]},
              {"id": "360G-TEST-BAD-ORG", "title": "Bad", "description": "d", "currency": "GBP", "amountAwarded": 5, "awardDate": "2025-05-01",
               "recipientOrganization": [{"id": "GB-CHC-12", "name": "Typo"}], "fundingOrganization": [{"id": "GB-CHC-1000149", "name": "Funder"}]}
            ]}
            """);

        var report = await ImportAsync(path);

        Assert.Equal(4, report.Read);
        Assert.Equal(0, report.Written);
        Assert.Equal(3, report.Rejected.Count);
        var lines = report.Rejected.Select(r => r.ToString()).ToList();
        Assert.Contains(lines, l => l.Contains("$.grants[1].amountAwarded", StringComparison.Ordinal) && l.Contains("360G-TEST-BAD-AMOUNT", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$.grants[2].awardDate", StringComparison.Ordinal) && l.Contains("360G-TEST-BAD-DATE", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$.grants[3].recipientOrganization[0].id", StringComparison.Ordinal) && l.Contains("360G-TEST-BAD-ORG", StringComparison.Ordinal));
        await using var db = database.Database.CreateContext();
        Assert.False(await db.FundingRecords.AnyAsync(f => f.SourceKey == "360G-TEST-OK", Cancel));
        Assert.False(await db.Organisations.AnyAsync(o => o.Identifier == "GB-CHC-1190002", Cancel));
    }

    [Fact]
    public async Task Import_CsvRowWithBadAmount_NamesRowAndColumn()
    {
        var path = await WriteAsync("csv",
            "Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name\n" +
            "360G-TEST-CSV-BAD,Lunch,Meals,GBP,twelve,2025-02-03,GB-CHC-1190005,Club,GB-CHC-1000148,Test Trust\n");

        var report = await ImportAsync(path);

        var rejection = Assert.Single(report.Rejected);
        Assert.Contains("row 2, column 'Amount Awarded'", rejection.ToString(), StringComparison.Ordinal);
        Assert.Contains("360G-TEST-CSV-BAD", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ChangedGrant_IsUpdatedNotDuplicated()
    {
        const string Template = """
            {"grants": [{"id": "360G-TEST-CHANGE", "title": "Hall", "description": "d", "currency": "GBP", "amountAwarded": AMOUNT, "awardDate": "2025-05-01",
               "recipientOrganization": [{"id": "GB-CHC-1190006", "name": "Hall Trust"}], "fundingOrganization": [{"id": "GB-CHC-1000149", "name": "Funder"}]}]}
            """;
        await ImportAsync(await WriteAsync("json", Template.Replace("AMOUNT", "1000", StringComparison.Ordinal)));

        var report = await ImportAsync(await WriteAsync("json", Template.Replace("AMOUNT", "\"2,000\"", StringComparison.Ordinal)));

        Assert.Equal("read 1, written 1, rejected 0", report.SummaryLine);
        await using var db = database.Database.CreateContext();
        var r = await db.FundingRecords.SingleAsync(f => f.SourceKey == "360G-TEST-CHANGE", Cancel);
        Assert.Equal(2000m, r.Amount);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "FundingRecord.Updated" && e.EntityId == r.Id.ToString(), Cancel));
    }

    public void Dispose() => files.Dispose();
}
