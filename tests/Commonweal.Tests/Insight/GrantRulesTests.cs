using System.Text.Json;
using Commonweal.Organisations;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Insight;

/// <summary>
/// What the 360Giving import decides, grant by grant: every rejection's place and words, and what an
/// accepted quirky grant is stored as. Pinned so that a faster way of reading and checking grants
/// cannot quietly decide differently.
/// </summary>
public sealed class GrantRulesTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly GrantFiles files = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<Commonweal.Importing.ImportReport> ImportAsync(string path) => GrantFiles.ImportAsync(database.Database, path);

    private Task<string> WriteAsync(string extension, string text) => files.WriteAsync(extension, text);

    /// <summary>A grant that passes, with the given properties replacing or adding to its own.</summary>
    private static string Grant(string id, string recipient, string extra = "") =>
        $$"""{"id": "{{id}}", "title": "t", "description": "d", "currency": "GBP", "amountAwarded": 5, "awardDate": "2025-05-01", "recipientOrganization": [{"id": "{{recipient}}", "name": "R"}], "fundingOrganization": [{"id": "GB-CHC-1000149", "name": "F"}]{{extra}}}""";

    [Fact]
    public async Task Import_GrantsBreakingTheSchemaAndCommonwealsRules_AreEachNamedWithTheirPlace_AndNothingIsWritten()
    {
        var grants = new[]
        {
            "\"just text\"",
            """{"id": "360G-P-NOREQ", "title": "t", "currency": "GBP", "amountAwarded": 1, "awardDate": "2025-05-01", "recipientOrganization": [{"id": "GB-CHC-1190010", "name": "A"}], "fundingOrganization": [{"id": "GB-CHC-1000149", "name": "F"}]}""",
            """{"id": 42, "title": 5, "description": "d", "currency": "gbp", "amountAwarded": true, "awardDate": "2025-13-01", "recipientOrganization": [{"id": "GB-CHC-1190011", "name": "B"}], "fundingOrganization": [{"id": "GB-CHC-1000149", "name": "F"}]}""",
            """{"id": "360G-P-TYPES", "title": "t", "description": "d", "currency": "XYZ", "amountAwarded": -5, "awardDate": "2025-05-01", "url": "not a web address", "plannedDates": [{"startDate": "2025-06-01", "endDate": "2025", "duration": -3}], "recipientOrganization": [], "fundingOrganization": {"id": "GB-CHC-1000149", "name": "F"}}""",
            Grant("360G-P-NEG", "GB-CHC-1190012").Replace("\"amountAwarded\": 5", "\"amountAwarded\": -5", StringComparison.Ordinal),
            Grant("360G-P-ENDS", "GB-CHC-1190013", """, "plannedDates": [{"startDate": "01/06/2025", "endDate": "2025-05-31"}]"""),
            """{"id": "360G-P-INDIVIDUAL", "title": "t", "description": "d", "currency": "GBP", "amountAwarded": 5, "awardDate": "2025-05-01", "recipientIndividual": {"id": "360G-P-PERSON-1", "name": "A person"}, "fundingOrganization": [{"id": "GB-CHC-1000149", "name": "F"}]}""",
            Grant("360G-P-BOTH", "GB-CHC-1190014", """, "recipientIndividual": {"id": "360G-P-PERSON-2", "name": "A person"}"""),
            Grant("360G-P-NOFUNDERNAME", "GB-CHC-1190015").Replace("\"name\": \"F\"", "\"name\": \"\"", StringComparison.Ordinal),
            Grant("360G-P-FUNDERID", "GB-CHC-1190016").Replace("GB-CHC-1000149", "gb-chc-12", StringComparison.Ordinal),
            """{"id": "360G-P-ORGTYPES", "title": "t", "description": "d", "currency": "GBP", "amountAwarded": "£", "awardDate": "2025-05-01T10:00:00", "dateModified": "yesterday", "beneficiaryLocation": [{"name": null, "latitude": "51.5", "id": 7}], "recipientOrganization": [{"id": "GB-CHC-1190017", "name": "I", "organisationType": null, "url": "www.example.org"}, {"name": "second"}], "fundingOrganization": [{"id": "GB-CHC-1000149", "name": "F"}]}""",
            Grant("360G-P-DUP", "GB-CHC-1190018"),
            Grant("360G-P-DUP", "GB-CHC-1190018"),
            Grant("360G-P-NODATES", "GB-CHC-1190019", """, "plannedDates": [{"startDate": 20250601, "duration": "twelve"}], "actualDates": [{"endDate": "31/02/2025"}]"""),
            Grant("360G-P-DEEP", "GB-CHC-1190020", """, "disbursementTransaction": [{"id": "t1", "value": "100", "transactionDate": "2025-02-30", "currency": "EUR", "valueDate": null}]""")
                .Replace("\"name\": \"R\"", "\"name\": \"L\", \"location\": [{\"latitude\": \"x\"}]", StringComparison.Ordinal),
        };
        var path = await WriteAsync("json", "{\"grants\": [\n" + string.Join(",\n", grants) + "\n]}");
        var file = Path.GetFileName(path);

        var report = await ImportAsync(path);

        var currencies = "is not one of " + string.Join(", ", Currencies());
        string[] expected =
        [
            "$.grants[0]: a grant must be a JSON object",
            "$.grants[1].description: grant '360G-P-NOREQ': is required",
            "$.grants[2].id: grant without an id: must be text",
            "$.grants[2].title: grant without an id: must be text",
            "$.grants[2].currency: grant without an id: " + currencies,
            "$.grants[2].amountAwarded: grant without an id: must be a number",
            "$.grants[2].awardDate: grant without an id: is not a date in the form YYYY-MM-DD (or DD/MM/YYYY)",
            "$.grants[3].currency: grant '360G-P-TYPES': " + currencies,
            "$.grants[3].url: grant '360G-P-TYPES': is not a web address",
            "$.grants[3].plannedDates[0].duration: grant '360G-P-TYPES': must be 0 or more",
            "$.grants[3].recipientOrganization: grant '360G-P-TYPES': needs at least one item",
            "$.grants[3].fundingOrganization: grant '360G-P-TYPES': must be a list",
            "$.grants[4].amountAwarded: grant '360G-P-NEG': the amount awarded cannot be negative",
            "$.grants[5].plannedDates[0].endDate: grant '360G-P-ENDS': the planned end date is before the start date",
            "$.grants[6].recipientOrganization: grant '360G-P-INDIVIDUAL': a grant to an individual (no recipientOrganization with an id and name) is not recorded against an organisation",
            "$.grants[7]: grant '360G-P-BOTH': matches more than one of the forms the standard allows",
            "$.grants[8].fundingOrganization: grant '360G-P-NOFUNDERNAME': fundingOrganization needs an id and a name",
            "$.grants[9].fundingOrganization[0].id: grant '360G-P-FUNDERID': Enter a valid Charity Commission for England and Wales number: 6 or 7 digits, for example 1123456",
            "$.grants[10].amountAwarded: grant '360G-P-ORGTYPES': must be a number",
            "$.grants[10].recipientOrganization[0].url: grant '360G-P-ORGTYPES': is not a web address",
            "$.grants[10].recipientOrganization[1].id: grant '360G-P-ORGTYPES': is required",
            "$.grants[10].beneficiaryLocation[0].id: grant '360G-P-ORGTYPES': must be text",
            "$.grants[10].beneficiaryLocation[0].latitude: grant '360G-P-ORGTYPES': must be a number",
            "$.grants[10].dateModified: grant '360G-P-ORGTYPES': is not a date in the form YYYY-MM-DD (or DD/MM/YYYY)",
            "$.grants[12].id: grant '360G-P-DUP' appears twice in the file",
            "$.grants[13].plannedDates[0].startDate: grant '360G-P-NODATES': must be text",
            "$.grants[13].plannedDates[0].duration: grant '360G-P-NODATES': must be a number",
            "$.grants[13].actualDates[0].endDate: grant '360G-P-NODATES': is not a date in the form YYYY-MM-DD (or DD/MM/YYYY)",
            "$.grants[14].recipientOrganization[0].location[0].latitude: grant '360G-P-DEEP': must be a number",
            "$.grants[14].disbursementTransaction[0].value: grant '360G-P-DEEP': must be a number",
            // null passes both of the schema's date forms (each applies only to text), so it matches more than one.
            "$.grants[14].disbursementTransaction[0].valueDate: grant '360G-P-DEEP': matches more than one of the forms the standard allows",
        ];
        Assert.Equal(expected.Select(l => $"{file} {l}"), report.Rejected.Select(r => r.ToString()));
        Assert.Equal("read 15, written 0, rejected 31", report.SummaryLine);
        await using var db = database.Database.CreateContext();
        Assert.False(await db.FundingRecords.AnyAsync(f => f.SourceKey == "360G-P-DUP", Cancel));
        Assert.False(await db.Organisations.AnyAsync(o => o.Identifier == "GB-CHC-1190018", Cancel));
    }

    [Fact]
    public async Task Import_ADayNoCalendarHasOrAnAmountTooLargeForMoney_IsRejectedWithItsPlace_NotACrash()
    {
        var path = await WriteAsync("json", "{\"grants\": [\n" + string.Join(",\n",
            Grant("360G-P-FEB30", "GB-CHC-1190030").Replace("2025-05-01", "2025-02-30", StringComparison.Ordinal),
            Grant("360G-P-HUGE", "GB-CHC-1190031").Replace("\"amountAwarded\": 5", "\"amountAwarded\": 1e40", StringComparison.Ordinal),
            Grant("360G-P-FINE", "GB-CHC-1190032")) + "\n]}");
        var file = Path.GetFileName(path);

        var report = await ImportAsync(path);

        Assert.Equal(
            [
                $"{file} $.grants[0].awardDate: grant '360G-P-FEB30': '2025-02-30' is not a day in the calendar",
                $"{file} $.grants[1].amountAwarded: grant '360G-P-HUGE': the amount awarded is too large to be a sum of money",
            ],
            report.Rejected.Select(r => r.ToString()));
        await using var db = database.Database.CreateContext();
        Assert.False(await db.FundingRecords.AnyAsync(f => f.SourceKey == "360G-P-FINE", Cancel));
    }

    [Fact]
    public async Task Import_QuirksTheImportAccepts_AreStoredAsTheDaysAndAmountsTheyMean()
    {
        var path = await WriteAsync("json", """
            {"publisher": {"name": "ignored"}, "grants": [
              {"id": "360G-Q-1", "title": "Lunch", "description": "d", "currency": "GBP", "amountAwarded": " £1,250.50 ", "awardDate": "03/02/2025 14:30",
               "plannedDates": [{"startDate": "01/06/2025", "duration": "12"}], "grantProgramme": [{"title": "Older people"}],
               "recipientOrganization": [{"id": " gb-chc-1190030 ", "name": " Lunch Club ", "postalCode": "e3 2ab"}], "fundingOrganization": [{"id": "360G-FUNDER-Q", "name": "Quirky Fund"}]},
              {"id": "360G-Q-2", "title": "Hall", "description": "d", "currency": "GBP", "amountAwarded": 1.5e3, "awardDate": "2025-05-01T23:30:00-05:00",
               "plannedDates": [{"startDate": "2025-06-01", "duration": 6.5}],
               "recipientOrganization": [{"id": "GB-NHS-A81001", "name": "Surgery"}], "fundingOrganization": [{"id": "360G-FUNDER-Q", "name": "Quirky Fund"}]},
              {"id": "360G-Q-3", "title": "Year", "description": "d", "currency": "GBP", "amountAwarded": 10.005, "awardDate": "2025-05-01T10:00:00",
               "plannedDates": [{"startDate": "2025", "endDate": "2026-03"}],
               "recipientOrganization": [{"id": "GB-COH-123", "name": "Company"}], "fundingOrganization": [{"id": "GB-LAE-TWH", "name": "Council"}]},
              {"id": "360G-Q-4", "title": "Ends", "description": "d", "currency": "GBP", "amountAwarded": "7", "awardDate": "2025-05-01",
               "plannedDates": [{"startDate": "2025-06-01T00:00:00Z", "endDate": "30/06/2026", "duration": 3}],
               "recipientOrganization": [{"id": "360G-Q-GROUP", "name": "Unregistered group"}], "fundingOrganization": [{"id": "GB-LAE-TWH", "name": "Council"}]}
            ]}
            """);

        var report = await ImportAsync(path);

        Assert.Equal("read 4, written 4, rejected 0", report.SummaryLine);
        await using var db = database.Database.CreateContext();
        var records = await db.FundingRecords.AsNoTracking().Where(f => f.SourceKey.StartsWith("360G-Q-")).OrderBy(f => f.SourceKey).ToListAsync(Cancel);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, Cancel);
        var stored = records.Select(r => string.Join(" | ",
            r.SourceKey, r.AmountPence, r.Currency, Day(r.AwardDate), Day(r.PlannedStart), Day(r.PlannedEnd), Day(r.TermStart), Day(r.TermEnd), r.FinancialYear, r.Title,
            r.RecipientIdentifier, r.FunderIdentifier, r.FunderName, organisations[r.RecipientOrganisationId].Identifier, organisations[r.RecipientOrganisationId].Name));
        string[] expected =
        [
            // Text amount with a pound sign, commas and spaces; DD/MM/YYYY with a time; a duration in months written as text.
            "360G-Q-1 | 125050 | GBP | 2025-02-03 | 2025-06-01 | 2026-05-31 | 2025-06-01 | 2026-05-31 | 2025 | Older people: Lunch | gb-chc-1190030 | 360G-FUNDER-Q | Quirky Fund | GB-CHC-1190030 | Lunch Club",
            // An exponent; the day as written, not shifted to UTC; a part month of duration counts as a month.
            "360G-Q-2 | 150000 | GBP | 2025-05-01 | 2025-06-01 | 2025-12-31 | 2025-06-01 | 2025-12-31 | 2025 | Hall | GB-NHS-A81001 | 360G-FUNDER-Q | Quirky Fund | GB-NHS-A81001 | Surgery",
            // A date-time without an offset; a year or a month the schema allows, but no day to record.
            "360G-Q-3 | 1001 | GBP | 2025-05-01 |  |  | 2025-05-01 | 2026-04-30 | 2025 | Year | GB-COH-123 | GB-LAE-TWH | Council | GB-COH-00000123 | Company",
            // An end date wins over a duration.
            "360G-Q-4 | 700 | GBP | 2025-05-01 | 2025-06-01 | 2026-06-30 | 2025-06-01 | 2026-06-30 | 2025 | Ends | 360G-Q-GROUP | GB-LAE-TWH | Council |  | Unregistered group",
        ];
        Assert.Equal(expected, stored);
        var club = await db.Organisations.SingleAsync(o => o.Identifier == "GB-CHC-1190030", Cancel);
        Assert.Equal(("E3 2AB", LegalForm.RegisteredCharity), (club.Postcode, club.LegalForm));
        Assert.Equal(LegalForm.GpPractice, (await db.Organisations.SingleAsync(o => o.Identifier == "GB-NHS-A81001", Cancel)).LegalForm);
        Assert.Equal(1, await db.Organisations.CountAsync(o => o.Name == "Quirky Fund", Cancel));
    }

    [Fact]
    public async Task Import_CsvFaults_NameTheRowAndColumn_OrTheFieldWhenTheFileHasNoSuchColumn()
    {
        var path = await WriteAsync("csv",
            "Identifier,Title,Currency,Amount Awarded,Award Date,Planned Dates:Start Date,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name\n" +
            "360G-CSV-R1,Lunch,GBP,12,31/02/2025,01/06/2025,GB-CHC-1190040,Club,GB-CHC-1000148,Test Trust\n" +
            "360G-CSV-R2,Lunch,GBP,-3,2025-02-03,not a date,GB-CHC-1190041,Club,GB-CHC-1000148,Test Trust\n");
        var file = Path.GetFileName(path);

        var report = await ImportAsync(path);

        Assert.Equal(
        [
            $"{file} row 2, column 'Award Date': grant '360G-CSV-R1': is not a date in the form YYYY-MM-DD (or DD/MM/YYYY)",
            $"{file} row 2 (description): grant '360G-CSV-R1': is required",
            $"{file} row 3, column 'Planned Dates:Start Date': grant '360G-CSV-R2': is not a date in the form YYYY-MM-DD (or DD/MM/YYYY)",
            $"{file} row 3 (description): grant '360G-CSV-R2': is required",
        ], report.Rejected.Select(r => r.ToString()));
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>The currency codes of the standard's schema, in its order.</summary>
    private static IEnumerable<string> Currencies()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Fixtures.PathOf("360giving/schema/360-giving-schema.json")));
        return [.. schema.RootElement.GetProperty("$defs").GetProperty("currency").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];
    }

    public void Dispose() => files.Dispose();
}
