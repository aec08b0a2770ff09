using System.Globalization;
using CsvHelper;

namespace Commonweal.Insight;

/// <summary>Every insight table as CSV: a header row, then one row per line of the table.</summary>
public static class InsightCsv
{
    public static readonly string[] DependencyHeader =
        ["organisation_id", "organisation", "financial_year", "total_income_gbp", "funders", "largest_funder", "largest_share", "hhi", "equivalent_funders", "largest_share_over_half", "hhi_over_quarter"];

    public static void Write(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        foreach (var h in header)
        {
            csv.WriteField(h);
        }

        csv.EndRecord();
        foreach (var row in rows)
        {
            foreach (var field in row)
            {
                csv.WriteField(field);
            }

            csv.EndRecord();
        }

        csv.Flush();
    }

    public static string Number(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> DependencyRow(Guid id, string name, int year, DependencyFigures d) =>
    [
        id.ToString(), name, FinancialYears.Label(year), Number(d.TotalIncome), d.Funders.Count.ToString(CultureInfo.InvariantCulture),
        d.LargestFunder ?? "", Number(d.LargestShare), Number(d.Hhi), d.EquivalentFunders is { } e ? Number(e) : "",
        d.DependsOnOneFunder ? "yes" : "no", d.Concentrated ? "yes" : "no",
    ];
}
