using System.Text.Json.Nodes;

namespace Commonweal.Directory.Hsds;

public enum HsdsKind
{
    Organization,
    Taxonomy,
    TaxonomyTerm,
    Location,
    Service,
    ServiceAtLocation,
}

/// <summary>One HSDS record found in an input, with where it came from for rejection messages.</summary>
public sealed record HsdsDocument(HsdsKind Kind, JsonObject Node, string Origin, string Path)
{
    public string Where(string relativePath) => $"{Origin} {Path}{relativePath}";
}

/// <summary>
/// Finds the HSDS records in a parsed JSON file: a single document, a page (`contents`), a bare
/// array, or a package of named lists. What each record is comes from its shape, since HSDS
/// documents do not name their own type.
/// </summary>
public static class HsdsDocuments
{
    private static readonly (string Property, HsdsKind Kind)[] PackageLists =
    [
        ("organizations", HsdsKind.Organization),
        ("taxonomies", HsdsKind.Taxonomy),
        ("taxonomy_terms", HsdsKind.TaxonomyTerm),
        ("locations", HsdsKind.Location),
        ("services", HsdsKind.Service),
        ("service_at_locations", HsdsKind.ServiceAtLocation),
    ];

    /// <summary>The records, and for anything that is not one, the path and the reason.</summary>
    public static IEnumerable<(HsdsDocument? Document, string? Path, string? Error)> Find(JsonNode? root, string origin)
    {
        switch (root)
        {
            case JsonArray array:
                return Items(array, "$", origin, kind: null);
            case JsonObject page when page["contents"] is JsonArray contents:
                return Items(contents, "$.contents", origin, kind: null);
            case JsonObject package when package["id"] is null && PackageLists.Any(l => package[l.Property] is JsonArray):
                return PackageLists.Where(l => package[l.Property] is JsonArray)
                    .SelectMany(l => Items((JsonArray)package[l.Property]!, $"$.{l.Property}", origin, l.Kind));
            case JsonObject single:
                return [One(single, "$", origin, kind: null)];
            default:
                return [(null, "$", "expected an HSDS document, a list of them or a page with `contents`")];
        }
    }

    public static HsdsKind? KindOf(JsonObject node)
    {
        if (node["service"] is JsonObject || (node["service_id"] is not null && node["location_id"] is not null))
        {
            return HsdsKind.ServiceAtLocation;
        }

        if (Has(node, "status", "service_at_locations", "organization", "organization_id", "eligibility_description", "assured_date"))
        {
            return HsdsKind.Service;
        }

        if (Has(node, "taxonomy_detail", "taxonomy_id", "parent_id", "term", "term_uri", "code", "taxonomy"))
        {
            return HsdsKind.TaxonomyTerm;
        }

        if (Has(node, "location_type", "addresses", "latitude", "longitude", "accessibility", "transportation"))
        {
            return HsdsKind.Location;
        }

        if (Has(node, "website", "logo", "legal_status", "tax_status", "year_incorporated", "organization_identifiers", "services", "parent_organization_id", "funding"))
        {
            return HsdsKind.Organization;
        }

        return Has(node, "version", "uri", "taxonomy_terms") ? HsdsKind.Taxonomy : null;
    }

    /// <summary>One member of a list of records (also for lists read one member at a time).</summary>
    public static (HsdsDocument? Document, string? Path, string? Error) Item(JsonNode? node, string path, string origin, HsdsKind? kind = null) =>
        node is JsonObject item ? One(item, path, origin, kind) : (null, path, "expected an object");

    private static IEnumerable<(HsdsDocument?, string?, string?)> Items(JsonArray array, string path, string origin, HsdsKind? kind)
    {
        for (var i = 0; i < array.Count; i++)
        {
            yield return Item(array[i], $"{path}[{i}]", origin, kind);
        }
    }

    private static (HsdsDocument?, string?, string?) One(JsonObject node, string path, string origin, HsdsKind? kind)
    {
        var found = kind ?? KindOf(node);
        return found is null
            ? (null, path, "cannot tell which HSDS record this is (service, organization, location, service_at_location, taxonomy or taxonomy_term)")
            : (new HsdsDocument(found.Value, node, origin, path), null, null);
    }

    private static bool Has(JsonObject node, params string[] properties) => properties.Any(node.ContainsKey);
}
