using System.Text.Json.Nodes;
using Commonweal.Directory.Hsds;
using Commonweal.Importing;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;
using NJsonSchema;

namespace Commonweal.Tests.Directory;

public sealed class HsdsRoundTripTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("commonweal-hsds-").FullName;

    public static TheoryData<string> Examples() =>
    [
        .. new[] { "location", "organization_full", "organization_list", "service_at_location_full", "service_at_location_list", "service_full", "service_list", "taxonomy", "taxonomy_list", "taxonomy_term", "taxonomy_term_list" }.Select(n => $"hsds/{n}.json"),
        .. new[] { "organization_full", "organization_list", "service_at_location_full", "service_at_location_list", "service_full", "service_list", "taxonomy", "taxonomy_list", "taxonomy_term", "taxonomy_term_list" }.Select(n => $"oruk/examples/{n}.json"),
    ];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_ImportExportReimport_KeepsEveryFieldAndChangesNothing(string example)
    {
        var path = Fixtures.PathOf(example);

        var report = await ImportAsync(path);
        var exported = await ExportAsync();

        Assert.Empty(report.Rejected);
        await AssertValidAsync(exported);
        var input = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!;
        var records = input is JsonObject page && page["contents"] is JsonArray contents ? contents : input as JsonArray ?? [input];
        foreach (var record in records.OfType<JsonObject>())
        {
            Assert.Empty(Differences(record, exported));
        }

        Assert.Equal(0, (await ImportAsync(Path.Combine(exported, "services.json"))).Written);
    }

    [Fact]
    public async Task CsvTableSet_ImportExportReimport_KeepsEveryRowAndChangesNothing()
    {
        var set = CopyCsvSet();
        // Its own database: the JSON examples share ids with the CSV set, and the order tests run in is not fixed.
        await using var fresh = await TestDatabase.CreateAsync();
        await fresh.MigrateAsync();

        var report = await ImportAsync(set, fresh);
        var exported = await ExportAsync(fresh);

        Assert.Empty(report.Rejected);
        Assert.Equal("read 6, written 6, rejected 0", report.SummaryLine);
        foreach (var table in System.IO.Directory.GetFiles(set, "*.csv").Select(Path.GetFileName))
        {
            if (table == "meta_table_descriptions.csv")
            {
                continue;
            }

            var expected = ReadCsv(Path.Combine(set, table!));
            var actual = ReadCsv(Path.Combine(exported, table!)).ToDictionary(r => r["id"]);
            foreach (var row in expected)
            {
                Assert.True(actual.TryGetValue(row["id"], out var found), $"{table}: row {row["id"]} missing from the export");
                Assert.Equal(row.Where(c => c.Value != "").ToDictionary(), row.Keys.Where(k => row[k] != "").ToDictionary(k => k, k => found!.GetValueOrDefault(k, "")));
            }
        }

        await AssertValidAsync(exported);
        Assert.Equal(0, (await ImportAsync(exported, fresh)).Written);
    }

    [Theory]
    [InlineData("name", null, "$.name", "is required")]
    [InlineData("id", "not-a-uuid", "$.id", "'not-a-uuid' is not a UUID")]
    [InlineData("email", "not an email", "$.email", "'not an email' is not an email address")]
    [InlineData("status", "open", "$.status", "must be one of active, inactive, defunct, temporarily closed")]
    [InlineData("minimum_age", "twelve", "$.minimum_age", "must be a whole number")]
    [InlineData("url", "example", "$.url", "'example' is not an absolute URI")]
    [InlineData("latitude", "north", "$.service_at_locations[0].location.latitude", "must be a number")]
    public async Task Import_InvalidService_IsRejectedWithPathAndWritesNothing(string property, string? value, string path, string reason)
    {
        var document = Service(Guid.NewGuid());
        if (property == "latitude")
        {
            document["service_at_locations"]![0]!["location"]!["latitude"] = value;
        }
        else
        {
            document[property] = value;
        }

        var good = Service(Guid.NewGuid());
        var file = Write("invalid.json", new JsonObject { ["contents"] = new JsonArray(good, document) });
        var before = await CountsAsync();

        var report = await ImportAsync(file);

        var expectedPath = path.Replace("$", "$.contents[1]", StringComparison.Ordinal);
        Assert.Contains($"invalid.json {expectedPath}: {reason}", report.Rejected.Select(r => r.ToString()));
        Assert.Equal(0, report.Written);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_OverlongNameAndUnknownOrganization_AreRejected()
    {
        var overlong = Service(Guid.NewGuid());
        overlong["name"] = new string('a', 251);
        var orphan = Service(Guid.NewGuid());
        orphan.Remove("organization");
        orphan["organization_id"] = Guid.NewGuid().ToString();
        var before = await CountsAsync();

        var first = await ImportAsync(Write("long.json", overlong));
        var second = await ImportAsync(Write("orphan.json", orphan));

        Assert.Equal(["long.json $.name: is longer than 250 characters"], first.Rejected.Select(r => r.ToString()));
        Assert.Equal([$"orphan.json $.organization_id: organization {orphan["organization_id"]} is not in the data or the database"], second.Rejected.Select(r => r.ToString()));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_MalformedJsonAndCsv_AreRejectedWithWhereAndWriteNothing()
    {
        var json = Path.Combine(folder, "broken.json");
        await File.WriteAllTextAsync(json, "{ \"id\": ", TestContext.Current.CancellationToken);
        var set = CopyCsvSet();
        await File.AppendAllTextAsync(Path.Combine(set, "services.csv"), "\"unclosed,quote\n", TestContext.Current.CancellationToken);
        var before = await CountsAsync();

        var broken = await ImportAsync(json);
        var csv = await ImportAsync(set);

        Assert.StartsWith("broken.json: malformed JSON (line 1", Assert.Single(broken.Rejected).ToString());
        Assert.Contains(csv.Rejected, r => r.ToString().StartsWith("services.csv row 3: ", StringComparison.Ordinal));
        Assert.Equal(0, csv.Written);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Import_ListReadOneRecordAtATime_StillRejectsTheWholeFileOnAnyFault()
    {
        // A bare list is streamed record by record; a fault after a good record must still keep that record out.
        var service = (await File.ReadAllTextAsync(Fixtures.PathOf("hsds/service_full.json"), TestContext.Current.CancellationToken)).Trim();
        var notAnObject = Path.Combine(folder, "list.json");
        var cut = Path.Combine(folder, "cut.json");
        var twice = Path.Combine(folder, "twice.json");
        await File.WriteAllTextAsync(notAnObject, $"\n [{service}, 42]", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(cut, $"[{service}, {{\"id\": ", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(twice, $"[{service},\n{{\"id\": \"{Guid.NewGuid()}\", \"name\": \"A\", \"name\": \"B\"}}]", TestContext.Current.CancellationToken);
        var before = await CountsAsync();

        var list = await ImportAsync(notAnObject);
        var truncated = await ImportAsync(cut);
        var named = await ImportAsync(twice);

        Assert.Equal(["list.json $[1]: expected an object"], list.Rejected.Select(r => r.ToString()));
        Assert.StartsWith("cut.json: malformed JSON (line", Assert.Single(truncated.Rejected).ToString());
        var secondLine = service.Split('\n').Length + 1;
        Assert.Matches($@"^twice\.json: malformed JSON \(line {secondLine}, byte \d+\): the property 'name' appears twice in one object$", Assert.Single(named.Rejected).ToString());
        Assert.Equal((2, 0), (list.Read, list.Written));
        Assert.Equal(0, truncated.Written);
        Assert.Equal(0, named.Written);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Schema_WithFormatValidation_RefusesABadEmail()
    {
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Fixtures.PathOf("hsds/schema/service.compiled.json"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var document = Service(Guid.NewGuid());

        var good = schema.Validate(document.ToJsonString());
        document["email"] = "not an email";
        var bad = schema.Validate(document.ToJsonString());

        Assert.Empty(good);
        Assert.Contains(bad, e => e.Path == "#/email");
    }

    [Fact]
    public async Task Cli_ImportAndExportHsds_ReportAndExitCodes()
    {
        var file = Write("one.json", Service(Guid.NewGuid()));

        var import = await CliHarness.RunAsync(database.Database, "import", "hsds", file);
        var again = await CliHarness.RunAsync(database.Database, "import", "hsds", file);
        var export = await CliHarness.RunAsync(database.Database, "export", "hsds", Path.Combine(folder, "cli-out"));
        var missing = await CliHarness.RunAsync(database.Database, "import", "hsds", Path.Combine(folder, "absent"));

        Assert.Equal((0, "read 1, written 1, rejected 0"), (import.ExitCode, import.Lines[^1]));
        Assert.Equal((0, "read 1, written 0, rejected 0"), (again.ExitCode, again.Lines[^1]));
        Assert.Equal(0, export.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "cli-out", "services.json")));
        Assert.Equal(1, missing.ExitCode);
    }

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);

    private static JsonObject Service(Guid id) => new()
    {
        ["id"] = id.ToString(),
        ["name"] = "Walking group",
        ["status"] = "active",
        ["email"] = "walk@example.org",
        ["url"] = "https://example.org/walk",
        ["organization"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Bow Walkers", ["description"] = "A walking club." },
        ["service_at_locations"] = new JsonArray(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["location"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["location_type"] = "physical", ["latitude"] = 51.53, ["longitude"] = -0.02 },
        }),
    };

    private async Task<ImportReport> ImportAsync(string path, TestDatabase? into = null)
    {
        await using var db = (into ?? database.Database).CreateContext();
        return await new HsdsImport(db).ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);
    }

    private async Task<string> ExportAsync(TestDatabase? from = null)
    {
        var output = Path.Combine(folder, $"export-{Guid.NewGuid():N}");
        await using var db = (from ?? database.Database).CreateContext();
        await new HsdsExport(db).ExportAsync(output, TestContext.Current.CancellationToken);
        return output;
    }

    private async Task<(int, int, int, int, int)> CountsAsync()
    {
        await using var db = database.Database.CreateContext();
        return (await db.Services.CountAsync(), await db.Organisations.CountAsync(), await db.Locations.CountAsync(),
            await db.ServiceAtLocations.CountAsync(), await db.AuditEvents.CountAsync());
    }

    private static async Task AssertValidAsync(string exported)
    {
        foreach (var (file, schemaFile) in new[] { ("services.json", "service"), ("organizations.json", "organization") })
        {
            var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Fixtures.PathOf($"hsds/schema/{schemaFile}.compiled.json")));
            foreach (var document in JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(exported, file)))!.AsArray())
            {
                var errors = schema.Validate(document!.ToJsonString());
                Assert.True(errors.Count == 0, $"{file} {document["id"]}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}");
            }
        }
    }

    /// <summary>Compares an input record with where the export puts it, by kind.</summary>
    private static List<string> Differences(JsonObject record, string exported)
    {
        JsonObject Find(string file, string id) =>
            JsonNode.Parse(File.ReadAllText(Path.Combine(exported, file)))!.AsArray().OfType<JsonObject>().Single(d => d["id"]!.ToString() == id);

        var id = record["id"]!.ToString();
        var copy = (JsonObject)record.DeepClone();
        var differences = new List<string>();
        switch (HsdsDocuments.KindOf(record))
        {
            case HsdsKind.Organization:
                foreach (var child in (copy["services"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    differences.AddRange(Differences(child, exported));
                }

                copy.Remove("services");
                differences.AddRange(HsdsJson.Missing(copy, Find("organizations.json", id)));
                break;
            case HsdsKind.ServiceAtLocation:
                var service = (JsonObject)copy["service"]!;
                differences.AddRange(Differences(service, exported));
                copy.Remove("service");
                differences.AddRange(HsdsJson.Missing(copy, Find("services.json", service["id"]!.ToString())["service_at_locations"]!
                    .AsArray().OfType<JsonObject>().Single(l => l["id"]!.ToString() == id)));
                break;
            case HsdsKind.Taxonomy:
                foreach (var term in (copy["taxonomy_terms"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    differences.AddRange(Differences(term, exported));
                }

                copy.Remove("taxonomy_terms");
                differences.AddRange(HsdsJson.Missing(copy, Find("taxonomies.json", id)));
                break;
            case HsdsKind.TaxonomyTerm:
                differences.AddRange(HsdsJson.Missing(copy, Find("taxonomy_terms.json", id)));
                break;
            case HsdsKind.Location:
                differences.AddRange(HsdsJson.Missing(copy, Find("locations.json", id)));
                break;
            default:
                differences.AddRange(HsdsJson.Missing(copy, Find("services.json", id)));
                break;
        }

        return differences;
    }

    /// <summary>
    /// The published example set, with its two dangling references pointed at records it holds:
    /// its attribute names a link_id and its metadata a resource_id that are no record of the set.
    /// </summary>
    private string CopyCsvSet()
    {
        var source = Fixtures.PathOf("hsds/csv");
        var target = System.IO.Directory.CreateDirectory(Path.Combine(folder, $"csv-{Guid.NewGuid():N}")).FullName;
        foreach (var file in System.IO.Directory.GetFiles(source))
        {
            var text = File.ReadAllText(file)
                .Replace("f28dd44b-0c4d-479f-8e90-4c52219a8b3c", "ac148810-d857-441c-9679-408f346de14b", StringComparison.Ordinal)
                .Replace("38960354-e7d2-4cfa-a368-820f729d6ccf", "3a19ff88-4620-4d17-9830-ac1d859eb5d5", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), text);
        }

        return target;
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var stream = File.OpenRead(path);
        using var csv = CsvHelper.CsvReader.Create(stream, CsvHelper.CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<Dictionary<string, string>>();
        string[]? header = null;
        while (csv.Read())
        {
            var fields = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            if (header is null)
            {
                header = fields;
                continue;
            }

            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }

        return rows;
    }

    private string Write(string name, JsonNode document)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }
}
