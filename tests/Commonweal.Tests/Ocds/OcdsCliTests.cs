using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Ocds;

public sealed class OcdsCliTests(OcdsFactory factory) : IClassFixture<OcdsFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExportOcds_WritesAReleasePackageAndRecordPackages_ThatValidate()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ocds-export-{Guid.NewGuid():N}");
        string reference;
        await using (var db = factory.CreateDbContext())
        {
            reference = await db.Opportunities.Where(o => o.Id == DemoAwards.OpportunityId).Select(o => o.Reference).SingleAsync(Cancel);
        }

        var run = await CliHarness.RunAsync(factory.Database, "export", "ocds", folder, "--base-url", "https://commonweal.example");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"exported \d+ releases in \d+ records", run.Output);
        var releases = await File.ReadAllTextAsync(Path.Combine(folder, "releases.json"), Cancel);
        Assert.Empty(await OcdsSchemas.ErrorsAsync(OcdsSchemas.ReleasePackage, releases));
        Assert.Contains("\"uri\": \"https://commonweal.example/ocds/releases\"", releases);
        var records = System.IO.Directory.GetFiles(Path.Combine(folder, "records"), "*.json");
        Assert.Contains(records, r => Path.GetFileName(r) == $"ocds-cmnwl-{reference}.json");
        foreach (var record in records)
        {
            var errors = await OcdsSchemas.ErrorsAsync(OcdsSchemas.RecordPackage, await File.ReadAllTextAsync(record, Cancel));
            Assert.True(errors.Count == 0, $"{record}: {string.Join("; ", errors)}");
        }

        System.IO.Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ImportOcds_ReportsReadWrittenRejected_AndReimportWritesNothing()
    {
        var folder = Fixtures.PathOf("ocds/fictional-example");

        var first = await CliHarness.RunAsync(factory.Database, "import", "ocds", folder);
        var second = await CliHarness.RunAsync(factory.Database, "import", "ocds", folder);
        var missing = await CliHarness.RunAsync(factory.Database, "import", "ocds", Path.Combine(folder, "no-such-file.json"));

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Matches(@"^read \d+, written 6, rejected 0$", first.Lines[^1]);
        Assert.Matches(@"^read \d+, written 0, rejected 0$", second.Lines[^1]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("Nothing was written", missing.Output);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.OcdsProcesses.CountAsync(p => p.Ocid == "ocds-213czf-000-00001", Cancel));
        Assert.Equal(6, await db.OcdsReleases.CountAsync(Cancel));
    }

    [Fact]
    public async Task ImportOcds_BadFile_PrintsTheJsonPath_AndExitsWithTheSummary()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ocds-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"uri":"https://x.example/p","version":"1.1","publishedDate":"2025-01-01T00:00:00Z","publisher":{"name":"X"},"releases":[{"id":"1","date":"2025-01-01T00:00:00Z","tag":["tender"],"initiationType":"tender"}]}""", Cancel);

        var run = await CliHarness.RunAsync(factory.Database, "import", "ocds", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Lines, l => l.Contains("$.releases[0].ocid", StringComparison.Ordinal));
        Assert.Equal("read 1, written 0, rejected 1", run.Lines[^1]);
        File.Delete(file);
    }
}
