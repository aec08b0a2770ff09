using Commonweal.Procurement;

namespace Commonweal.Tests.Procurement;

/// <summary>Against the dates published at https://www.gov.uk/bank-holidays for England and Wales.</summary>
public sealed class BankHolidayTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static TheoryData<int, DateOnly[]> Published => new()
    {
        { 2025, [D(2025, 1, 1), D(2025, 4, 18), D(2025, 4, 21), D(2025, 5, 5), D(2025, 5, 26), D(2025, 8, 25), D(2025, 12, 25), D(2025, 12, 26)] },
        // Boxing Day is a Saturday: the substitute day is Monday 28 December.
        { 2026, [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25), D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28)] },
        // Christmas Day and Boxing Day at a weekend: substitutes on Monday 27 and Tuesday 28 December.
        { 2027, [D(2027, 1, 1), D(2027, 3, 26), D(2027, 3, 29), D(2027, 5, 3), D(2027, 5, 31), D(2027, 8, 30), D(2027, 12, 27), D(2027, 12, 28)] },
        // New Year's Day on a Saturday; Platinum Jubilee; state funeral; Christmas on a Sunday.
        { 2022, [D(2022, 1, 3), D(2022, 4, 15), D(2022, 4, 18), D(2022, 5, 2), D(2022, 6, 2), D(2022, 6, 3), D(2022, 8, 29), D(2022, 9, 19), D(2022, 12, 26), D(2022, 12, 27)] },
        // VE Day: the early May holiday moved to Friday 8 May.
        { 2020, [D(2020, 1, 1), D(2020, 4, 10), D(2020, 4, 13), D(2020, 5, 8), D(2020, 5, 25), D(2020, 8, 31), D(2020, 12, 25), D(2020, 12, 28)] },
        // The coronation, as well as the early May holiday.
        { 2023, [D(2023, 1, 2), D(2023, 4, 7), D(2023, 4, 10), D(2023, 5, 1), D(2023, 5, 8), D(2023, 5, 29), D(2023, 8, 28), D(2023, 12, 25), D(2023, 12, 26)] },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void For_Year_MatchesTheDatesPublishedOnGovUk(int year, DateOnly[] expected) =>
        Assert.Equal(expected, BankHolidays.For(year));

    [Fact]
    public void IsWorkingDay_IsFalseAtWeekendsAndOnBankHolidays()
    {
        Assert.False(BankHolidays.IsWorkingDay(D(2026, 12, 28))); // substitute Boxing Day
        Assert.False(BankHolidays.IsWorkingDay(D(2026, 12, 26))); // Saturday
        Assert.False(BankHolidays.IsWorkingDay(D(2020, 5, 8)));
        Assert.True(BankHolidays.IsWorkingDay(D(2020, 5, 4))); // the usual early May Monday, moved that year
        Assert.True(BankHolidays.IsWorkingDay(D(2026, 12, 24)));
    }

    [Fact]
    public void Standstill_InAnOrdinaryFortnight_EndsAtMidnightAfterTheEighthWorkingDay()
    {
        // Sent Monday 7 December 2026: Tuesday 8th is day 1, Thursday 17th is day 8.
        Assert.Equal(D(2026, 12, 17), Timetable.StandstillLastDay(D(2026, 12, 7)));
        Assert.Equal(new DateTime(2026, 12, 18, 0, 0, 0, DateTimeKind.Utc), Timetable.StandstillEndsAt(D(2026, 12, 7)));
    }

    [Fact]
    public void Standstill_OverChristmasAndNewYear_SkipsTheBankHolidays()
    {
        // Sent Friday 18 December 2026: 21–24 Dec are days 1–4; 25 and 28 Dec are holidays; 29–31 Dec are 5–7;
        // 1 January 2027 is a holiday; Monday 4 January is day 8.
        Assert.Equal(D(2027, 1, 4), Timetable.StandstillLastDay(D(2026, 12, 18)));
    }

    [Fact]
    public void Standstill_OverEaster_EndsAtMidnightBritishSummerTime()
    {
        // Sent Thursday 25 March 2027: Good Friday and Easter Monday are skipped; Thursday 8 April is day 8.
        Assert.Equal(D(2027, 4, 8), Timetable.StandstillLastDay(D(2027, 3, 25)));
        // Midnight in London on 9 April is 23:00 UTC on 8 April (BST).
        Assert.Equal(new DateTime(2027, 4, 8, 23, 0, 0, DateTimeKind.Utc), Timetable.StandstillEndsAt(D(2027, 3, 25)));
    }

    [Fact]
    public void EasterSunday_KnownYears()
    {
        Assert.Equal(D(2025, 4, 20), BankHolidays.EasterSunday(2025));
        Assert.Equal(D(2026, 4, 5), BankHolidays.EasterSunday(2026));
        Assert.Equal(D(2027, 3, 28), BankHolidays.EasterSunday(2027));
        Assert.Equal(D(2038, 4, 25), BankHolidays.EasterSunday(2038));
    }
}
