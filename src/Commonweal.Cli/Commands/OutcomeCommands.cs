using System.CommandLine;
using System.Data.Common;
using Commonweal.Accounts;
using Commonweal.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Cli.Commands;

/// <summary>`import instrument FILE`: adds an outcome questionnaire from its definition file.</summary>
public static class OutcomeCommands
{
    public static Command Import(CliDatabase database)
    {
        var file = new Argument<string>("file") { Description = "An instrument definition file (JSON; see the README's instrument definition format)" };
        var command = new Command("instrument", "Add an outcome questionnaire from its definition file; every fault is printed with its JSON path and nothing is added") { file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = database.Console;
            var path = parseResult.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                console.WritePlainLine($"Import failed: file '{path}' does not exist. Nothing was written.");
                return 1;
            }

            try
            {
                var json = await File.ReadAllTextAsync(path, cancellationToken);
                await database.MigrateAsync(cancellationToken);
                await using var db = database.CreateContext();
                var operatorViewer = new Viewer(null, CliDatabase.Operator.Name, false, []);
                var added = await new InstrumentCatalogue(db).AddAsync(json, operatorViewer, cancellationToken);
                if (!added.IsValid)
                {
                    foreach (var error in added.Errors)
                    {
                        console.WritePlainLine($"{path} {error.Path}: {error.Message}");
                    }

                    console.WritePlainLine($"Import failed: {added.Errors.Count} fault(s) in the definition. Nothing was written.");
                    return 1;
                }

                var d = added.Definition!;
                console.WritePlainLine($"Added {d.Name} ({d.Id}, version {d.Version}): {d.Items.Count} items, {d.Scales.Count} scale(s).");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException or DbUpdateException)
            {
                console.WritePlainLine($"Import failed: {e.Message} Nothing was written.");
                return 1;
            }
        });
        return command;
    }
}
