using System.Text.RegularExpressions;
using Commonweal.Data;
using Commonweal.Directory.Search;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Directory;

/// <summary>
/// Finds services for a <see cref="ServiceQuery"/>. Filters are composed in SQL; free text goes
/// through the provider's full-text index (FTS5 on SQLite, tsvector on PostgreSQL) as a ranked
/// candidate set, and on SQLite the same index narrows by need and by map cell first; with a
/// postcode, only locations inside a bounding box of the proximity are read and the haversine
/// distance to each service's nearest location is worked out here.
/// Given the web server's <see cref="ServiceIndexes"/>, the same search is answered from memory
/// whenever the index is as new as the database; a search by modification time always goes to the
/// database, whose times move with every change to a service, searched or not.
/// </summary>
public sealed partial class ServiceSearch(CommonwealDbContext db, ServiceIndexes? indexes = null)
{
    public const int MaxPerPage = 200;

    /// <summary>A text match with its relevance: higher is better on both providers.</summary>
    // Classes with init properties rather than positional records: EF Core composes further
    // queries only over member-initialised projections.
    public sealed class TextMatch
    {
        public Guid ServiceId { get; init; }
        public double Rank { get; init; }
    }

    private sealed class Candidate
    {
        public Guid ServiceId { get; init; }
        public required string Name { get; init; }
        public double Rank { get; init; }
    }

    private sealed class PlacedCandidate
    {
        public Guid ServiceId { get; init; }
        public required string Name { get; init; }
        public double Rank { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
        public string? Outcode { get; init; }
    }

    /// <exception cref="UnknownPostcodeException">The postcode is neither a known postcode nor in a known outcode.</exception>
    public async Task<ServiceSearchResult> SearchAsync(ServiceQuery query, int page, int perPage, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perPage, MaxPerPage);
        return await RunAsync(query, (page - 1) * perPage, perPage, ct);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> matching services in the query's order, for listings of
    /// something else (service at locations) that must agree with the service search.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> MatchingServiceIdsAsync(ServiceQuery query, int limit, CancellationToken ct) =>
        (await RunAsync(query, 0, limit, ct)).Hits.Select(h => h.ServiceId).ToList();

    private async Task<ServiceSearchResult> RunAsync(ServiceQuery query, int skip, int take, CancellationToken ct)
    {
        var index = indexes is not null && query.ModifiedAfter is null ? await indexes.ForSearchAsync(db, ct) : null;
        GeoPoint? origin = null;
        if (!string.IsNullOrWhiteSpace(query.Postcode))
        {
            origin = index?.LocateOutcode(query.Postcode)
                ?? await PostcodeLocator.LocateAsync(db, query.Postcode, ct)
                ?? throw new UnknownPostcodeException(query.Postcode);
        }

        var words = TextTerms(query.Text);
        IReadOnlyList<string> CellsNear(int maxCells) =>
            origin is { } centre && query.ProximityMetres is { } metres ? SearchTokens.Cells(centre.BoxAround(metres), maxCells) : [];
        if (index is not null)
        {
            // The index takes a finer grid than a full-text query can name: fewer services to measure.
            return index.Search(query, words, index.WithDescendants(query.TaxonomyTermIds), CellsNear(ServiceIndex.MaxCells), origin, skip, take);
        }

        var cells = CellsNear(SearchTokens.MaxCellsInQuery);
        var termIds = query.TaxonomyTermIds.Count > 0 ? await WithDescendantsAsync(query.TaxonomyTermIds, ct) : [];
        var services = Filter(query, termIds);
        var indexed = words.Count > 0 || (db.Database.IsSqlite() && (termIds.Count > 0 || cells.Count > 0));
        var candidates = indexed
            ? services.Join(IndexMatches(words, termIds, cells), s => s.Id, m => m.ServiceId, (s, m) => new Candidate { ServiceId = s.Id, Name = s.Name, Rank = m.Rank })
            : services.Select(s => new Candidate { ServiceId = s.Id, Name = s.Name, Rank = 0 });

        if (origin is { } point)
        {
            return await SearchNearAsync(candidates, point, query, skip, take, ct);
        }

        var total = await candidates.CountAsync(ct);
        var ordered = query.Sort == ServiceSort.Relevance && words.Count > 0
            ? candidates.OrderByDescending(c => c.Rank).ThenBy(c => c.Name).ThenBy(c => c.ServiceId)
            : candidates.OrderBy(c => c.Name).ThenBy(c => c.ServiceId);
        var ids = await ordered.Skip(skip).Take(take).Select(c => c.ServiceId).ToListAsync(ct);
        return new ServiceSearchResult(ids.Select(id => new ServiceHit(id, null)).ToList(), total);
    }

