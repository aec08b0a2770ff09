using System.Globalization;
using Commonweal.Outcomes;
using Commonweal.Outcomes.Analysis;

namespace Commonweal.Web.Pages.Outcomes;

/// <summary>How the outcome pages show figures, and the rows of their CSV downloads.</summary>
public static class OutcomePages
{
    public const string Withheld = "Fewer than 10";

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Number(double? value) => value is { } v ? v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "–";

    public static string Interval(ChangeSummary c) => c.CiLow is { } low && c.CiHigh is { } high
        ? $"{low.ToString("0.00", CultureInfo.InvariantCulture)} to {high.ToString("0.00", CultureInfo.InvariantCulture)}"
        : "–";

    public static string Pounds(decimal? value) => value is { } v ? v.ToString("£#,##0.00", CultureInfo.GetCultureInfo("en-GB")) : "–";

    public static string Direction(Direction d) => d == Commonweal.Outcomes.Analysis.Direction.LowerIsBetter ? "lower is better" : "higher is better";

    public static string Csv(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    public static string Csv(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Csv(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    public static readonly string[] FiguresHeader =
        ["group", "scale", "n_referred", "n_baseline", "n_paired", "follow_up_rate", "mean_change", "ci_low", "ci_high", "share_improved", "share_deteriorated", "n_improved", "n_deteriorated"];

    public static IEnumerable<IReadOnlyList<string>> FiguresRows(string group, GroupFigures g) => g.Scales.Select(s => (IReadOnlyList<string>)
    [
        group, s.Scale, Csv(g.Counts.NReferred), Csv(g.Counts.NBaseline), Csv(g.Counts.NPaired), Csv(g.Counts.FollowUpRate),
        Csv(s.Change.MeanChange), Csv(s.Change.CiLow), Csv(s.Change.CiHigh), Csv(s.Change.ShareImproved), Csv(s.Change.ShareDeteriorated),
        Csv(s.Change.NImproved), Csv(s.Change.NDeteriorated),
    ]);
}
