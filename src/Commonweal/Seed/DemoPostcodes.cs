using Commonweal.Data;
using Commonweal.Directory;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Seed;

/// <summary>
/// Outcode centres for east and central London (from the ONS/OS-derived outcode table), so that a
/// distance search works on first run; `commonweal import postcodes` loads the whole country.
/// </summary>
public static class DemoPostcodes
{
    public static readonly IReadOnlyList<(string Outcode, double Latitude, double Longitude)> Centres =
    [
        ("E1", 51.514997, -0.058707),
        ("E10", 51.566937, -0.02058),
        ("E11", 51.570225, 0.016903),
        ("E12", 51.55312, 0.049956),
        ("E13", 51.526833, 0.025686),
        ("E14", 51.502526, -0.017603),
        ("E15", 51.538668, -0.000002),
        ("E16", 51.511717, 0.008797),
        ("E17", 51.586008, -0.01838),
        ("E18", 51.592584, 0.025743),
        ("E2", 51.529447, -0.060197),
        ("E3", 51.528805, -0.022753),
        ("E4", 51.634048, -0.005886),
        ("E5", 51.56232, -0.052916),
        ("E6", 51.525507, 0.057241),
        ("E7", 51.547208, 0.027899),
        ("E8", 51.543908, -0.066085),
        ("E9", 51.543915, -0.04111),
        ("EC1", 51.52416, -0.096177),
        ("EC2", 51.520232, -0.094691),
        ("EC3", 51.516282, -0.091746),
        ("EC4", 51.516936, -0.099089),
        ("N1", 51.520203, -0.118901),
        ("WC1", 51.524142, -0.123356),
        ("WC2", 51.51232, -0.121123),
        ("E20", 51.538611, -0.016389),
    ];

    /// <summary>Adds the centres not already known; does not save.</summary>
    public static async Task AddMissingAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        var codes = Centres.Select(c => c.Outcode).ToList();
        var known = await db.PostcodeCentroids.Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(cancellationToken);
        db.PostcodeCentroids.AddRange(Centres.Where(c => !known.Contains(c.Outcode))
            .Select(c => new PostcodeCentroid { Code = c.Outcode, Latitude = c.Latitude, Longitude = c.Longitude }));
    }
}
