using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using Commonweal.Directory.Hsds;

namespace Commonweal.Cli.Commands;

/// <summary>`export hsds FOLDER`: the directory as Open Referral HSDS 3.0 JSON and CSV.</summary>
public static class ExportCommands
{
    public static Command Create(CliDatabase database)
    {
        var folder = new Argument<string>("folder") { Description = "The folder to write services.json, organizations.json… and the CSV table set to" };
        var hsds = new Command("hsds", "Export services, organizations and taxonomies as HSDS 3.0 JSON and CSV") { folder };
        hsds.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = database.Console;
            var path = parseResult.GetRequiredValue(folder);
            var clock = Stopwatch.StartNew();
            try
            {
                await database.MigrateAsync(cancellationToken);
                await using var db = database.CreateContext();
                var services = await new HsdsExport(db).ExportAsync(path, cancellationToken);
                console.WritePlainLine($"took {clock.Elapsed.TotalSeconds:N1} s");
                console.WritePlainLine($"exported {services} services to {Path.GetFullPath(path)}");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException)
            {
                console.WritePlainLine($"Export failed: {e.Message}");
                return 1;
            }
        });

        return new Command("export", "Export data in published standards") { hsds };
    }
}
