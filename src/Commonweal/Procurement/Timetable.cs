namespace Commonweal.Procurement;

/// <summary>
/// The procurement timetable's arithmetic in UK time: deadlines are kept as UTC instants, days
/// are days in London, and the standstill counts working days in England and Wales.
/// </summary>
public static class Timetable
{
    /// <summary>The Provider Selection Regime's standstill period, in working days.</summary>
    public const int StandstillWorkingDays = 8;

    /// <summary>Deadlines entered as a day only close at noon, UK time.</summary>
    public static readonly TimeOnly DefaultDeadlineTime = new(12, 0);

    public static TimeZoneInfo UkZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly UkDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkZone));

    public static DateTime UkLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkZone);

    public static DateTime ToUtc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), UkZone);

    /// <summary>
    /// The last day of a standstill that begins the day after the intention to award is sent:
    /// the 8th working day after it.
    /// </summary>
    public static DateOnly StandstillLastDay(DateOnly noticeSent) => BankHolidays.AddWorkingDays(noticeSent, StandstillWorkingDays);

    /// <summary>The standstill ends at midnight (UK time) at the end of its last day.</summary>
    public static DateTime StandstillEndsAt(DateOnly noticeSent) => ToUtc(StandstillLastDay(noticeSent).AddDays(1), TimeOnly.MinValue);

    /// <summary>Days from publication to the submission deadline (UK days).</summary>
    public static int ResponseWindowDays(Opportunity o) => UkDate(o.SubmissionDeadline).DayNumber - o.PublicationDate.DayNumber;

    /// <summary>From the explicit mobilisation start, else from publication, to the contract start.</summary>
    public static DateOnly MobilisationFrom(Opportunity o) => o.MobilisationStart ?? o.PublicationDate;

    /// <summary>When the standstill would end if the intention to award were sent on the day evaluation ends.</summary>
    public static DateOnly PlannedStandstillLastDay(Opportunity o) => StandstillLastDay(o.EvaluationEnd);
}
