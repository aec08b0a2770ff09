using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using Commonweal.Data;
using Commonweal.Directory;
using Commonweal.Directory.Hsds;
using Commonweal.Importing;
using Commonweal.Insight.Giving;
using Commonweal.Organisations;
using Commonweal.Procurement.Ocds;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Cli.Commands;

/// <summary>
/// `import ods-practices FILE`: the NHS ODS list of GP practices; `import hsds FILE-OR-FOLDER`: Open
/// Referral directory data; `import postcodes FILE`: postcode and outcode centres; `import ocds
/// FILE-OR-FOLDER`: past procurements from Open Contracting data.
/// </summary>
public static class ImportCommands
{
    public static Command Create(CliDatabase database)
    {
        var file = new Argument<string>("file") { Description = "The ODS epraccur.csv file" };
        var odsPractices = new Command("ods-practices", "Import GP practices from the NHS ODS epraccur.csv file (no header, 27 columns)") { file };
        odsPractices.SetAction((parseResult, cancellationToken) => RunAsync(database, parseResult.GetRequiredValue(file),
            (db, path, progress) => new OdsPracticeImport(db).ImportAsync(path, progress, cancellationToken)));

        var source = new Argument<string>("path") { Description = "An HSDS JSON file, or a folder of JSON files and/or the HSDS CSV table set" };
        var hsds = new Command("hsds", "Import Open Referral HSDS 3.0 services, organizations, locations and taxonomies (JSON or CSV)") { source };
        hsds.SetAction((parseResult, cancellationToken) => RunAsync(database, parseResult.GetRequiredValue(source),
            (db, path, progress) => new HsdsImport(db).ImportAsync(path, progress, cancellationToken)));

        var centroids = new Argument<string>("file") { Description = "A CSV with postcode (or outcode), latitude and longitude columns" };
        var postcodes = new Command("postcodes", "Import postcode or outcode centres for distance searches (CSV with a header)") { centroids };
        postcodes.SetAction((parseResult, cancellationToken) => RunAsync(database, parseResult.GetRequiredValue(centroids),
            (db, path, progress) => new PostcodeImport(db).ImportAsync(path, progress, cancellationToken)));

        var releases = new Argument<string>("path") { Description = "An OCDS release package or record package (JSON), or a folder of them" };
        var ocds = new Command("ocds", "Import past procurements from OCDS 1.1 release and record packages (each file one transaction; re-importing writes nothing)") { releases };
        ocds.SetAction((parseResult, cancellationToken) => RunAsync(database, parseResult.GetRequiredValue(releases),
            (db, path, progress) => new OcdsImport(db).ImportAsync(path, progress, cancellationToken)));

        var grants = new Argument<string>("file") { Description = "A 360Giving JSON package or CSV file" };
        var giving = new Command("360giving", "Import grants from a 360Giving JSON package or CSV as funding records (one transaction: any rejected grant and nothing is written; re-importing writes only changes)") { grants };
        giving.SetAction((parseResult, cancellationToken) => RunAsync(database, parseResult.GetRequiredValue(grants),
            (db, path, progress) => new GrantImport(db).ImportAsync(path, progress, cancellationToken)));

        return new Command("import", "Import data from published files") { odsPractices, hsds, postcodes, ocds, giving, ReferralCommands.Import(database), OutcomeCommands.Import(database) };
    }

    /// <summary>
    /// Runs an importer under a progress bar, then lists each rejection and ends with the summary
    /// line. A failed import has written nothing (it is one transaction), so it says so and exits 1.
    /// </summary>
    private static async Task<int> RunAsync(CliDatabase database, string path,
        Func<CommonwealDbContext, string, IProgress<int>, Task<ImportReport>> import)
    {
        var console = database.Console;
        if (!File.Exists(path) && !System.IO.Directory.Exists(path))
        {
            console.WritePlainLine($"Import failed: file '{path}' does not exist. Nothing was written.");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        ImportReport report;
        try
        {
            // Importing into a new database is a first run like any other: bring the schema up to date.
            await database.MigrateAsync(CancellationToken.None);
            await using var db = database.CreateContext();
            report = await CliProgress.RunAsync(console, $"Importing {Path.GetFileName(path)}", 100, progress => import(db, path, progress));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or DbException or DbUpdateException)
        {
            console.WritePlainLine($"Import failed: {e.Message} Nothing was written.");
            return 1;
        }

        foreach (var rejection in report.Rejected)
        {
            console.WritePlainLine(rejection.ToString());
        }

        console.WritePlainLine($"took {clock.Elapsed.TotalSeconds:N2} s");
        console.WritePlainLine(report.SummaryLine);
        return 0;
    }
}
