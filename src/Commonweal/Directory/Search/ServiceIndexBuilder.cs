using Commonweal.Data;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Directory.Search;

/// <summary>Reads the directory from the database and builds a <see cref="ServiceIndex"/> of it.</summary>
internal static class ServiceIndexBuilder
{
    public static async Task<ServiceIndex> BuildAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        // The version first: a change committed while the rest is read makes this index older than
        // the database at once, so it is replaced, never trusted with data it may not hold.
        var version = await DirectoryVersion.ReadAsync(db, cancellationToken);

        var terms = await db.TaxonomyTerms.AsNoTracking()
            .Select(t => new { t.Id, t.Name, t.ParentId, t.TaxonomyId }).ToDictionaryAsync(t => t.Id, cancellationToken);
        var termsOf = (await db.ServiceTaxonomyTerms.AsNoTracking().Select(l => new { l.ServiceId, l.TaxonomyTermId }).ToListAsync(cancellationToken))
            .ToLookup(l => l.ServiceId, l => terms[l.TaxonomyTermId]);
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        // A place without coordinates of its own is placed at its outcode's centre, as the database search does.
        var outcodes = await db.PostcodeCentroids.AsNoTracking().Where(p => !p.Code.Contains(" "))
            .ToDictionaryAsync(p => p.Code, p => new GeoPoint(p.Latitude, p.Longitude), cancellationToken);
        var places = await (
                from sal in db.ServiceAtLocations.AsNoTracking()
                join l in db.Locations.AsNoTracking() on sal.LocationId equals l.Id
                select new { sal.Id, sal.ServiceId, l.Latitude, l.Longitude, l.Outcode })
            .ToListAsync(cancellationToken);
        var placesOf = places
            .Select(p => (p.ServiceId, Point: p.Latitude is { } lat && p.Longitude is { } lon ? new GeoPoint(lat, lon)
                : p.Outcode is not null && outcodes.TryGetValue(p.Outcode, out var centre) ? centre : (GeoPoint?)null))
            .Where(p => p.Point is not null)
            .ToLookup(p => p.ServiceId, p => p.Point!.Value);
        var serviceOfPlace = places.ToDictionary(p => p.Id, p => (Guid?)p.ServiceId);
        // A schedule counts for its service and for the service of the place it is set at, as in the database search.
        var openTimesOf = (await db.Schedules.AsNoTracking()
                .Select(s => new { s.ServiceId, s.ServiceAtLocationId, s.ByDay, s.OpensAt, s.ClosesAt }).ToListAsync(cancellationToken))
            .SelectMany(s => new[] { s.ServiceId, s.ServiceAtLocationId is { } at ? serviceOfPlace.GetValueOrDefault(at) : null }
                .OfType<Guid>().Distinct().Select(owner => (Owner: owner, Time: new OpenTime(s.ByDay, s.OpensAt, s.ClosesAt))))
            .ToLookup(s => s.Owner, s => s.Time);

        // Only names and ids are held to number the entries; the services' text is then streamed into
        // the index, never all in memory at once.
        var entries = await EntriesByNameAsync(db, cancellationToken);

        var words = new WordAnalyzer();
        var store = new RAMDirectory();
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
                // A service added since its name was read waits for the next version's index.
                if (!entries.TryGetValue(row.Id, out var entry))
                {
                    continue;
                }

                var ownTerms = termsOf[row.Id].ToList();
                var points = placesOf[row.Id].ToArray();
                services[entry] = new IndexedService(row.Id, row.OrganisationId, row.Status, row.MinimumAge, row.MaximumAge, row.AcceptingReferrals,
                    [.. ownTerms.Select(t => t.TaxonomyId).OfType<Guid>().Distinct()], points, [.. openTimesOf[row.Id]]);

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
        return new ServiceIndex(version, DirectoryReader.Open(store), words, services, childTerms, outcodes);
    }

    /// <summary>Entry numbers in the order searches break ties by: name (ordinal), then id.</summary>
    private static async Task<Dictionary<Guid, int>> EntriesByNameAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        var named = await db.Services.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        named.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : a.Id.CompareTo(b.Id));
        return named.Select((s, entry) => (s.Id, entry)).ToDictionary(x => x.Id, x => x.entry);
    }
}
