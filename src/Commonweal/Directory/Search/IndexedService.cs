namespace Commonweal.Directory.Search;

/// <summary>What the in-memory index keeps of a service to filter, place and order it.</summary>
internal sealed record IndexedService(
    Guid Id,
    Guid OrganisationId,
    ServiceStatus Status,
    int? MinimumAge,
    int? MaximumAge,
    bool AcceptingReferrals,
    Guid[] TaxonomyIds,
    GeoPoint[] Places,
    OpenTime[] OpenTimes)
{
    /// <summary>The same rule as the database search: the service's own schedules and those at its locations.</summary>
    public bool IsOpen(string? day, TimeOnly? opens, TimeOnly? closes) =>
        OpenTimes.Any(t =>
            (day is null || (t.ByDay is not null && t.ByDay.Contains(day, StringComparison.Ordinal)))
            && (opens is null || t.OpensAt <= opens)
            && (closes is null || t.ClosesAt >= closes));

    /// <summary>Metres to the nearest of its places, or null when it has none that can be placed.</summary>
    public double? DistanceFrom(GeoPoint origin) => Places.Length == 0 ? null : Places.Min(origin.MetresTo);
}

/// <summary>A schedule's day list and hours, as the open-on-day filter reads them.</summary>
internal readonly record struct OpenTime(string? ByDay, TimeOnly? OpensAt, TimeOnly? ClosesAt);
