using System.Text.RegularExpressions;
using Commonweal.Data;
using Commonweal.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Directory;

/// <summary>A point on the earth in WGS84 degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMetres = 6_371_008.8;

    public double MetresTo(GeoPoint other)
    {
        var dLat = ToRadians(other.Latitude - Latitude);
        var dLon = ToRadians(other.Longitude - Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(ToRadians(Latitude)) * Math.Cos(ToRadians(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>A latitude/longitude box that holds every point within the distance (slightly more near the edges).</summary>
    public (double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude) BoxAround(double metres)
    {
        var dLat = metres / EarthRadiusMetres * 180 / Math.PI;
        var dLon = dLat / Math.Max(0.01, Math.Cos(ToRadians(Latitude)));
        return (Latitude - dLat, Latitude + dLat, Longitude - dLon, Longitude + dLon);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}

/// <summary>The searched postcode is not a postcode or outcode we can place.</summary>
public sealed class UnknownPostcodeException(string postcode)
    : Exception($"The postcode '{postcode}' is not known")
{
    public string Postcode { get; } = postcode;
}

/// <summary>Postcode and outcode centres: a full postcode when it is known, else its outcode.</summary>
public static partial class PostcodeLocator
{
    /// <summary>"E3", "e14", "EC1A" normalised, or null when it is not an outward code.</summary>
    public static string? NormaliseOutcode(string? value)
    {
        var compact = (value ?? "").Trim().ToUpperInvariant();
        return Outcode().IsMatch(compact) ? compact : null;
    }

    /// <summary>A full postcode or an outcode, normalised; null when it is neither.</summary>
    public static string? NormaliseCode(string? value) => Postcodes.Normalise(value) ?? NormaliseOutcode(value);

    public static async Task<GeoPoint?> LocateAsync(CommonwealDbContext db, string postcode, CancellationToken ct)
    {
        var full = Postcodes.Normalise(postcode);
        var codes = full is not null ? new[] { full, full.Split(' ')[0] } : NormaliseOutcode(postcode) is { } outcode ? [outcode] : [];
        if (codes.Length == 0)
        {
            return null;
        }

        var found = await db.PostcodeCentroids.AsNoTracking().Where(c => codes.Contains(c.Code)).ToListAsync(ct);
        var best = codes.Select(code => found.FirstOrDefault(c => c.Code == code)).FirstOrDefault(c => c is not null);
        return best is null ? null : new GeoPoint(best.Latitude, best.Longitude);
    }

    /// <summary>
    /// Which of the normalised outcodes the loaded postcode table knows: as an outcode of its own, or
    /// as the first half of a full postcode (a table of full postcodes may hold no outcode rows).
    /// </summary>
    public static async Task<IReadOnlySet<string>> KnownOutcodesAsync(CommonwealDbContext db, IReadOnlyCollection<string> outcodes, CancellationToken ct)
    {
        var known = (await db.PostcodeCentroids.AsNoTracking().Where(c => outcodes.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct)).ToHashSet();
        foreach (var outcode in outcodes.Where(o => !known.Contains(o)).Distinct())
        {
            var prefix = outcode + " ";
            if (await db.PostcodeCentroids.AnyAsync(c => c.Code.StartsWith(prefix), ct))
            {
                known.Add(outcode);
            }
        }

        return known;
    }

    [GeneratedRegex("^[A-Z]{1,2}[0-9][0-9A-Z]?$")]
    private static partial Regex Outcode();
}
