using Commonweal.Data;

namespace Commonweal.Directory;

/// <summary>
/// When a service (or a service at one location) is open, in the HSDS RRULE style: a frequency,
/// the days (BYDAY "MO,WE"), and opening and closing times. Enough to answer "open on Tuesday
/// between 10:00 and 12:00?"; the rest of the publisher's rule stays in <see cref="Extra"/>.
/// </summary>
public sealed class Schedule
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid? ServiceId { get; set; }
    public Guid? ServiceAtLocationId { get; set; }

    /// <summary>WEEKLY or MONTHLY (HSDS freq).</summary>
    public string? Freq { get; set; }

    /// <summary>Comma-separated RFC 5545 days: MO,TU,WE,TH,FR,SA,SU.</summary>
    public string? ByDay { get; set; }

    public TimeOnly? OpensAt { get; set; }
    public TimeOnly? ClosesAt { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Description { get; set; }
    public string Extra { get; set; } = "{}";

    public static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
}
