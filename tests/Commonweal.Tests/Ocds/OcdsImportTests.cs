using System.Net;
using System.Text.Json.Nodes;
using Commonweal.Organisations;
using Commonweal.Procurement;
using Commonweal.Procurement.Awards;
using Commonweal.Procurement.Ocds;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Ocds;

public sealed class OcdsImportTests(OcdsFactory factory) : IClassFixture<OcdsFactory>
{
    private const string FictionalOcid = "ocds-213czf-000-00001";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Counts(int Organisations, int Opportunities, int Awards, int Contracts, int Releases, int Audit);

    private async Task<Counts> CountAsync()
    {
        await using var db = factory.CreateDbContext();
        return new Counts(await db.Organisations.CountAsync(Cancel), await db.Opportunities.CountAsync(Cancel), await db.Awards.CountAsync(Cancel),
            await db.Contracts.CountAsync(Cancel), await db.OcdsReleases.CountAsync(Cancel), await db.AuditEvents.CountAsync(Cancel));
    }

    private async Task<Commonweal.Importing.ImportReport> ImportAsync(string path)
    {
        await using var db = factory.CreateDbContext();
        return await new OcdsImport(db).ImportAsync(path, cancellationToken: Cancel);
    }

    private static string TempFile(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ocds-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string Package(params string[] releases) =>
        $$"""{"uri":"https://contrataciones.example/paquete/1","version":"1.1","publishedDate":"2025-06-01T10:00:00Z","publisher":{"name":"Ayuntamiento de Ejemplo"},"releases":[{{string.Join(",", releases)}}]}""";

    /// <summary>A Spanish award in euros, with an extension field of its publisher's.</summary>
    private static string EuroRelease(string ocid, string id = "1", string amount = "\"amount\": 125000.5,") => $$$"""
        {"ocid":"{{{ocid}}}","id":"{{{id}}}","date":"2025-05-20T08:00:00Z","tag":["award"],"initiationType":"tender","language":"es",
         "parties":[{"id":"ES-DIR3-L01280796","name":"Ayuntamiento de Ejemplo","roles":["buyer"],"identifier":{"scheme":"ES-DIR3","id":"L01280796"}},
                    {"id":"ES-RMC-B12345678","name":"Servicios Comunitarios SL","roles":["supplier"],"identifier":{"scheme":"ES-RMC","id":"B12345678"},"address":{"locality":"Madrid","postalCode":"28001","countryName":"España"}}],
         "buyer":{"id":"ES-DIR3-L01280796","name":"Ayuntamiento de Ejemplo"},
         "tender":{"id":"t-1","title":"Servicio de acompañamiento a personas mayores","status":"complete","procurementMethod":"open","value":{"amount":130000,"currency":"EUR"}},
         "awards":[{"id":"a-1","status":"active","date":"2025-05-20T08:00:00Z","value":{{{{amount}}} "currency":"EUR"},"suppliers":[{"id":"ES-RMC-B12345678","name":"Servicios Comunitarios SL"}]}],
         "x_fuenteDatos":{"sistema":"PLACSP","version":"3"}}
        """;

    [Fact]
    public async Task FictionalExample_ImportsAsAPastProcurement_ShowsOnTheContractsPage_AndReimportsWithoutDuplicates()
    {
        // The supplier is known already (by its Companies House number); the buyer is not.
        await using (var db = factory.CreateDbContext())
        {
            if (!await db.Organisations.AnyAsync(o => o.Identifier == "GB-COH-11111111", Cancel))
            {
                db.Organisations.Add(new Organisation { Name = "AnyCorp Ltd", Identifier = "GB-COH-11111111", LegalForm = LegalForm.PrivateCompany, IncomeBand = IncomeBand.Major });
                await db.SaveChangesAsync(Cancel);
            }
        }

        var folder = Fixtures.PathOf("ocds/fictional-example");
        var before = await CountAsync();

        var first = await ImportAsync(folder);
        var afterFirst = await CountAsync();
        var second = await ImportAsync(folder);

        Assert.Empty(first.Rejected);
        Assert.Equal(6, first.Written);
        Assert.True(first.Read >= 12, first.SummaryLine);
        Assert.Equal(0, second.Written);
        Assert.Empty(second.Rejected);
        Assert.Equal(afterFirst with { Audit = 0 }, await CountAsync() with { Audit = 0 });
        Assert.Equal(afterFirst.Audit, (await CountAsync()).Audit);
        Assert.Equal(before.Organisations + 1, afterFirst.Organisations);
        Assert.Equal(before.Opportunities + 1, afterFirst.Opportunities);

        await using (var db = factory.CreateDbContext())
        {
            var process = await db.OcdsProcesses.Include(p => p.Opportunity!).ThenInclude(o => o.Commissioners).ThenInclude(c => c.Organisation).SingleAsync(p => p.Ocid == FictionalOcid, Cancel);
            Assert.Equal("en", process.Language);
            Assert.Equal("GBP", process.Currency);
            var o = process.Opportunity!;
            Assert.Equal(OpportunityStatus.Awarded, o.Status);
            Assert.NotNull(o.PublishedAt);
            Assert.Equal("London Borough of Barnet", Assert.Single(o.Commissioners).Organisation!.Name);
            Assert.Equal("GB-LAC-E09000003", o.Commissioners[0].Organisation!.Identifier);
            var award = await db.Awards.Include(a => a.Suppliers).ThenInclude(s => s.Organisation).Include(a => a.Contracts).SingleAsync(a => a.OpportunityId == o.Id, Cancel);
            Assert.Equal(AwardStatus.Active, award.Status);
            Assert.Equal("ocds-213czf-000-00001-award-01", award.OcdsId);
            Assert.Equal("AnyCorp Ltd", Assert.Single(award.Suppliers).Organisation!.Name);
            Assert.Equal(11_000_000m, award.Value);
            var contract = Assert.Single(award.Contracts);
            Assert.Equal(ContractStatus.Active, contract.Status);
            Assert.Equal(new DateOnly(2010, 7, 1), contract.Start);
            Assert.NotNull(contract.SignedAt);
        }

        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync("/opportunities/awarded");
        var card = Assert.Single(page.QuerySelectorAll(".cw-award"), c => c.TextContent.Contains("AnyCorp Ltd", StringComparison.Ordinal));
        Assert.Contains("£11,000,000", card.TextContent);
        Assert.Contains("London Borough of Barnet", card.TextContent);

        var record = await client.GetAsync($"/ocds/records/{FictionalOcid}", Cancel);
        var json = await record.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Empty(await OcdsSchemas.ErrorsAsync(OcdsSchemas.RecordPackage, json));
        var compiled = JsonNode.Parse(json)!["records"]![0]!;
        Assert.Equal(6, compiled["releases"]!.AsArray().Count);
        Assert.Equal("complete", (string?)compiled["compiledRelease"]!["tender"]!["status"]);
    }

    [Fact]
    public async Task ReleaseInAnotherCurrencyAndLanguage_ImportsKeepingThem()
    {
        var ocid = $"ocds-es{Guid.NewGuid():N}"[..20];

        var report = await ImportAsync(TempFile(Package(EuroRelease(ocid))));

        Assert.Empty(report.Rejected);
        Assert.Equal(1, report.Written);
        Guid opportunityId;
        await using (var db = factory.CreateDbContext())
        {
            var process = await db.OcdsProcesses.SingleAsync(p => p.Ocid == ocid, Cancel);
            Assert.Equal("es", process.Language);
            Assert.Equal("EUR", process.Currency);
            Assert.Equal("Ayuntamiento de Ejemplo", process.Publisher);
            var award = await db.Awards.Include(a => a.Suppliers).ThenInclude(s => s.Organisation).SingleAsync(a => a.OpportunityId == process.OpportunityId, Cancel);
            Assert.Equal("EUR", award.Currency);
            Assert.Equal(125_000.5m, award.Value);
            Assert.Equal("ES-RMC-B12345678", award.Suppliers[0].Organisation!.Identifier);
            opportunityId = process.OpportunityId;
        }

        var client = factory.CreateClient();
        var record = JsonNode.Parse(await client.GetStringAsync($"/ocds/records/{ocid}", Cancel))!;
        var release = record["records"]![0]!["releases"]![0]!;
        Assert.Equal("PLACSP", (string?)release["x_fuenteDatos"]!["sistema"]);
        Assert.Equal("EUR", (string?)release["awards"]![0]!["value"]!["currency"]);
        Assert.Equal("es", (string?)release["language"]);

        await using (var db = factory.CreateDbContext())
        {
            var reference = await db.Opportunities.Where(o => o.Id == opportunityId).Select(o => o.Reference).SingleAsync(Cancel);
            var page = await client.GetDocumentAsync($"/opportunities/{reference}");
            Assert.Contains("EUR 125,000.50", page.QuerySelector(".cw-award")!.TextContent);
            Assert.NotNull(page.QuerySelector($"a[href='/ocds/records/{ocid}']"));
        }
    }

    [Fact]
    public async Task BadReleases_AreRefusedByJsonPath_AndTheFileWritesNothing()
    {
        var ocid = $"ocds-bad{Guid.NewGuid():N}"[..20];
        var noOcid = EuroRelease(ocid, "2").Replace($"\"ocid\":\"{ocid}\",", "", StringComparison.Ordinal);
        var noAmount = EuroRelease(ocid + "-b", "3", amount: "");
        var before = await CountAsync();

        var report = await ImportAsync(TempFile(Package(EuroRelease(ocid), noOcid, noAmount)));

        Assert.Equal(3, report.Read);
        Assert.Equal(0, report.Written);
        Assert.Contains(report.Rejected, r => r.Where!.EndsWith("$.releases[1].ocid", StringComparison.Ordinal) && r.Reason.Contains("ocid", StringComparison.Ordinal));
        Assert.Contains(report.Rejected, r => r.Where!.EndsWith("$.releases[2].awards[0].value.amount", StringComparison.Ordinal) && r.Reason.Contains("amount", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());

        var notPackage = await ImportAsync(TempFile("""{"hello":"world"}"""));
        Assert.Contains(notPackage.Rejected, r => r.Reason.Contains("not an OCDS release package", StringComparison.Ordinal));
        var malformed = await ImportAsync(TempFile("""{"releases":[ """));
        Assert.Contains(malformed.Rejected, r => r.Reason.Contains("malformed JSON", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task LaterRelease_UpdatesTheImportedProcess()
    {
        var ocid = $"ocds-upd{Guid.NewGuid():N}"[..20];
        var tender = $$$"""{"ocid":"{{{ocid}}}","id":"t","date":"2025-01-10T09:00:00Z","tag":["tender"],"initiationType":"tender","tender":{"id":"t","title":"Befriending","status":"active","value":{"amount":90000,"currency":"GBP"},"tenderPeriod":{"endDate":"2025-02-10T12:00:00Z"}},"buyer":{"id":"GB-LAE-TWH","name":"London Borough of Tower Hamlets"},"parties":[{"id":"GB-LAE-TWH","name":"London Borough of Tower Hamlets","roles":["buyer"]}]}""";
        Assert.Equal(1, (await ImportAsync(TempFile(Package(tender)))).Written);
        await using (var db = factory.CreateDbContext())
        {
            var process = await db.OcdsProcesses.Include(p => p.Opportunity!).ThenInclude(o => o.Commissioners).SingleAsync(p => p.Ocid == ocid, Cancel);
            Assert.Equal(OpportunityStatus.Closed, process.Opportunity!.Status);
            var council = await db.Organisations.SingleAsync(o => o.Identifier == "GB-LAE-TWH", Cancel);
            Assert.Equal(council.Id, Assert.Single(process.Opportunity.Commissioners).OrganisationId);
        }

        var cancelled = tender.Replace("\"id\":\"t\",\"date\":\"2025-01-10T09:00:00Z\",\"tag\":[\"tender\"]", "\"id\":\"c\",\"date\":\"2025-01-20T09:00:00Z\",\"tag\":[\"tenderCancellation\"]", StringComparison.Ordinal)
            .Replace("\"status\":\"active\"", "\"status\":\"cancelled\"", StringComparison.Ordinal);
        Assert.Equal(1, (await ImportAsync(TempFile(Package(tender, cancelled)))).Written);

        await using (var db = factory.CreateDbContext())
        {
            var process = await db.OcdsProcesses.Include(p => p.Opportunity!).ThenInclude(o => o.Transitions).SingleAsync(p => p.Ocid == ocid, Cancel);
            Assert.Equal(OpportunityStatus.Cancelled, process.Opportunity!.Status);
            Assert.Equal(2, await db.OcdsReleases.CountAsync(r => r.Ocid == ocid, Cancel));
            Assert.Equal(1, await db.OcdsProcesses.CountAsync(p => p.Ocid == ocid, Cancel));
        }
    }
}
