using System.Globalization;
using System.Text.Json;

namespace Commonweal.Insight.Giving;

/// <summary>
/// What real 360Giving files do that the schema does not allow, put right before validation:
/// amounts written as text ("30000", "£30,000.00", " 1,250.5 ") become numbers, and dates written
/// DD/MM/YYYY (or D/M/YYYY, with an optional time after a space) are read as that day. Nothing else is forgiven.
/// </summary>
public static class GrantQuirks
{
    internal static readonly string[] AmountProperties = ["amountAwarded", "amountAppliedFor", "amountDisbursed"];
    internal static readonly string[] GrantDates = ["awardDate", "dateModified"];
    internal static readonly string[] EventLists = ["plannedDates", "actualDates"];
    internal static readonly string[] EventDates = ["startDate", "endDate"];
    internal const string Duration = "duration";
    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm"];

    /// <summary>What needs putting right in a grant, laid over it for the checks to read; null when nothing does.</summary>
    public static GrantCorrection? Corrections(JsonElement grant)
    {
        GrantCorrection? corrections = null;
        if (grant.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in AmountProperties)
        {
            if (grant.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String && ParseAmount(text.GetString()!) is { } amount)
            {
                (corrections ??= new()).Replace(name, Number(amount));
            }
        }

        foreach (var name in GrantDates)
        {
            Date(grant, name, ref corrections, null, 0);
        }

        foreach (var list in EventLists)
        {
            if (grant.TryGetProperty(list, out var events) && events.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var e in events.EnumerateArray())
                {
                    if (e.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var name in EventDates)
                        {
                            Date(e, name, ref corrections, list, index);
                        }

                        if (e.TryGetProperty(Duration, out var d) && d.ValueKind == JsonValueKind.String && ParseAmount(d.GetString()!) is { } months)
                        {
                            (corrections ??= new()).InItem(list, index).Replace(Duration, Number(months));
                        }
                    }

                    index++;
                }
            }
        }

        return corrections;
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

        // Each form is tried only on text that could be it (ten characters; a "T"; a "/"): a failed parse costs more than the look.
        var t = text.Trim();
        if (StrictDates.TryIsoDate(t, out var day) || StrictDates.TryDateTime(t, out day) || StrictDates.TryUkDate(t, out day))
        {
            return day;
        }

        if (t.Length == 10 && DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        if (t.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp))
        {
            // The day as the publisher wrote it, not shifted to UTC.
            return DateOnly.FromDateTime(stamp.DateTime);
        }

        return t.Contains('/', StringComparison.Ordinal) && DateTime.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var uk)
            ? DateOnly.FromDateTime(uk)
            : null;
    }

    /// <summary>A date the grant's <paramref name="list"/> item (or the grant itself) holds, corrected when it is one <see cref="ParseDate"/> reads.</summary>
    private static void Date(JsonElement node, string name, ref GrantCorrection? corrections, string? list, int index)
    {
        if (node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && ParseDate(value.GetString()) is { } day)
        {
            corrections ??= new();
            (list is null ? corrections : corrections.InItem(list, index)).Replace(name, Text(DateTimeText(day)));
        }
    }

    /// <summary>
    /// A corrected date, written as a full date-time: the schema's date-time check also passes a bare
    /// YYYY-MM-DD, which would then match both of the schema's "one of" forms and fail.
    /// </summary>
    internal static string DateTimeText(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static JsonElement Number(decimal value) => JsonElement.Parse(value.ToString(CultureInfo.InvariantCulture));

    private static JsonElement Text(string value) => JsonElement.Parse($"\"{value}\"");
}
