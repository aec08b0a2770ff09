namespace Commonweal.Directory;

/// <summary>
/// The filter tokens of the SQLite search index (migration DirectorySearchFilters), which let one
/// full-text query narrow a search by need and place as cheaply as by a word: a token per linked
/// taxonomy term, and per map cell of each location in four grids of roughly square cells about
/// 1.1, 4.5, 18 and 71 km tall. A search box is covered with the finest grid that needs few cells.
/// Cells only narrow; the exact distance is still worked out for each service found.
/// </summary>
public static class SearchTokens
{
    /// <summary>Cell heights in degrees of latitude, finest first. The migration's SQL uses the same values.</summary>
    private static readonly double[] Sizes = [0.01, 0.04, 0.16, 0.64];

    /// <summary>Cells are this many times wider in longitude, which makes them about square across Britain.</summary>
    private const double LongitudeStretch = 1.6;

    /// <summary>Cells one SQLite full-text query names at most: each is a term of the MATCH expression.</summary>
    public const int MaxCellsInQuery = 36;

    /// <summary>The index tokens of the cells covering the box, or none when even the coarsest grid would need too many.</summary>
    public static IReadOnlyList<string> Cells(
        (double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude) box, int maxCells = MaxCellsInQuery)
    {
        for (var level = 0; level < Sizes.Length; level++)
        {
            var (rows, columns) = (Span(box.MinLatitude + 90, box.MaxLatitude + 90, Sizes[level]),
                Span(box.MinLongitude + 180, box.MaxLongitude + 180, Sizes[level] * LongitudeStretch));
            if ((rows.Last - rows.First + 1) * (columns.Last - columns.First + 1) > maxCells)
            {
                continue;
            }

            var cells = new List<string>();
            for (var row = rows.First; row <= rows.Last; row++)
            {
                for (var column = columns.First; column <= columns.Last; column++)
                {
                    cells.Add($"g{level}x{row}y{column}");
                }
            }

            return cells;
        }

        return [];
    }

    /// <summary>The tokens of the cells that hold the point, one per grid, as the migration's SQL writes them.</summary>
    public static IEnumerable<string> CellsOf(GeoPoint point)
    {
        for (var level = 0; level < Sizes.Length; level++)
        {
            yield return $"g{level}x{(int)((point.Latitude + 90) / Sizes[level])}y{(int)((point.Longitude + 180) / (Sizes[level] * LongitudeStretch))}";
        }
    }

    /// <summary>The index token for a taxonomy term.</summary>
    public static string Term(Guid termId) => "t" + termId.ToString("N");

    // Truncation, as SQLite's CAST(... AS INTEGER) does; both offsets keep the values positive.
    private static (int First, int Last) Span(double from, double to, double size) => ((int)(from / size), (int)(to / size));
}
