namespace Commonweal.Insight.Giving;

/// <summary>
/// The date forms nearly every grant uses, read digit by digit: YYYY-MM-DD, an RFC 3339 date-time
/// (YYYY-MM-DDTHH:MM:SS, an optional fraction, then Z or ±HH:MM) and D/M/YYYY. Culture-aware
/// parsing costs microseconds a date, and a grant has several. Only text these forms fit exactly is
/// read here; anything else is left to the culture-aware parsing, which accepts every form read here
/// as the same day, so the answer never depends on which of the two read it.
/// </summary>
internal static class StrictDates
{
    /// <summary>YYYY-MM-DD, a day in the calendar.</summary>
    public static bool TryIsoDate(ReadOnlySpan<char> text, out DateOnly day)
    {
        day = default;
        return text.Length == 10 && text[4] == '-' && text[7] == '-'
            && TryDay(text[..4], text[5..7], text[8..10], out day);
    }

    /// <summary>An RFC 3339 date-time with an upper-case T and Z; the day as written, not shifted by the offset.</summary>
    public static bool TryDateTime(ReadOnlySpan<char> text, out DateOnly day)
    {
        day = default;
        if (text.Length < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryIsoDate(text[..10], out var date)
            || !TryNumber(text[11..13], out var hour) || hour > 23
            || !TryNumber(text[14..16], out var minute) || minute > 59
            || !TryNumber(text[17..19], out var second) || second > 59)
        {
            return false;
        }

        var rest = text[19..];
        if (rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            // One to seven digits: as many as a tick holds.
            if (digits is 1 or > 8)
            {
                return false;
            }

            rest = rest[digits..];
        }

        // The year is kept well inside what a date-time with an offset can hold, so any offset fits.
        var offsetFits = rest is "Z"
            || (rest.Length == 6 && rest[0] is '+' or '-' && rest[3] == ':'
                && TryNumber(rest[1..3], out var hours) && TryNumber(rest[4..6], out var minutes)
                && minutes <= 59 && hours * 60 + minutes <= 14 * 60);
        if (!offsetFits || date.Year is < 2 or > 9998)
        {
            return false;
        }

        day = date;
        return true;
    }

    /// <summary>D/M/YYYY or DD/MM/YYYY with nothing after it, a day in the calendar.</summary>
    public static bool TryUkDate(ReadOnlySpan<char> text, out DateOnly day)
    {
        day = default;
        var first = text.IndexOf('/');
        if (first is < 1 or > 2)
        {
            return false;
        }

        var second = text[(first + 1)..].IndexOf('/');
        if (second is < 1 or > 2 || text.Length - (first + 1 + second + 1) != 4)
        {
            return false;
        }

        return TryDay(text[^4..], text[(first + 1)..(first + 1 + second)], text[..first], out day);
    }

    private static bool TryDay(ReadOnlySpan<char> year, ReadOnlySpan<char> month, ReadOnlySpan<char> dayOfMonth, out DateOnly day)
    {
        day = default;
        if (!TryNumber(year, out var y) || !TryNumber(month, out var m) || !TryNumber(dayOfMonth, out var d)
            || y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        day = new DateOnly(y, m, d);
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return digits.Length > 0;
    }
}
