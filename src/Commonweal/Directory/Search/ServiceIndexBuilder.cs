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

        var around = await ServiceSurroundings.ReadAsync(db, cancellationToken);
        var entries = await EntriesByNameAsync(db, cancellationToken);
        var words = new WordAnalyzer();
        // Written in memory, then copied into arrays that searches read without locks (ReadOnlyIndexFiles).
        // Plain files rather than compound ones, so that each is read straight from its array.
        using var written = new RAMDirectory();
        var config = new IndexWriterConfig(WordAnalyzer.Version, words)
        {
            OpenMode = OpenMode.CREATE, Similarity = new BM25Similarity(), RAMBufferSizeMB = 16, UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
        };
        var services = new IndexedService?[entries.Count];
        using (var writer = new IndexWriter(written, config))
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

                var ownTerms = around.TermsOf(row.Id).ToList();
                var points = around.PlacesOf.Of(row.Id);
                services[entry] = new IndexedService(row.Id, row.OrganisationId, row.Status, row.MinimumAge, row.MaximumAge, row.AcceptingReferrals,
                    [.. ownTerms.Select(t => t.TaxonomyId).OfType<Guid>().Distinct()], points, around.OpenTimesOf.Of(row.Id));

                document.Fields.Clear();
                entryField.SetInt64Value(entry);
                document.Add(entryField);
                string?[] values = [row.Name, row.AlternateName, row.Description, row.EligibilityDescription,
                    around.Organisations.GetValueOrDefault(row.OrganisationId), string.Join(' ', ownTerms.Select(t => t.Name))];
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

            // One segment: a search then looks each word up, and sets up its scorers and filters, once
            // rather than once per segment.
            writer.ForceMerge(1);
            writer.Commit();
        }

        var childTerms = around.Terms.Values.Where(t => t.ParentId is not null).ToLookup(t => t.ParentId!.Value, t => t.Id);
        var reader = DirectoryReader.Open(new ReadOnlyIndexFiles(written));
        return new ServiceIndex(version, reader, words, services, childTerms, around.Outcodes);
    }

    /// <summary>Entry numbers in the order searches break ties by: name (ordinal), then id.</summary>
    private static async Task<Dictionary<Guid, int>> EntriesByNameAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        var named = await db.Services.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        named.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : a.Id.CompareTo(b.Id));
        return named.Select((s, entry) => (s.Id, entry)).ToDictionary(x => x.Id, x => x.entry);
    }
}
