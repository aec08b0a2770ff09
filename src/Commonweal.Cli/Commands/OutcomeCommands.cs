using System.CommandLine;
using System.Data.Common;
using Commonweal.Accounts;
using Commonweal.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Cli.Commands;

/// <summary>
/// `import instrument FILE`: adds an outcome questionnaire from its definition file; `outcomes summary
/// --need CODE-OR-ID`: the outcome figures for every service meeting a need, timed (the benchmark).
/// </summary>
public static class OutcomeCommands
{
    public static Command Create(CliDatabase database)
    {
        var need = new Option<string>("--need") { Description = "The need: a needs taxonomy code (mental-wellbeing) or a term id", Required = true };
        var instrument = new Option<string>("--instrument") { Description = "The instrument's id", DefaultValueFactory = _ => InstrumentCatalogue.Ons4 };
        var from = new Option<string?>("--from") { Description = "Referred from (yyyy-mm-dd); by default 12 months before --to" };
        var to = new Option<string?>("--to") { Description = "Referred to (yyyy-mm-dd); by default today" };
        var summary = new Command("summary", "Outcome figures per scale across the services meeting a need, with the time the analysis took, and the time to compare those services side by side") { need, instrument, from, to };
        summary.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = database.Console;
            await using var db = database.CreateContext();
            var code = parseResult.GetRequiredValue(need);
            var termId = Guid.TryParse(code, out var id) ? id : Directory.NeedsTaxonomy.TermId(code);
            var analysis = new OutcomeAnalysis(db);
            var definition = await new InstrumentCatalogue(db).FindAsync(parseResult.GetValue(instrument), cancellationToken);
            if (definition is null || !await db.TaxonomyTerms.AnyAsync(t => t.Id == termId, cancellationToken))
            {
                console.WritePlainLine(definition is null ? "No such instrument." : "No such need.");
                return 1;
            }

            static DateOnly? Day(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
            var end = Day(parseResult.GetValue(to)) ?? DateOnly.FromDateTime(db.Now);
            var start = Day(parseResult.GetValue(from)) ?? end.AddYears(-1).AddDays(1);
            // Timed apart: the summary (what the API and a service's page compute) and the comparison of
            // every service meeting the need (the commissioner's page).
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var report = await analysis.ReportAsync(definition, new OutcomeScope(OutcomeScopeKind.Need, termId), [termId], start, end, cancellationToken);
            var took = clock.Elapsed;
            clock.Restart();
            var services = await analysis.CompareServicesAsync(definition, termId, start, end, cancellationToken);
            var comparing = clock.Elapsed;
            var c = report.Figures.Counts;
            console.WritePlainLine($"{definition.Name}, referred {start:yyyy-MM-dd} to {end:yyyy-MM-dd}: {services.Services.Count:N0} services, {c.NReferred:N0} referred, {c.NBaseline:N0} with a baseline, {c.NPaired:N0} paired (follow-up rate {c.FollowUpRate:P1})");
            foreach (var s in report.Figures.Scales)
            {
                console.WritePlainLine($"  {s.Name}: mean change {s.Change.MeanChange:+0.000;-0.000} (95% CI {s.Change.CiLow:0.000} to {s.Change.CiHigh:0.000}), improved {s.Change.ShareImproved:P1}, deteriorated {s.Change.ShareDeteriorated:P1}");
            }

            console.WritePlainLine($"took {took.TotalMilliseconds:N0} ms");
            console.WritePlainLine($"services side by side took {comparing.TotalMilliseconds:N0} ms");
            return 0;
        });
        return new Command("outcomes", "Outcome analysis") { summary };
    }

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
