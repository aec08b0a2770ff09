using System.Text.Json;
using System.Text.Json.Nodes;
using Commonweal.Data;

namespace Commonweal.Procurement.Ocds;

/// <summary>
/// Writes every release as one release package (releases.json, newest first) and each contracting
/// process as a record package (records/OCID.json), as served under /ocds.
/// </summary>
public sealed class OcdsExport(CommonwealDbContext db, OcdsOptions options)
{
    public sealed record Result(int Releases, int Records);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<Result> ExportAsync(string folder, CancellationToken cancellationToken = default)
    {
        var publication = new OcdsPublication(db, options);
        var index = await publication.IndexAsync(cancellationToken);
        var releases = await publication.ReleasesAsync(index, cancellationToken);
        var root = options.BaseUrl.TrimEnd('/');
        System.IO.Directory.CreateDirectory(Path.Combine(folder, "records"));
        var published = index.Count > 0 ? index[0].Date : db.Now;
        await WriteAsync(Path.Combine(folder, "releases.json"),
            OcdsPackages.ReleasePackage(options, $"{root}/ocds/releases", published, releases.Select(r => (JsonObject)r.DeepClone())), cancellationToken);

        var records = 0;
        foreach (var process in releases.GroupBy(r => (string)r["ocid"]!))
        {
            var package = OcdsPackages.RecordPackage(options, $"{root}/ocds/records/{Uri.EscapeDataString(process.Key)}", process.Key,
                [.. process], releasesUri: $"{root}/ocds/releases");
            await WriteAsync(Path.Combine(folder, "records", FileName(process.Key) + ".json"), package, cancellationToken);
            records++;
        }

        return new Result(releases.Count, records);
    }

    /// <summary>An ocid as a file name: characters no file system allows become underscores.</summary>
    public static string FileName(string ocid) =>
        string.Concat(ocid.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c));

    private static async Task WriteAsync(string path, JsonObject package, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, package, Indented, cancellationToken);
    }
}
