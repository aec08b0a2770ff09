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

                var figures = await queries.DependencyForAllAsync(wanted, cancellationToken);
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

                console.WritePlainLine($"{figures.Count} organisations with income in {FinancialYears.Label(wanted)}; {figures.Count(f => f.Figures.Flagged)} flagged");
                return 0;
            }
            catch (DbException e)
            {
                console.WritePlainLine($"Insight failed: {e.Message}");
                return 1;
            }
        });

        return new Command("insight", "Funding insight: dependency on funders") { dependency };
    }
}
