using System.Runtime.InteropServices;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Directory.Search;

/// <summary>
/// What the index needs from around each service, read before the services themselves are streamed:
/// its terms, its organisation's name, where it is and when it is open. Each table is streamed, not
/// loaded whole.
/// </summary>
internal sealed class ServiceSurroundings
{
    public required Dictionary<Guid, IndexedTerm> Terms { get; init; }
    public required Dictionary<Guid, string> Organisations { get; init; }
    public required Dictionary<string, GeoPoint> Outcodes { get; init; }
    public ByService<Guid> TermIdsOf { get; } = new();
    public ByService<GeoPoint> PlacesOf { get; } = new();
    public ByService<OpenTime> OpenTimesOf { get; } = new();

    public IEnumerable<IndexedTerm> TermsOf(Guid serviceId) => TermIdsOf.Of(serviceId).Select(id => Terms[id]);

    public static async Task<ServiceSurroundings> ReadAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        var around = new ServiceSurroundings
        {
            Terms = await db.TaxonomyTerms.AsNoTracking()
                .Select(t => new IndexedTerm(t.Id, t.Name, t.ParentId, t.TaxonomyId)).ToDictionaryAsync(t => t.Id, cancellationToken),
            Organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken),
            // A place without coordinates of its own is placed at its outcode's centre, as the database search does.
            Outcodes = await db.PostcodeCentroids.AsNoTracking().Where(p => !p.Code.Contains(" "))
                .ToDictionaryAsync(p => p.Code, p => new GeoPoint(p.Latitude, p.Longitude), cancellationToken),
        };

        await foreach (var link in db.ServiceTaxonomyTerms.AsNoTracking().Select(l => new { l.ServiceId, l.TaxonomyTermId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            around.TermIdsOf.Add(link.ServiceId, link.TaxonomyTermId);
        }

        var places = from sal in db.ServiceAtLocations.AsNoTracking()
                     join l in db.Locations.AsNoTracking() on sal.LocationId equals l.Id
                     select new { sal.ServiceId, l.Latitude, l.Longitude, l.Outcode };
        await foreach (var place in places.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (place.Latitude is { } latitude && place.Longitude is { } longitude)
            {
                around.PlacesOf.Add(place.ServiceId, new GeoPoint(latitude, longitude));
            }
            else if (place.Outcode is not null && around.Outcodes.TryGetValue(place.Outcode, out var centre))
            {
                around.PlacesOf.Add(place.ServiceId, centre);
            }
        }

        // A schedule counts for its service and for the service of the place it is set at, as in the database search.
        var schedules = from s in db.Schedules.AsNoTracking()
                        join sal in db.ServiceAtLocations.AsNoTracking() on s.ServiceAtLocationId equals sal.Id into at
                        from sal in at.DefaultIfEmpty()
                        select new { s.ServiceId, PlaceServiceId = sal == null ? (Guid?)null : sal.ServiceId, s.ByDay, s.OpensAt, s.ClosesAt };
        await foreach (var schedule in schedules.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var time = new OpenTime(schedule.ByDay, schedule.OpensAt, schedule.ClosesAt);
            if (schedule.ServiceId is { } own)
            {
                around.OpenTimesOf.Add(own, time);
            }

            if (schedule.PlaceServiceId is { } placed && placed != schedule.ServiceId)
            {
                around.OpenTimesOf.Add(placed, time);
            }
        }

        return around;
    }
}

/// <summary>A taxonomy term as the index reads it: its words, its place in the tree and its taxonomy.</summary>
internal sealed record IndexedTerm(Guid Id, string Name, Guid? ParentId, Guid? TaxonomyId);

/// <summary>
/// Values gathered per service, as one list sorted by service rather than a list for each of 250,000
/// services: a fifth of the memory while the index is built.
/// </summary>
internal sealed class ByService<T>
{
    private readonly List<(Guid Service, T Value)> pairs = [];
    private Dictionary<Guid, Range>? ranges;

    public void Add(Guid serviceId, T value) => pairs.Add((serviceId, value));

    /// <summary>The service's values; none for a service that has none.</summary>
    public T[] Of(Guid serviceId)
    {
        ranges ??= Sorted();
        return ranges.TryGetValue(serviceId, out var range) ? [.. pairs[range].Select(p => p.Value)] : [];
    }

    private Dictionary<Guid, Range> Sorted()
    {
        CollectionsMarshal.AsSpan(pairs).Sort((a, b) => a.Service.CompareTo(b.Service));
        var found = new Dictionary<Guid, Range>();
        for (var start = 0; start < pairs.Count;)
        {
            var end = start + 1;
            while (end < pairs.Count && pairs[end].Service == pairs[start].Service)
            {
                end++;
            }

            found[pairs[start].Service] = start..end;
            start = end;
        }

        return found;
    }
}
