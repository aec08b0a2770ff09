using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using Commonweal.Directory.Hsds;
using Commonweal.Procurement.Ocds;
using Microsoft.Extensions.Configuration;

namespace Commonweal.Cli.Commands;

/// <summary>`export hsds FOLDER`: the directory as Open Referral HSDS 3.0 JSON and CSV; `export ocds FOLDER`: OCDS release and record packages.</summary>
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

        var ocdsFolder = new Argument<string>("folder") { Description = "The folder to write releases.json and records/OCID.json to" };
        var baseUrl = new Option<string?>("--base-url") { Description = "The site's public address, for the packages' uris (default: Commonweal:Ocds:BaseUrl, or http://localhost:5000)" };
        var ocds = new Command("ocds", "Export every published notice, award and contract as OCDS 1.1 release and record packages") { ocdsFolder, baseUrl };
        ocds.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = database.Console;
            var path = parseResult.GetRequiredValue(ocdsFolder);
            var options = database.Configuration.GetSection("Commonweal:Ocds").Get<OcdsOptions>() ?? new OcdsOptions();
            if (parseResult.GetValue(baseUrl) is { } url)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out _))
                {
                    console.WritePlainLine($"Export failed: --base-url '{url}' is not an absolute URL, such as https://commonweal.example.");
                    return 1;
                }

                options = options with { BaseUrl = url };
            }

            var clock = Stopwatch.StartNew();
            try
            {
                await database.MigrateAsync(cancellationToken);
                await using var db = database.CreateContext();
                var result = await new OcdsExport(db, options).ExportAsync(path, cancellationToken);
                console.WritePlainLine($"took {clock.Elapsed.TotalSeconds:N1} s");
                console.WritePlainLine($"exported {result.Releases} releases in {result.Records} records to {Path.GetFullPath(path)}");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException)
            {
                console.WritePlainLine($"Export failed: {e.Message}");
                return 1;
            }
        });

        return new Command("export", "Export data in published standards") { hsds, ocds, ReferralCommands.Export(database) };
    }
}
