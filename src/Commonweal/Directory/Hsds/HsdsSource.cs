namespace Commonweal.Directory.Hsds;

/// <summary>One unit of import: a JSON file, or a folder's CSV table set.</summary>
public sealed record HsdsSource(string Path, bool IsCsvSet);

public static class HsdsSources
{
    /// <summary>
    /// A file is one source; a folder gives its JSON files (by name) and, when it holds
    /// services.csv or organizations.csv, its CSV table set. A datapackage.json describes the
    /// CSV set and is not itself data.
    /// </summary>
    public static List<HsdsSource> Find(string path)
    {
        if (File.Exists(path))
        {
            return [new HsdsSource(path, IsCsvSet: false)];
        }

        if (!System.IO.Directory.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' is neither a file nor a folder.", path);
        }

        var sources = System.IO.Directory.GetFiles(path, "*.json")
            .Where(f => !string.Equals(System.IO.Path.GetFileName(f), "datapackage.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new HsdsSource(f, IsCsvSet: false))
            .ToList();
        if (HsdsCsvSet.IsCsvSet(path))
        {
            sources.Add(new HsdsSource(path, IsCsvSet: true));
        }

        return sources;
    }
}
