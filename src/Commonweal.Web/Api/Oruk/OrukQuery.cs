using System.Globalization;
using Commonweal.Directory;

namespace Commonweal.Web.Api.Oruk;

/// <summary>
/// The ORUK query string read into a <see cref="ServiceQuery"/> and a page, or the first
/// parameter at fault with a message naming it.
/// </summary>
public sealed record OrukQuery(ServiceQuery Query, int Page, int PerPage)
{
    public const int DefaultPerPage = 50;

    private static readonly Dictionary<string, string> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MO"] = "MO", ["MONDAY"] = "MO", ["TU"] = "TU", ["TUESDAY"] = "TU", ["WE"] = "WE", ["WEDNESDAY"] = "WE",
        ["TH"] = "TH", ["THURSDAY"] = "TH", ["FR"] = "FR", ["FRIDAY"] = "FR", ["SA"] = "SA", ["SATURDAY"] = "SA",
        ["SU"] = "SU", ["SUNDAY"] = "SU",
    };

    public sealed record Fault(string Parameter, string Message);

    public static (OrukQuery? Query, Fault? Fault) Read(IQueryCollection q)
    {
        try
        {
            var (page, perPage) = ReadPage(q);
            var postcode = Text(q, "postcode");
            var proximity = Int(q, "proximity", 1, 1_000_000);
            if (proximity is not null && postcode is null)
            {
                throw new FaultException("proximity", "proximity needs a postcode to measure from");
            }

            if (postcode is not null && PostcodeLocator.NormaliseCode(postcode) is null)
            {
                throw new FaultException("postcode", $"'{postcode}' is not a UK postcode or outcode");
            }

            var query = new ServiceQuery
            {
                Text = Text(q, "text") ?? Text(q, "search"),
                TaxonomyTermIds = Ids(q, "taxonomy_term_id"),
                TaxonomyId = Ids(q, "taxonomy_id").FirstOrDefault() is { } taxonomy && taxonomy != Guid.Empty ? taxonomy : null,
                OrganisationId = Ids(q, "organization_id").FirstOrDefault() is { } organisation && organisation != Guid.Empty ? organisation : null,
                ModifiedAfter = ModifiedAfter(q),
                MinimumAge = Int(q, "minimum_age", 0, 150),
                MaximumAge = Int(q, "maximum_age", 0, 150),
                Day = Day(q),
                StartTime = Time(q, "start_time"),
                EndTime = Time(q, "end_time"),
                Postcode = postcode,
                ProximityMetres = proximity,
                Sort = postcode is not null && Text(q, "text") is null && Text(q, "search") is null ? ServiceSort.Distance : ServiceSort.Relevance,
            };
            return (new OrukQuery(query, page, perPage), null);
        }
        catch (FaultException fault)
        {
            return (null, new Fault(fault.Parameter, fault.Message));
        }
    }

    public static (int Page, int PerPage) ReadPage(IQueryCollection q) =>
        (Int(q, "page", 1, int.MaxValue) ?? 1, Int(q, "per_page", 1, ServiceSearch.MaxPerPage) ?? DefaultPerPage);

    /// <summary>Like <see cref="ReadPage"/>, but returns the fault instead of throwing.</summary>
    public static (int Page, int PerPage, Fault? Fault) TryReadPage(IQueryCollection q)
    {
        try
        {
            var (page, perPage) = ReadPage(q);
            return (page, perPage, null);
        }
        catch (FaultException fault)
        {
            return (0, 0, new Fault(fault.Parameter, fault.Message));
        }
    }

    private static string? Text(IQueryCollection q, string name) =>
        q.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    private static int? Int(IQueryCollection q, string name, int min, int max)
    {
        if (Text(q, name) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new FaultException(name, max == int.MaxValue
                ? $"{name} must be a whole number, {min} or more"
                : $"{name} must be a whole number from {min} to {max}");
        }

        return value;
    }

    private static List<Guid> Ids(IQueryCollection q, string name)
    {
        var ids = new List<Guid>();
        foreach (var part in (Text(q, name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Guid.TryParseExact(part, "D", out var id))
            {
                throw new FaultException(name, $"{name} must be a UUID such as 3f7b145d-84af-42d7-8fae-eaca714b02b2");
            }

            ids.Add(id);
        }

        return ids;
    }

    private static DateTime? ModifiedAfter(IQueryCollection q)
    {
        if (Text(q, "modified_after") is not { } text)
        {
            return null;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Utc)
            : throw new FaultException("modified_after", "modified_after must be a date and time such as 2026-01-31T09:00:00Z");
    }

    private static string? Day(IQueryCollection q)
    {
        if (Text(q, "day") is not { } text)
        {
            return null;
        }

        return DayNames.TryGetValue(text, out var day)
            ? day
            : throw new FaultException("day", "day must be a day of the week: MO, TU, WE, TH, FR, SA or SU (or its full name)");
    }

    private static TimeOnly? Time(IQueryCollection q, string name)
    {
        if (Text(q, name) is not { } text)
        {
            return null;
        }

        return TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FaultException(name, $"{name} must be a time of day such as 09:30");
    }

    private sealed class FaultException(string parameter, string message) : Exception(message)
    {
        public string Parameter { get; } = parameter;
    }
}
