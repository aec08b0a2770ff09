using Commonweal.Organisations;

namespace Commonweal.Insight;

/// <summary>Provider size by annual income band: micro under £10k, small to £100k, medium to £1m, large above.</summary>
public enum ProviderSize
{
    Micro,
    Small,
    Medium,
    Large,
    Unknown,
}

public sealed record SectorFlow(int Year, Sector? Sector, IncomeBand? Band, decimal Amount);

public sealed record SectorShareRow(int Year, string Sector, ProviderSize Size, decimal Amount, double ShareOfYear);

/// <summary>Contract and grant value by provider sector and size per financial year, as a share of that year's total.</summary>
public static class SectorShare
{
    public static ProviderSize SizeOf(IncomeBand? band) => band switch
    {
        null => ProviderSize.Unknown,
        IncomeBand.Micro => ProviderSize.Micro,
        IncomeBand.Small => ProviderSize.Small,
        IncomeBand.Medium => ProviderSize.Medium,
        _ => ProviderSize.Large,
    };

    public static string SectorName(Sector? sector) => sector?.ToString() ?? "Unknown";

    public static IReadOnlyList<SectorShareRow> Compute(IEnumerable<SectorFlow> flows)
    {
        var rows = flows
            .GroupBy(f => (f.Year, Sector: SectorName(f.Sector), Size: SizeOf(f.Band)))
            .Select(g => (g.Key.Year, g.Key.Sector, g.Key.Size, Amount: g.Sum(f => f.Amount)))
            .ToList();
        var totals = rows.GroupBy(r => r.Year).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        return rows
            .OrderBy(r => r.Year).ThenBy(r => r.Sector, StringComparer.Ordinal).ThenBy(r => r.Size)
            .Select(r => new SectorShareRow(r.Year, r.Sector, r.Size, r.Amount, totals[r.Year] == 0 ? 0 : (double)(r.Amount / totals[r.Year])))
            .ToList();
    }
}
