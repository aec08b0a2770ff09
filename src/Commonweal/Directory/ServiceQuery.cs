namespace Commonweal.Directory;

public enum ServiceSort
{
    /// <summary>Best text match first; without text, by name.</summary>
    Relevance,
    Distance,
    Name,
}

/// <summary>
/// What someone is looking for in the directory. One query type serves the public search page,
/// the link-worker view and the Open Referral UK API, so that they always agree.
/// </summary>
public sealed record ServiceQuery
{
    /// <summary>Free text, matched with the full-text index (stemmed, ranked).</summary>
    public string? Text { get; init; }

    /// <summary>Services classified under any of these terms (or their descendants).</summary>
    public IReadOnlyList<Guid> TaxonomyTermIds { get; init; } = [];

    public Guid? TaxonomyId { get; init; }
    public Guid? OrganisationId { get; init; }

    /// <summary>A person's age: services whose age range includes it.</summary>
    public int? Age { get; init; }

    /// <summary>ORUK minimum_age: services whose minimum age is at least this.</summary>
    public int? MinimumAge { get; init; }

    /// <summary>ORUK maximum_age: services whose maximum age is at most this.</summary>
    public int? MaximumAge { get; init; }

    /// <summary>Open on this RFC 5545 day (MO…SU), optionally between these times.</summary>
    public string? Day { get; init; }

    public TimeOnly? StartTime { get; init; }
    public TimeOnly? EndTime { get; init; }

    /// <summary>A full postcode or an outcode; with <see cref="ProximityMetres"/>, limits by distance.</summary>
    public string? Postcode { get; init; }

    public int? ProximityMetres { get; init; }
    public bool? AcceptingReferrals { get; init; }
    public DateTime? ModifiedAfter { get; init; }

    /// <summary>By default only active services are found.</summary>
    public bool IncludeInactive { get; init; }

    public ServiceSort Sort { get; init; } = ServiceSort.Relevance;
}

/// <summary>A service found, with its distance from the searched postcode when one was given.</summary>
public sealed record ServiceHit(Guid ServiceId, double? DistanceMetres);

public sealed record ServiceSearchResult(IReadOnlyList<ServiceHit> Hits, int Total);
