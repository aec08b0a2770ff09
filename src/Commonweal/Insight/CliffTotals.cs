using System.Runtime.InteropServices;

namespace Commonweal.Insight;

/// <summary>A commissioning area as the cliff totals need it: its name, whose it is, and the outcodes it covers.</summary>
public sealed record CommissioningAreaOutcodes(Guid Id, string Name, string Commissioner, IReadOnlyList<string> Outcodes);

/// <summary>
/// Income ending in one area: an outcode (the organisations' own) or a commissioning area (the
/// organisations whose outcode it covers). <see cref="Area"/> is the outcode or the area's name.
/// </summary>
public sealed record AreaCliff(
    string Area, AreaKind Kind, Guid? AreaId, string? Commissioner, decimal EndingWithin6Months, decimal EndingWithin12Months,
    IReadOnlyList<Guid> Organisations, IReadOnlyList<ServiceAtRisk> ServicesAtRisk);

public enum AreaKind
{
    /// <summary>The outcode of the organisation's postcode ("E3"); <see cref="CliffTotals.AreaNotKnown"/> without one.</summary>
    Outcode,

    /// <summary>A commissioner's area (a set of outcodes) from commissioning.</summary>
    CommissioningArea,
}

/// <summary>Income ending for the organisations whose services meet one need (a taxonomy term of their services).</summary>
public sealed record NeedCliff(
    string Need, decimal EndingWithin6Months, decimal EndingWithin12Months, IReadOnlyList<Guid> Organisations, IReadOnlyList<ServiceAtRisk> ServicesAtRisk);

/// <summary>The cliffs of the organisations listed, with their totals by area and by need.</summary>
public sealed record CliffReport(int Months, IReadOnlyList<OrganisationCliff> Organisations, IReadOnlyList<AreaCliff> ByArea, IReadOnlyList<NeedCliff> ByNeed);

/// <summary>
/// Funding cliffs added up by area and by need, over the organisations in a cliff list. Each
/// organisation's whole annual income ending counts in its area and in every need its services
/// meet (the money is the organisation's, not split between its services), so the need rows can
/// add up to more than the total; an organisation is counted once in each row however many of its
/// services meet the need. The services at risk of an area are all the services of its organisations;
/// those of a need, the services that meet it.
/// </summary>
public static class CliffTotals
{
    public const string AreaNotKnown = "Not known";

    public static IReadOnlyList<AreaCliff> ByArea(IReadOnlyList<OrganisationCliff> cliffs, IReadOnlyList<CommissioningAreaOutcodes> areas)
    {
        var rows = cliffs
            .GroupBy(c => c.Area ?? AreaNotKnown, StringComparer.OrdinalIgnoreCase)
            .Select(g => Row(g.Key, AreaKind.Outcode, null, null, g.ToList()))
            .ToList();
        var byOutcode = cliffs.Where(c => c.Area is not null).ToLookup(c => c.Area!, StringComparer.OrdinalIgnoreCase);
        foreach (var area in areas)
        {
            var inside = area.Outcodes.Distinct(StringComparer.OrdinalIgnoreCase).SelectMany(o => byOutcode[o]).ToList();
            if (inside.Count > 0)
            {
                rows.Add(Row(area.Name, AreaKind.CommissioningArea, area.Id, area.Commissioner, inside));
            }
        }

        return [.. rows.OrderByDescending(r => r.EndingWithin12Months).ThenBy(r => r.Kind).ThenBy(r => r.Area, StringComparer.Ordinal).ThenBy(r => r.Commissioner, StringComparer.Ordinal)];
    }

    public static IReadOnlyList<NeedCliff> ByNeed(IReadOnlyList<OrganisationCliff> cliffs)
    {
        var rows = new Dictionary<string, (List<OrganisationCliff> Organisations, List<ServiceAtRisk> Services)>(StringComparer.Ordinal);
        foreach (var cliff in cliffs)
        {
            foreach (var need in cliff.Needs)
            {
                ref var row = ref CollectionsMarshal.GetValueRefOrAddDefault(rows, need, out var seen);
                if (!seen)
                {
                    row = ([], []);
                }

                row.Organisations.Add(cliff);
            }

            // One pass over the services, each added to the row of every need it meets: the same order as
            // going need by need and searching the services for each (organisation by organisation, then
            // the services in their order), without that search for every need of all 50,000 organisations.
            foreach (var service in cliff.ServicesAtRisk)
            {
                for (var n = 0; n < service.Needs.Count; n++)
                {
                    if (!SeenBefore(service.Needs, n) && rows.TryGetValue(service.Needs[n], out var row))
                    {
                        row.Services.Add(service);
                    }
                }
            }
        }

        return [.. rows
            .Select(r => new NeedCliff(r.Key, r.Value.Organisations.Sum(c => c.Figures.EndingWithin6Months), r.Value.Organisations.Sum(c => c.Figures.EndingWithin12Months),
                [.. r.Value.Organisations.Select(c => c.OrganisationId)], r.Value.Services))
            .OrderByDescending(r => r.EndingWithin12Months).ThenBy(r => r.Need, StringComparer.Ordinal)];
    }

    /// <summary>A service listing a need twice is still one service at risk under it.</summary>
    private static bool SeenBefore(IReadOnlyList<string> needs, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(needs[i], needs[index], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static AreaCliff Row(string area, AreaKind kind, Guid? id, string? commissioner, List<OrganisationCliff> cliffs) => new(
        area, kind, id, commissioner, cliffs.Sum(c => c.Figures.EndingWithin6Months), cliffs.Sum(c => c.Figures.EndingWithin12Months),
        [.. cliffs.Select(c => c.OrganisationId)], [.. cliffs.SelectMany(c => c.ServicesAtRisk)]);
}
