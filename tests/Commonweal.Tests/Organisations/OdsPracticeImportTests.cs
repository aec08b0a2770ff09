using Commonweal.Organisations;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Organisations;

public sealed class OdsPracticeImportTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("commonweal-ods-").FullName;

    [Fact]
    public async Task Import_MalformedRows_AreRejectedWithRowNumbers()
    {
        var path = WriteFile(
            Row("B81001", "THE GOOD SURGERY", "TS18 1HU"),
            string.Join(',', Row("B81002", "SHORT ROW", "TS18 1HU").Split(',')[..26]),
            Row("12345X", "BAD CODE SURGERY", "TS18 1HU"),
            Row("B81003", "BAD POSTCODE SURGERY", "NOT A PC"),
            Row("B81004", new string('A', 201), "TS18 1HU"),
            Row("B81005", "", "TS18 1HU"),
            Row("B81006", "UNKNOWN STATUS SURGERY", "TS18 1HU", status: "X"),
            Row("B81001", "THE GOOD SURGERY AGAIN", "TS18 1HU"),
            Row("B81007", "ANOTHER GOOD SURGERY", "ts181hu"));

        await using var db = database.Database.CreateContext();
        var report = await new OdsPracticeImport(db).ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            "row 2: expected 27 columns, found 26",
            "row 3: ODS code '12345X' is not a GP practice code (a letter and 5 digits, or 3 letters and 3 digits in the Channel Islands)",
            "row 4: postcode 'NOT A PC' is not a valid postcode",
            "row 5: name is longer than 200 characters",
            "row 6: missing practice name",
            "row 7: unknown status code 'X' (expected A, C, D or P)",
            "row 8: ODS code B81001 appears again (first on row 1)",
        ], report.Rejected.Select(r => r.ToString()));
        Assert.Equal("read 9, written 2, rejected 7", report.SummaryLine);
        var written = await db.Organisations.AsNoTracking()
            .Where(o => o.Identifier == "GB-NHS-B81001" || o.Identifier == "GB-NHS-B81007")
            .OrderBy(o => o.Identifier).Select(o => new { o.Name, o.Postcode })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([new { Name = "The Good Surgery", Postcode = (string?)"TS18 1HU" }, new { Name = "Another Good Surgery", Postcode = (string?)"TS18 1HU" }], written);
    }

    [Fact]
    public async Task Import_ChangedRow_UpdatesThePracticeAndCountsOnlyIt()
    {
        var original = WriteFile(Row("D81001", "OLD NAME SURGERY", "E3 2AN"), Row("D81002", "STEADY SURGERY", "E3 2AN"));
        var changed = WriteFile(Row("D81001", "NEW NAME SURGERY", "E3 2AN", status: "C"), Row("D81002", "STEADY SURGERY", "E3 2AN"));
        await using (var db = database.Database.CreateContext())
        {
            await new OdsPracticeImport(db).ImportAsync(original, cancellationToken: TestContext.Current.CancellationToken);
        }

        await using var second = database.Database.CreateContext();
        var report = await new OdsPracticeImport(second).ImportAsync(changed, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("read 2, written 1, rejected 0", report.SummaryLine);
        var practice = await second.Organisations.AsNoTracking().SingleAsync(o => o.Identifier == "GB-NHS-D81001", TestContext.Current.CancellationToken);
        Assert.Equal(("New Name Surgery", OrganisationStatus.Closed), (practice.Name, practice.Status));
    }

    [Fact]
    public async Task Import_MissingFile_FailsAndWritesNothing()
    {
        var before = await DatabaseCounts.TakeAsync(database.Database);
        await using var db = database.Database.CreateContext();

        await Assert.ThrowsAsync<FileNotFoundException>(() =>
            new OdsPracticeImport(db).ImportAsync(Path.Combine(folder, "absent.csv"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(before, await DatabaseCounts.TakeAsync(database.Database));
    }

    [Fact]
    public async Task Import_FailureAfterFirstSave_WritesNothing()
    {
        // 5,000 good rows: the importer saves every 2,000 inside its transaction and reports progress
        // after each save, so cancelling at the first report stops it with rows already sent to the database.
        var path = WriteFile(Enumerable.Range(1, 5_000).Select(i => Row($"E{i:D5}", $"SURGERY {i}", "E1 6AN")).ToArray());
        var before = await DatabaseCounts.TakeAsync(database.Database);
        using var cancellation = new CancellationTokenSource();
        var reports = 0;
        await using var db = database.Database.CreateContext();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new OdsPracticeImport(db).ImportAsync(path,
            new ImmediateProgress(_ => { reports++; cancellation.Cancel(); }), cancellation.Token));

        Assert.Equal(1, reports);
        Assert.Equal(before, await DatabaseCounts.TakeAsync(database.Database));
    }

    [Fact]
    public async Task ImportCommand_PrintsRejectionsThenSummaryLast()
    {
        var path = WriteFile(Row("F81001", "COMMAND SURGERY", "N1 9GU"), Row("F8100", "BAD", "N1 9GU"));

        var run = await CliHarness.RunAsync(database.Database, "import", "ods-practices", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("row 2: ODS code 'F8100' is not a GP practice code (a letter and 5 digits, or 3 letters and 3 digits in the Channel Islands)", run.Lines);
        Assert.Equal("read 2, written 1, rejected 1", run.Lines[^1]);
    }

    [Fact]
    public async Task ImportCommand_MissingFile_ExitsNonZeroWithMessage()
    {
        var before = await DatabaseCounts.TakeAsync(database.Database);

        var run = await CliHarness.RunAsync(database.Database, "import", "ods-practices", Path.Combine(folder, "absent.csv"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("does not exist", run.Output);
        Assert.Equal(before, await DatabaseCounts.TakeAsync(database.Database));
    }

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);

    /// <summary>One epraccur.csv line: 27 quoted fields, as ODS publishes them.</summary>
    private static string Row(string code, string name, string postcode, string status = "A")
    {
        var fields = Enumerable.Repeat("", OdsPractice.ColumnCount).ToArray();
        fields[0] = code;
        fields[1] = name;
        fields[3] = "Q74";
        fields[4] = "THE HEALTH CENTRE";
        fields[5] = "HIGH STREET";
        fields[6] = "LONDON";
        fields[9] = postcode;
        fields[12] = status;
        fields[14] = "00K";
        fields[17] = "020 7946 0000";
        return string.Join(',', fields.Select(f => $"\"{f}\""));
    }

    private string WriteFile(params string[] rows)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\r\n", rows) + "\r\n");
        return path;
    }

    /// <summary>Reports on the importer's own thread, unlike Progress&lt;T&gt;, so the test sees each report in order.</summary>
    private sealed class ImmediateProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
