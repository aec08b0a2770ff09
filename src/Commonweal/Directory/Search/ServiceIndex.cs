using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Commonweal.Directory.Search;

/// <summary>
/// The whole directory held in memory as one version of the database saw it: a Lucene index of each
/// service's words (ranked by BM25, with the database index's column weights), its taxonomy terms and
/// its map cells, beside what the other filters and the distance need. A search here reads nothing
/// from the database; <see cref="ServiceIndexes"/> decides when this version may answer.
/// </summary>
public sealed class ServiceIndex
{
    /// <summary>Map cells a search may name: one query's cost grows slowly with them, the services to measure fall fast.</summary>
    public const int MaxCells = 144;

    /// <summary>Sets of terms whose filters are kept: far more than any directory's needs.</summary>
    private const int MaxTermFilters = 1_000;

    internal const string EntryField = "entry";
    internal const string FiltersField = "filters";

    /// <summary>Text fields and their weights: the same as the SQLite index's bm25 column weights.</summary>
    internal static readonly (string Field, float Weight)[] TextFields =
        [("name", 10), ("alternate_name", 5), ("description", 1), ("eligibility", 1), ("organisation", 2), ("terms", 5)];

    private readonly IndexSearcher searcher;
    private readonly WordAnalyzer words;

    /// <summary>Services by entry number, which is their order by name (ordinal), then id.</summary>
    private readonly IndexedService?[] services;

    private readonly ILookup<Guid, Guid> childTerms;
    private readonly ConcurrentDictionary<string, Filter> termFilters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GeoPoint> outcodes;

    internal ServiceIndex(
        long version, IndexReader reader, WordAnalyzer words, IndexedService?[] services, ILookup<Guid, Guid> childTerms, Dictionary<string, GeoPoint> outcodes)
    {
        this.outcodes = outcodes;
        Version = version;
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        this.words = words;
        this.services = services;
        this.childTerms = childTerms;
    }

    /// <summary>The directory version (see <see cref="DirectoryVersion"/>) read before the data was.</summary>
    public long Version { get; }

    public int Count => services.Length;

    /// <summary>
    /// The centre of an outcode searched by itself (E3), or null for anything else: a full postcode is
    /// looked up in the database, whose table of full postcodes is not held here.
    /// </summary>
    public GeoPoint? LocateOutcode(string postcode) =>
        PostcodeLocator.NormaliseOutcode(postcode) is { } outcode && outcodes.TryGetValue(outcode, out var centre) ? centre : null;

    /// <summary>The terms and every term below them.</summary>
    public IReadOnlyList<Guid> WithDescendants(IEnumerable<Guid> roots)
    {
        var all = new HashSet<Guid>(roots);
        var frontier = new Stack<Guid>(all);
        while (frontier.TryPop(out var term))
        {
            foreach (var child in childTerms[term].Where(all.Add))
            {
                frontier.Push(child);
            }
        }

        return [.. all];
    }

