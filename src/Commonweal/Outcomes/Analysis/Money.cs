using System.Globalization;

namespace Commonweal.Outcomes.Analysis;

/// <summary>Pounds and pence as the outcome statistics round and print them.</summary>
public static class Money
{
    /// <summary>Half a penny rounds away from zero (£0.005 becomes £0.01), as people round when they check by hand.</summary>
    public const MidpointRounding Rounding = MidpointRounding.AwayFromZero;

    private static readonly CultureInfo EnglishGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Rounds to whole pence, half a penny away from zero.</summary>
    public static decimal ToPence(decimal amount) => Math.Round(amount, 2, Rounding);

    /// <summary>"£1,234.50"; an amount that is not whole pence is rounded for printing only.</summary>
    public static string Format(decimal amount) => ToPence(amount).ToString("C2", EnglishGb);

    /// <summary>A percentage as written in the working: "30%", "62.5%", "33.33%".</summary>
    internal static string Percent(decimal percent) => percent.ToString("0.##", EnglishGb) + "%";

    /// <summary>A fraction (0 to 1) as a percentage: 0.63 becomes "63%".</summary>
    internal static string Fraction(decimal fraction) => Percent(fraction * 100);
}
