using System.Runtime.InteropServices;
using Commonweal.Data;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Directory.Search;

/// <summary>
/// Reads the directory from the database and builds a <see cref="ServiceIndex"/> of it. Every table is
/// streamed, and the services' text goes straight into the index, so that what is held while building
/// is little more than what the index keeps (250,000 services: about 100 MB kept).
/// </summary>
internal static class ServiceIndexBuilder
{
    public static async Task<ServiceIndex> BuildAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        // The version first: a change committed while the rest is read makes this index older than
        // the database at once, so it is replaced, never trusted with data it may not hold.
        var version = await DirectoryVersion.ReadAsync(db, cancellationToken);

        var terms = await db.TaxonomyTerms.AsNoTracking()
            .Select(t => new { t.Id, t.Name, t.ParentId, t.TaxonomyId }).ToDictionaryAsync(t => t.Id, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var termsOf = new ByService<Guid>();
        await foreach (var link in db.ServiceTaxonomyTerms.AsNoTracking().Select(l => new { l.ServiceId, l.TaxonomyTermId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            termsOf.Add(link.ServiceId, link.TaxonomyTermId);
        }

        // A place without coordinates of its own is placed at its outcode's centre, as the database search does.
        var outcodes = await db.PostcodeCentroids.AsNoTracking().Where(p => !p.Code.Contains(" "))
            .ToDictionaryAsync(p => p.Code, p => new GeoPoint(p.Latitude, p.Longitude), cancellationToken);
        var placesOf = new ByService<GeoPoint>();
        var places = from sal in db.ServiceAtLocations.AsNoTracking()
                     join l in db.Locations.AsNoTracking() on sal.LocationId equals l.Id
                     select new { sal.ServiceId, l.Latitude, l.Longitude, l.Outcode };
        await foreach (var place in places.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (place.Latitude is { } latitude && place.Longitude is { } longitude)
            {
                placesOf.Add(place.ServiceId, new GeoPoint(latitude, longitude));
            }
            else if (place.Outcode is not null && outcodes.TryGetValue(place.Outcode, out var centre))
            {
                placesOf.Add(place.ServiceId, centre);
            }
        }

        // A schedule counts for its service and for the service of the place it is set at, as in the database search.
        var openTimesOf = new ByService<OpenTime>();
        var schedules = from s in db.Schedules.AsNoTracking()
                        join sal in db.ServiceAtLocations.AsNoTracking() on s.ServiceAtLocationId equals sal.Id into at
                        from sal in at.DefaultIfEmpty()
                        select new { s.ServiceId, PlaceServiceId = sal == null ? (Guid?)null : sal.ServiceId, s.ByDay, s.OpensAt, s.ClosesAt };
        await foreach (var schedule in schedules.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var time = new OpenTime(schedule.ByDay, schedule.OpensAt, schedule.ClosesAt);
            if (schedule.ServiceId is { } own)
            {
                openTimesOf.Add(own, time);
            }

            if (schedule.PlaceServiceId is { } placed && placed != schedule.ServiceId)
            {
                openTimesOf.Add(placed, time);
            }
        }

        var entries = await EntriesByNameAsync(db, cancellationToken);
        var words = new WordAnalyzer();
        // On disk and read through memory maps: a RAMDirectory takes a lock on every buffer it reads, and
        // sixteen searches at once spent most of their time waiting on it. The files are removed as soon as
        // the reader has mapped them, so no process leaves an index behind.
        var folder = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "commonweal-search", Guid.NewGuid().ToString("N")));
        var store = new MMapDirectory(folder);
        var config = new IndexWriterConfig(WordAnalyzer.Version, words) { OpenMode = OpenMode.CREATE, Similarity = new BM25Similarity(), RAMBufferSizeMB = 16 };
        var services = new IndexedService?[entries.Count];
        using (var writer = new IndexWriter(store, config))
        {
            var document = new Document();
            var entryField = new NumericDocValuesField(ServiceIndex.EntryField, 0);
            var text = ServiceIndex.TextFields.Select(f => new TextField(f.Field, "", Field.Store.NO)).ToArray();
            var rows = db.Services.AsNoTracking()
                .Select(s => new
                {
                    s.Id, s.Name, s.AlternateName, s.Description, s.EligibilityDescription, s.OrganisationId,
                    s.Status, s.MinimumAge, s.MaximumAge, s.AcceptingReferrals,
                })
                .AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                // A service added since the names were read waits for the next version's index.
                if (!entries.TryGetValue(row.Id, out var entry))
                {
                    continue;
                }

                var ownTerms = termsOf.Of(row.Id).Select(id => terms[id]).ToList();
                var points = placesOf.Of(row.Id);
                services[entry] = new IndexedService(row.Id, row.OrganisationId, row.Status, row.MinimumAge, row.MaximumAge, row.AcceptingReferrals,
                    [.. ownTerms.Select(t => t.TaxonomyId).OfType<Guid>().Distinct()], points, openTimesOf.Of(row.Id));

                document.Fields.Clear();
                entryField.SetInt64Value(entry);
                document.Add(entryField);
                string?[] values = [row.Name, row.AlternateName, row.Description, row.EligibilityDescription,
                    organisations.GetValueOrDefault(row.OrganisationId), string.Join(' ', ownTerms.Select(t => t.Name))];
                for (var f = 0; f < text.Length; f++)
                {
                    text[f].SetStringValue(values[f] ?? "");
                    document.Add(text[f]);
                }

                foreach (var token in ownTerms.Select(t => SearchTokens.Term(t.Id)).Concat(points.SelectMany(SearchTokens.CellsOf)).Distinct())
                {
                    document.Add(new StringField(ServiceIndex.FiltersField, token, Field.Store.NO));
                }

                writer.AddDocument(document);
            }

            writer.Commit();
        }

        var childTerms = terms.Values.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value, t => t.Id);
        var reader = DirectoryReader.Open(store);
        folder.Delete(recursive: true);
        return new ServiceIndex(version, reader, words, services, childTerms, outcodes);
    }

    /// <summary>Entry numbers in the order searches break ties by: name (ordinal), then id.</summary>
    private static async Task<Dictionary<Guid, int>> EntriesByNameAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        var named = await db.Services.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        named.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : a.Id.CompareTo(b.Id));
        return named.Select((s, entry) => (s.Id, entry)).ToDictionary(x => x.Id, x => x.entry);
    }

    /// <summary>
    /// Values gathered per service, as one list sorted by service rather than a list for each of 250,000
    /// services: a fifth of the memory while the index is built.
    /// </summary>
    private sealed class ByService<T>
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
}
