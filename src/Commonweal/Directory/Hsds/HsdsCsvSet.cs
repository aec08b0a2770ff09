using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// Reads the HSDS CSV table set (services.csv, organizations.csv, phones.csv…) into the same nested
/// documents as the JSON form: each row of a child table is placed inside every record it refers
/// to, keeping its own columns (foreign keys included), so one importer serves both forms.
/// The set must hold what its rows refer to.
/// </summary>
public static class HsdsCsvSet
{
    /// <summary>The record tables, in the order their documents are applied (what is referred to first).</summary>
    public static readonly (string File, HsdsKind Kind)[] Records =
    [
        ("taxonomies.csv", HsdsKind.Taxonomy),
        ("taxonomy_terms.csv", HsdsKind.TaxonomyTerm),
        ("organizations.csv", HsdsKind.Organization),
        ("locations.csv", HsdsKind.Location),
        ("services.csv", HsdsKind.Service),
        ("service_at_location.csv", HsdsKind.ServiceAtLocation),
    ];

    /// <summary>Child tables: the columns that refer to a parent and the list property they fill there.</summary>
    public static readonly (string File, string Property, string[] References)[] Children =
    [
        ("organization_identifiers.csv", "organization_identifiers", ["organization_id"]),
        ("programs.csv", "programs", ["organization_id"]),
        ("funding.csv", "funding", ["organization_id", "service_id"]),
        ("contacts.csv", "contacts", ["organization_id", "service_id", "service_at_location_id", "location_id"]),
        ("phones.csv", "phones", ["location_id", "service_id", "organization_id", "contact_id", "service_at_location_id"]),
        ("languages.csv", "languages", ["service_id", "location_id", "phone_id"]),
        ("addresses.csv", "addresses", ["location_id"]),
        ("accessibility.csv", "accessibility", ["location_id"]),
        ("cost_options.csv", "cost_options", ["service_id"]),
        ("service_areas.csv", "service_areas", ["service_id"]),
        ("required_documents.csv", "required_documents", ["service_id"]),
        ("schedules.csv", "schedules", ["service_id", "service_at_location_id", "location_id"]),
        ("attributes.csv", "attributes", ["link_id"]),
        ("metadata.csv", "metadata", ["resource_id"]),
    ];

    private static readonly HashSet<string> Integers = ["minimum_age", "maximum_age", "year_incorporated", "extension", "timezone", "count", "interval"];
    private static readonly HashSet<string> Numbers = ["latitude", "longitude", "amount"];

    public static bool IsCsvSet(string folder) =>
        File.Exists(Path.Combine(folder, "services.csv")) || File.Exists(Path.Combine(folder, "organizations.csv"));

    public static IEnumerable<(HsdsDocument? Document, string? Where, string? Error)> Read(string folder)
    {
        var failures = new List<(HsdsDocument?, string?, string?)>();
        var documents = new List<HsdsDocument>();
        var byId = new Dictionary<string, List<JsonObject>>();
        foreach (var (file, kind) in Records)
        {
            foreach (var (row, node) in Rows(folder, file, failures))
            {
                documents.Add(new HsdsDocument(kind, node, $"{file} row {row}", "$"));
                Index(byId, node);
            }
        }

        foreach (var (file, property, references) in Children)
        {
            foreach (var (row, node) in Rows(folder, file, failures))
            {
                var parents = references
                    .Select(r => node[r]?.GetValue<string>())
                    .Where(id => id is not null && byId.ContainsKey(id))
                    .SelectMany(id => byId[id!].ToList())
                    .Distinct()
                    .ToList();
                if (parents.Count == 0)
                {
                    failures.Add((null, $"{file} row {row}", $"none of its references ({string.Join(", ", references.Where(r => node[r] is not null).Select(r => $"{r} {node[r]}"))}) is a record in this set"));
                    continue;
                }

                foreach (var parent in parents)
                {
                    var copy = (JsonObject)node.DeepClone();
                    if (parent[property] is not JsonArray list)
                    {
                        parent[property] = list = [];
                    }

                    list.Add(copy);
                    Index(byId, copy);
                }
            }
        }

        return failures.Concat(documents.Select(d => ((HsdsDocument?)d, (string?)null, (string?)null)));
    }

    private static void Index(Dictionary<string, List<JsonObject>> byId, JsonObject node)
    {
        if (node["id"]?.GetValue<string>() is { } id)
        {
            if (!byId.TryGetValue(id, out var nodes))
            {
                byId[id] = nodes = [];
            }

            nodes.Add(node);
        }
    }

    private static IEnumerable<(int Row, JsonObject Node)> Rows(string folder, string file, List<(HsdsDocument?, string?, string?)> failures)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            yield break;
        }

        var malformed = new HashSet<long>();
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with
        {
            HasHeader = false,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed.Add(record.LineNumber),
        });
        string[]? header = null;
        var row = 1;
        while (csv.Read())
        {
            if (header is null)
            {
                header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
                continue;
            }

            row++;
            var node = malformed.Contains(csv.LineNumber) ? null : Row(csv, header, file, row, failures);
            if (malformed.Contains(csv.LineNumber))
            {
                failures.Add((null, $"{file} row {row}", "the row's quotation marks are not closed or are misplaced"));
            }
            else if (node is not null)
            {
                yield return (row, node);
            }
        }
    }

    private static JsonObject? Row(CsvReader csv, string[] header, string file, int row, List<(HsdsDocument?, string?, string?)> failures)
    {
        if (csv.FieldCount != header.Length)
        {
            failures.Add((null, $"{file} row {row}", $"expected {header.Length} columns, found {csv.FieldCount}"));
            return null;
        }

        var node = new JsonObject();
        for (var i = 0; i < header.Length; i++)
        {
            var text = csv.GetString(i);
            if (text.Length == 0)
            {
                continue;
            }

            var name = header[i];
            if (Integers.Contains(name) || Numbers.Contains(name))
            {
                var integer = Integers.Contains(name);
                if (integer ? !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) : !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    failures.Add((null, $"{file} row {row}", $"{name} '{text}' is not {(integer ? "a whole number" : "a number")}"));
                    return null;
                }

                // Kept as written, so that an export gives back the publisher's figures exactly.
                node[name] = JsonNode.Parse(text);
            }
            else
            {
                node[name] = text;
            }
        }

        return node;
    }
}
