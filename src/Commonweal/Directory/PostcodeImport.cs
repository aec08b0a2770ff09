using System.Globalization;
using Commonweal.Data;
using Commonweal.Importing;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Directory;

/// <summary>
/// Loads postcode or outcode centres from a CSV with a header naming the code column (postcode,
/// pcd, pcds, outcode…), latitude (lat) and longitude (long, lng, lon): the published outcode
/// table and the common full-postcode layouts alike. Creates or updates by normalised code, in
/// one transaction; running it twice writes nothing the second time.
/// </summary>
public sealed class PostcodeImport(CommonwealDbContext db)
{
    private const int SaveEvery = 5_000;

    private static readonly string[] CodeColumns = ["postcode", "pcds", "pcd", "pcd7", "pcd8", "outcode", "postcode_district", "code"];
    private static readonly string[] LatitudeColumns = ["latitude", "lat"];
    private static readonly string[] LongitudeColumns = ["longitude", "long", "lng", "lon"];

    public async Task<ImportReport> ImportAsync(string path, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        var options = CsvReaderOptions.Default with { HasHeader = false, Separator = ',', AllowLineBreaksInQuotes = false, TrackLineNumbers = true };
        await using var csv = CsvReader.Create(file, options, leaveOpen: true);
        var report = new ImportReport();
        if (!await csv.ReadAsync(cancellationToken))
        {
            return report;
        }

        var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim().ToLowerInvariant()).ToList();
        var code = Column(header, CodeColumns);
        var latitude = Column(header, LatitudeColumns);
        var longitude = Column(header, LongitudeColumns);
        if (code < 0 || latitude < 0 || longitude < 0)
        {
            throw new InvalidDataException("The header must name a postcode (or outcode), a latitude and a longitude column.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.PostcodeCentroids.ToDictionaryAsync(p => p.Code, cancellationToken);
        var firstRowOf = new Dictionary<string, int>();
        while (await csv.ReadAsync(cancellationToken))
        {
            var row = (int)csv.LineNumber;
            report.CountRead();
            var (centroid, error) = Parse(Field(csv, code), Field(csv, latitude), Field(csv, longitude));
            if (centroid is null)
            {
                report.Reject(row, error!);
            }
            else if (!firstRowOf.TryAdd(centroid.Code, row))
            {
                report.Reject(row, $"{centroid.Code} appears again (first on row {firstRowOf[centroid.Code]})");
            }
            else if (Upsert(centroid, existing))
            {
                report.CountWritten();
            }

            if (report.Read % SaveEvery == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                progress?.Report((int)Math.Min(99, csv.ByteOffset * 100 / Math.Max(1, file.Length)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress?.Report(100);
        return report;
    }

    public static (PostcodeCentroid? Centroid, string? Error) Parse(string code, string latitude, string longitude)
    {
        var normalised = PostcodeLocator.NormaliseCode(code);
        if (normalised is null)
        {
            return (null, $"'{code}' is not a postcode or outcode");
        }

        if (!double.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || lat is < 49 or > 61)
        {
            return (null, $"latitude '{latitude}' is not a number between 49 and 61 (the UK)");
        }

        if (!double.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || lon is < -9 or > 3)
        {
            return (null, $"longitude '{longitude}' is not a number between -9 and 3 (the UK)");
        }

        return (new PostcodeCentroid { Code = normalised, Latitude = lat, Longitude = lon }, null);
    }

    private bool Upsert(PostcodeCentroid centroid, Dictionary<string, PostcodeCentroid> existing)
    {
        if (existing.TryGetValue(centroid.Code, out var known))
        {
            if (known.Latitude.Equals(centroid.Latitude) && known.Longitude.Equals(centroid.Longitude))
            {
                return false;
            }

            known.Latitude = centroid.Latitude;
            known.Longitude = centroid.Longitude;
            return true;
        }

        existing.Add(centroid.Code, centroid);
        db.PostcodeCentroids.Add(centroid);
        return true;
    }

    private static int Column(List<string> header, string[] names) =>
        names.Select(n => header.IndexOf(n)).FirstOrDefault(i => i >= 0, -1);

    private static string Field(CsvReader csv, int index) => index < csv.FieldCount ? csv.GetString(index).Trim() : "";
}
