using System.CommandLine;
using System.Data.Common;
using Commonweal.Insight;

namespace Commonweal.Cli.Commands;

/// <summary>`insight dependency --csv [--year YYYY]`: every organisation's dependency figures for a financial year.</summary>
public static class InsightCommands
{
    public static Command Create(CliDatabase database)
    {
        var csv = new Option<bool>("--csv") { Description = "Print CSV: a header row, then one row per organisation" };
        var year = new Option<int?>("--year") { Description = "The financial year, by the year it starts in (2025 for April 2025 to March 2026); default: the current one" };
        var dependency = new Command("dependency", "Income by funder for every organisation: largest single-funder share, HHI, equivalent funders and flags") { csv, year };
        dependency.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = database.Console;
            try
            {
                await database.MigrateAsync(cancellationToken);
                await using var db = database.CreateContext();
                var queries = new InsightQueries(db, TimeProvider.System);
                var wanted = parseResult.GetValue(year) ?? queries.CurrentYear;
                if (wanted is < 2000 or > 2100)
                {
                    console.WritePlainLine("--year must be a financial year from 2000 to 2100.");
                    return 1;
                }

                var clock = System.Diagnostics.Stopwatch.StartNew();
                var figures = await queries.DependencyForAllAsync(wanted, cancellationToken);
                var took = clock.Elapsed;
                var rows = figures.Select(f => InsightCsv.DependencyRow(f.OrganisationId, f.Name, f.Year, f.Figures));
                if (parseResult.GetValue(csv))
                {
                    var writer = new StringWriter();
                    InsightCsv.Write(writer, InsightCsv.DependencyHeader, rows);
                    console.Profile.Out.Writer.Write(writer.ToString());
                    return 0;
                }

                foreach (var f in figures)
                {
                    console.WritePlainLine($"{f.Name}: £{f.Figures.TotalIncome:N0}, largest share {f.Figures.LargestShare:P0} ({f.Figures.LargestFunder}), HHI {f.Figures.Hhi:0.00}{(f.Figures.Flagged ? " FLAGGED" : "")}");
                }

                console.WritePlainLine($"took {took.TotalSeconds:N2} s");
                console.WritePlainLine($"{figures.Count} organisations with income in {FinancialYears.Label(wanted)}; {figures.Count(f => f.Figures.Flagged)} flagged");
                return 0;
            }
            catch (DbException e)
            {
                console.WritePlainLine($"Insight failed: {e.Message}");
                return 1;
            }
        });

        var months = new Option<int>("--months") { Description = "6 or 12", DefaultValueFactory = _ => 12 };
        var cliffs = new Command("cliffs", "Organisations whose funding ends within 6 or 12 months, and those whose income falls by more than half within a year") { months };
        cliffs.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = database.Console;
            var within = parseResult.GetValue(months);
            if (within is not (6 or 12))
            {
                console.WritePlainLine("--months must be 6 or 12.");
                return 1;
            }

            await database.MigrateAsync(cancellationToken);
            await using var db = database.CreateContext();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            // Timed as a whole: the organisations' figures, their services and needs, and the totals by area and need.
            var report = await new InsightQueries(db, TimeProvider.System).CliffReportAsync(within, null, cancellationToken);
            var took = clock.Elapsed;
            var found = report.Organisations;
            decimal Ending(decimal six, decimal twelve) => within == 6 ? six : twelve;
            foreach (var c in found.Take(20))
            {
                console.WritePlainLine($"{c.Name} ({c.Area ?? "area not known"}): £{Ending(c.Figures.EndingWithin6Months, c.Figures.EndingWithin12Months):N0} a year ending{(c.Figures.FallsByMoreThanHalf ? ", income falls by more than half" : "")}");
            }

            foreach (var a in report.ByArea.Take(10))
            {
                console.WritePlainLine($"area {a.Area}{(a.Kind == AreaKind.CommissioningArea ? $" ({a.Commissioner})" : "")}: £{Ending(a.EndingWithin6Months, a.EndingWithin12Months):N0} a year ending, {a.Organisations.Count} organisations, {a.ServicesAtRisk.Count} services at risk");
            }

            foreach (var n in report.ByNeed.Take(10))
            {
                console.WritePlainLine($"need {n.Need}: £{Ending(n.EndingWithin6Months, n.EndingWithin12Months):N0} a year ending, {n.Organisations.Count} organisations, {n.ServicesAtRisk.Count} services at risk");
            }

            console.WritePlainLine($"took {took.TotalSeconds:N2} s");
            console.WritePlainLine($"{found.Count} organisations with funding ending within {within} months; {found.Count(c => c.Figures.FallsByMoreThanHalf)} whose income falls by more than half");
            return 0;
        });

        return new Command("insight", "Funding insight: dependency on funders and funding cliffs") { dependency, cliffs };
    }
}