    private async Task<ServiceSearchResult> SearchNearAsync(
        IQueryable<Candidate> candidates, GeoPoint origin, ServiceQuery query, int skip, int take, CancellationToken ct)
    {
        var placed =
            from c in candidates
            join sal in db.ServiceAtLocations on c.ServiceId equals sal.ServiceId into links
            from sal in links.DefaultIfEmpty()
            join l in db.Locations on sal.LocationId equals l.Id into places
            from l in places.DefaultIfEmpty()
            select new { c, l };

        // Outcode centres place locations that have no coordinates of their own.
        var outcodes = db.PostcodeCentroids.AsNoTracking().Where(p => !p.Code.Contains(" "));
        if (query.ProximityMetres is { } proximity)
        {
            // Index-friendly box first: coordinates inside it, or no coordinates but an outcode whose centre is inside it.
            var (minLat, maxLat, minLon, maxLon) = origin.BoxAround(proximity);
            outcodes = outcodes.Where(o => o.Latitude >= minLat && o.Latitude <= maxLat && o.Longitude >= minLon && o.Longitude <= maxLon);
            var outcodesInBox = await outcodes.Select(o => o.Code).ToListAsync(ct);
            placed = placed.Where(x =>
                (x.l.Latitude >= minLat && x.l.Latitude <= maxLat && x.l.Longitude >= minLon && x.l.Longitude <= maxLon)
                || (x.l.Latitude == null && outcodesInBox.Contains(x.l.Outcode!)));
        }

        var centres = await outcodes.ToDictionaryAsync(o => o.Code, o => new GeoPoint(o.Latitude, o.Longitude), ct);
        var rows = await placed
            .Select(x => new PlacedCandidate
            {
                ServiceId = x.c.ServiceId, Name = x.c.Name, Rank = x.c.Rank,
                Latitude = x.l.Latitude, Longitude = x.l.Longitude, Outcode = x.l.Outcode,
            })
            .ToListAsync(ct);
        var hits = rows.GroupBy(r => r.ServiceId)
            .Select(g =>
            {
                var nearest = g.Select(r => DistanceTo(origin, r, centres)).Where(d => d is not null).Min();
                var first = g.First();
                return (Hit: new ServiceHit(g.Key, nearest), first.Name, first.Rank);
            })
            .Where(h => query.ProximityMetres is null || h.Hit.DistanceMetres <= query.ProximityMetres)
            .ToList();

        IOrderedEnumerable<(ServiceHit Hit, string Name, double Rank)> ordered = query.Sort switch
        {
            ServiceSort.Relevance when !string.IsNullOrWhiteSpace(query.Text) =>
                hits.OrderByDescending(h => h.Rank).ThenBy(h => h.Hit.DistanceMetres ?? double.MaxValue),
            ServiceSort.Name => hits.OrderBy(h => h.Name, StringComparer.Ordinal),
            _ => hits.OrderBy(h => h.Hit.DistanceMetres ?? double.MaxValue),
        };
        var pageOfHits = ordered.ThenBy(h => h.Name, StringComparer.Ordinal).ThenBy(h => h.Hit.ServiceId)
            .Skip(skip).Take(take).Select(h => h.Hit).ToList();
        return new ServiceSearchResult(pageOfHits, hits.Count);
    }

    private static double? DistanceTo(GeoPoint origin, PlacedCandidate place, Dictionary<string, GeoPoint> outcodeCentres)
    {
        if (place.Latitude is { } lat && place.Longitude is { } lon)
        {
            return origin.MetresTo(new GeoPoint(lat, lon));
        }

        return place.Outcode is not null && outcodeCentres.TryGetValue(place.Outcode, out var centre) ? origin.MetresTo(centre) : null;
    }

