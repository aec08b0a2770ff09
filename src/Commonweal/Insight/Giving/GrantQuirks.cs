using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Commonweal.Insight.Giving;

/// <summary>
/// What real 360Giving files do that the schema does not allow, put right before validation:
/// amounts written as text ("30000", "£30,000.00", " 1,250.5 ") become numbers, and dates written
/// DD/MM/YYYY (or D/M/YYYY, with an optional time after a space) are read as that day. Nothing else is forgiven.
/// </summary>
public static class GrantQuirks
{
    private static readonly string[] AmountProperties = ["amountAwarded", "amountAppliedFor", "amountDisbursed"];
    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm"];

    public static void Normalise(JObject grant)
    {
        foreach (var name in AmountProperties)
        {
            if (grant[name] is JValue { Type: JTokenType.String } text && ParseAmount((string)text!) is { } amount)
            {
                grant[name] = amount;
            }
        }

        Date(grant, "awardDate");
        Date(grant, "dateModified");
        foreach (var list in new[] { "plannedDates", "actualDates" })
        {
            if (grant[list] is JArray events)
            {
                foreach (var e in events.OfType<JObject>())
                {
                    Date(e, "startDate");
                    Date(e, "endDate");
                    if (e["duration"] is JValue { Type: JTokenType.String } d && ParseAmount((string)d!) is { } months)
                    {
                        e["duration"] = months;
                    }
                }
            }
        }
    }

    public static decimal? ParseAmount(string text)
    {
        var cleaned = text.Trim().Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>A date as the schema allows it (YYYY-MM-DD or a date-time) or as DD/MM/YYYY; the day it names.</summary>
    public static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp) && t.Contains('T', StringComparison.Ordinal))
        {
            // The day as the publisher wrote it, not shifted to UTC.
            return DateOnly.FromDateTime(stamp.DateTime);
        }

        return DateTime.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var uk) ? DateOnly.FromDateTime(uk) : null;
    }

    private static void Date(JObject node, string name)
    {
        // Written back as a full date-time: NJsonSchema's date-time check also passes a bare
        // YYYY-MM-DD, which would then match both of the schema's "one of" forms and fail.
        if (node[name] is JValue { Type: JTokenType.String } value && ParseDate((string)value!) is { } day)
        {
            node[name] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
        }
    }
}
