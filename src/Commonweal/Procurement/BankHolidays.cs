namespace Commonweal.Procurement;

/// <summary>
/// Bank holidays in England and Wales, from the standing rules (Banking and Financial Dealings Act
/// 1971 and the royal proclamations that follow it each year) plus the one-off changes proclaimed
/// since 1995. A year's list can be checked against https://www.gov.uk/bank-holidays.
/// </summary>
public static class BankHolidays
{
    /// <summary>Days moved from their usual date: the usual date is not a holiday that year.</summary>
    private static readonly Dictionary<DateOnly, DateOnly> Moved = new()
    {
        // VE Day anniversaries: the early May holiday moved to Friday 8 May.
        [new DateOnly(1995, 5, 1)] = new DateOnly(1995, 5, 8),
        [new DateOnly(2020, 5, 4)] = new DateOnly(2020, 5, 8),
        // Jubilees: the spring holiday moved to make a long weekend.
        [new DateOnly(2002, 5, 27)] = new DateOnly(2002, 6, 4),
        [new DateOnly(2012, 5, 28)] = new DateOnly(2012, 6, 4),
        [new DateOnly(2022, 5, 30)] = new DateOnly(2022, 6, 2),
    };

    /// <summary>Extra days proclaimed once.</summary>
    private static readonly DateOnly[] Extra =
    [
        new(1999, 12, 31), // Millennium
        new(2002, 6, 3), // Golden Jubilee
        new(2011, 4, 29), // Royal wedding
        new(2012, 6, 5), // Diamond Jubilee
        new(2022, 6, 3), // Platinum Jubilee
        new(2022, 9, 19), // State funeral of Queen Elizabeth II
        new(2023, 5, 8), // Coronation of King Charles III
    ];

    public static IReadOnlyList<DateOnly> For(int year)
    {
        var days = new List<DateOnly>();
        var newYear = new DateOnly(year, 1, 1);
        days.Add(NextWeekday(newYear));

        var easter = EasterSunday(year);
        days.Add(easter.AddDays(-2));
        days.Add(easter.AddDays(1));

        days.Add(FirstMonday(year, 5));
        days.Add(LastMonday(year, 5));
        days.Add(LastMonday(year, 8));

        // Christmas and Boxing Day: a day at a weekend is replaced by the next weekday not already a holiday.
        var christmas = new DateOnly(year, 12, 25);
        var christmasObserved = NextWeekday(christmas);
        var boxing = NextWeekday(new DateOnly(year, 12, 26));
        if (boxing <= christmasObserved)
        {
            boxing = NextWeekday(christmasObserved.AddDays(1));
        }

        days.Add(christmasObserved);
        days.Add(boxing);

        for (var i = 0; i < days.Count; i++)
        {
            if (Moved.TryGetValue(days[i], out var moved))
            {
                days[i] = moved;
            }
        }

        days.AddRange(Extra.Where(d => d.Year == year));
        days.Sort();
        return days;
    }

    public static bool IsBankHoliday(DateOnly day) => For(day.Year).Contains(day);

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(day);

    /// <summary>The day that is <paramref name="count"/> working days after <paramref name="from"/> (not counting it).</summary>
    public static DateOnly AddWorkingDays(DateOnly from, int count)
    {
        var day = from;
        for (var counted = 0; counted < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly NextWeekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