    private IQueryable<Service> Filter(ServiceQuery query, List<Guid> termIds)
    {
        var services = db.Services.AsNoTracking();
        if (!query.IncludeInactive)
        {
            services = services.Where(s => s.Status == ServiceStatus.Active);
        }

        if (termIds.Count > 0)
        {
            services = services.Where(s => db.ServiceTaxonomyTerms.Any(t => t.ServiceId == s.Id && termIds.Contains(t.TaxonomyTermId)));
        }

        if (query.TaxonomyId is { } taxonomy)
        {
            services = services.Where(s => db.ServiceTaxonomyTerms.Any(t => t.ServiceId == s.Id && t.TaxonomyTerm!.TaxonomyId == taxonomy));
        }

        if (query.OrganisationId is { } organisation)
        {
            services = services.Where(s => s.OrganisationId == organisation);
        }

        if (query.Age is { } age)
        {
            services = services.Where(s => (s.MinimumAge == null || s.MinimumAge <= age) && (s.MaximumAge == null || s.MaximumAge >= age));
        }

        if (query.MinimumAge is { } minimum)
        {
            services = services.Where(s => s.MinimumAge >= minimum);
        }

        if (query.MaximumAge is { } maximum)
        {
            services = services.Where(s => s.MaximumAge <= maximum);
        }

        if (query.AcceptingReferrals is { } accepting)
        {
            services = services.Where(s => s.AcceptingReferrals == accepting);
        }

        if (query.ModifiedAfter is { } modified)
        {
            services = services.Where(s => s.LastModified >= modified);
        }

        if (!string.IsNullOrWhiteSpace(query.Day) || query.StartTime is not null || query.EndTime is not null)
        {
            var day = query.Day?.Trim().ToUpperInvariant();
            var opens = query.StartTime;
            var closes = query.EndTime;
            var open = db.Schedules.Where(sc =>
                (day == null || (sc.ByDay != null && sc.ByDay.Contains(day)))
                && (opens == null || sc.OpensAt <= opens)
                && (closes == null || sc.ClosesAt >= closes));
            services = services.Where(s =>
                open.Any(sc => sc.ServiceId == s.Id)
                || db.ServiceAtLocations.Any(sal => sal.ServiceId == s.Id && open.Any(sc => sc.ServiceAtLocationId == sal.Id)));
        }

        return services;
    }

    private async Task<List<Guid>> WithDescendantsAsync(IEnumerable<Guid> roots, CancellationToken ct)
    {
        var all = roots.ToHashSet();
        var frontier = all.ToList();
        while (frontier.Count > 0)
        {
            var parents = frontier;
            frontier = (await db.TaxonomyTerms.AsNoTracking()
                    .Where(t => t.ParentId != null && parents.Contains(t.ParentId.Value))
                    .Select(t => t.Id).ToListAsync(ct))
                .Where(all.Add).ToList();
        }

        return [.. all];
    }

    /// <summary>Words of the query, each matched as a stemmed term; every word must match.</summary>
    private static List<string> TextTerms(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Distinct().Take(12).ToList();

    // The one provider-specific piece: the full-text index and its rank, as (ServiceId, Rank).
    // On SQLite the index also holds need and map-cell tokens (SearchTokens), so that it narrows
    // by need and place too; on PostgreSQL those stay with the other filters.
    private IQueryable<TextMatch> IndexMatches(List<string> words, List<Guid> termIds, IReadOnlyList<string> cells)
    {
        if (db.Database.IsNpgsql())
        {
            var text = string.Join(' ', words);
            return db.Database.SqlQuery<TextMatch>($"""
                SELECT service_id AS "ServiceId", ts_rank(document, plainto_tsquery('english', {text}))::float8 AS "Rank"
                FROM service_search WHERE document @@ plainto_tsquery('english', {text})
                """);
        }

        var parts = words.Select(w => $"\"{w}\"").ToList();
        if (termIds.Count > 0)
        {
            parts.Add($"filters : ({string.Join(" OR ", termIds.Select(SearchTokens.Term))})");
        }

        if (cells.Count > 0)
        {
            parts.Add($"filters : ({string.Join(" OR ", cells)})");
        }

        var match = string.Join(" AND ", parts);
        // The index keeps no copy of the text (ContentlessSearchIndex): a match is known by its service's rowid.
        // bm25 is worked out for every row matched, so it is asked for only when there are words to rank by.
        return words.Count > 0
            ? db.Database.SqlQuery<TextMatch>($"""
                SELECT s.Id AS ServiceId, -bm25(services_fts, 0, 10.0, 5.0, 1.0, 1.0, 2.0, 5.0, 0) AS Rank
                FROM services_fts JOIN services s ON s.rowid = services_fts.rowid WHERE services_fts MATCH {match}
                """)
            : db.Database.SqlQuery<TextMatch>($"""
                SELECT s.Id AS ServiceId, 0.0 AS Rank
                FROM services_fts JOIN services s ON s.rowid = services_fts.rowid WHERE services_fts MATCH {match}
                """);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