    /// <summary>
    /// The same search as the database's, over this version of the directory: <paramref name="textWords"/>
    /// are the query's words as <see cref="ServiceSearch"/> splits them, <paramref name="termIds"/> its terms
    /// with their descendants, <paramref name="cells"/> the map cells covering its proximity box (or none).
    /// </summary>
    internal ServiceSearchResult Search(
        ServiceQuery query, IReadOnlyList<string> textWords, IReadOnlyCollection<Guid> termIds, IReadOnlyList<string> cells,
        GeoPoint? origin, int skip, int take)
    {
        var stems = textWords.SelectMany(words.Stems).Distinct().ToList();
        var found = Candidates(stems, termIds, cells)
            .Where(c => Passes(services[c.Entry]!, query))
            .Select(c => (c.Entry, c.Score, Distance: origin is { } point ? services[c.Entry]!.DistanceFrom(point) : null))
            .Where(c => query.ProximityMetres is null || c.Distance <= query.ProximityMetres)
            .ToList();

        var byRelevance = query.Sort == ServiceSort.Relevance && stems.Count > 0;
        Comparison<(int Entry, float Score, double? Distance)> order = origin is null
            ? byRelevance ? (a, b) => b.Score.CompareTo(a.Score) : (_, _) => 0
            : query.Sort switch
            {
                ServiceSort.Relevance when byRelevance => (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : Nearer(a.Distance, b.Distance),
                ServiceSort.Name => (_, _) => 0,
                _ => (a, b) => Nearer(a.Distance, b.Distance),
            };
        // Entry numbers follow name, then id: the database search's last two orderings.
        found.Sort((a, b) => order(a, b) is var first and not 0 ? first : a.Entry.CompareTo(b.Entry));
        var hits = found.Skip(skip).Take(take).Select(c => new ServiceHit(services[c.Entry]!.Id, c.Distance)).ToList();
        return new ServiceSearchResult(hits, found.Count);
    }

    /// <summary>Services without a place come after every placed one.</summary>
    private static int Nearer(double? a, double? b) => (a ?? double.MaxValue).CompareTo(b ?? double.MaxValue);

    private static bool Passes(IndexedService service, ServiceQuery query) =>
        (query.IncludeInactive || service.Status == ServiceStatus.Active)
        && (query.TaxonomyId is not { } taxonomy || service.TaxonomyIds.Contains(taxonomy))
        && (query.OrganisationId is not { } organisation || service.OrganisationId == organisation)
        && (query.Age is not { } age || ((service.MinimumAge is null || service.MinimumAge <= age) && (service.MaximumAge is null || service.MaximumAge >= age)))
        && (query.MinimumAge is not { } minimum || service.MinimumAge >= minimum)
        && (query.MaximumAge is not { } maximum || service.MaximumAge <= maximum)
        && (query.AcceptingReferrals is not { } accepting || service.AcceptingReferrals == accepting)
        && ((string.IsNullOrWhiteSpace(query.Day) && query.StartTime is null && query.EndTime is null)
            || service.IsOpen(query.Day?.Trim().ToUpperInvariant(), query.StartTime, query.EndTime));

    /// <summary>Entries whose words, terms and cells match, with their text score; every entry when nothing narrows.</summary>
    private List<(int Entry, float Score)> Candidates(List<string> stems, IReadOnlyCollection<Guid> termIds, IReadOnlyList<string> cells)
    {
        if (stems.Count == 0 && termIds.Count == 0 && cells.Count == 0)
        {
            // A service removed while the index was read has no entry; the index is out of date by then anyway.
            return [.. Enumerable.Range(0, services.Length).Where(entry => services[entry] is not null).Select(entry => (entry, 0f))];
        }

        var words = new BooleanQuery();
        foreach (var stem in stems)
        {
            var anyField = new BooleanQuery();
            foreach (var (field, weight) in TextFields)
            {
                anyField.Add(new TermQuery(new Term(field, stem)) { Boost = weight }, Occur.SHOULD);
            }

            words.Add(anyField, Occur.MUST);
        }

        // Terms and places only narrow, so they are filters: sets of services found from their postings at
        // once, which the words are then matched within, rather than queries stepped through beside them.
        var narrow = new BooleanFilter();
        if (termIds.Count > 0)
        {
            narrow.Add(TermFilter(termIds), Occur.MUST);
        }

        if (cells.Count > 0)
        {
            narrow.Add(new TermsFilter([.. cells.Select(cell => new Term(FiltersField, cell))]), Occur.MUST);
        }

        Query query = stems.Count > 0 ? words : new MatchAllDocsQuery();
        var collector = new EntryCollector();
        searcher.Search(narrow.Any() ? new FilteredQuery(query, narrow) : query, collector);
        return collector.Found;
    }

    /// <summary>
    /// The services under any of the terms, kept for the life of this index: a directory's searches ask for
    /// its few needs again and again.
    /// </summary>
    private Filter TermFilter(IReadOnlyCollection<Guid> termIds)
    {
        var key = string.Join(',', termIds.Order());
        if (termFilters.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var filter = new CachingWrapperFilter(new TermsFilter([.. termIds.Select(id => new Term(FiltersField, SearchTokens.Term(id)))]));
        return termFilters.Count < MaxTermFilters ? termFilters.GetOrAdd(key, filter) : filter;
    }

    /// <summary>Every match, not only the best few: the filters, distances and orderings come after.</summary>
    private sealed class EntryCollector : ICollector
    {
        private Scorer? scorer;
        private NumericDocValues? entries;

        public List<(int Entry, float Score)> Found { get; } = [];

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer) => this.scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => entries = context.AtomicReader.GetNumericDocValues(EntryField);

        public void Collect(int doc) => Found.Add(((int)entries!.Get(doc), scorer!.GetScore()));
    }
}
