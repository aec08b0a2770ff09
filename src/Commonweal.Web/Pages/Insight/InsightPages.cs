using System.Globalization;
using System.Text;
using Commonweal.Insight;
using Microsoft.AspNetCore.Mvc;

namespace Commonweal.Web.Pages.Insight;

/// <summary>What the insight pages share: money and share formatting, and tables as CSV downloads.</summary>
public static class InsightPages
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Pounds(decimal value) => value.ToString("£#,##0", British);

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static FileContentResult Csv(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var writer = new StringWriter();
        InsightCsv.Write(writer, header, rows);
        return new FileContentResult(Encoding.UTF8.GetBytes(writer.ToString()), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }
}
