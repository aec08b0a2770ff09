using System.Text.Json.Nodes;

namespace Commonweal.Directory.Hsds;

/// <summary>The ids of every stored record a batch of documents names, to load them in a few queries.</summary>
public sealed class HsdsIds
{
    public HashSet<Guid> Organisations { get; } = [];
    public HashSet<Guid> Services { get; } = [];
    public HashSet<Guid> Locations { get; } = [];
    public HashSet<Guid> ServiceAtLocations { get; } = [];
    public HashSet<Guid> Taxonomies { get; } = [];
    public HashSet<Guid> Terms { get; } = [];

    public void Collect(HsdsKind kind, JsonObject? node)
    {
        if (node is null)
        {
            return;
        }

        switch (kind)
        {
            case HsdsKind.Organization:
                Add(Organisations, node["id"]);
                Each(node["services"], HsdsKind.Service);
                break;
            case HsdsKind.Service:
                Add(Services, node["id"]);
                Add(Organisations, node["organization_id"]);
                Collect(HsdsKind.Organization, node["organization"] as JsonObject);
                Each(node["service_at_locations"], HsdsKind.ServiceAtLocation);
                foreach (var attribute in (node["attributes"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    Add(Terms, attribute["taxonomy_term_id"]);
                    Collect(HsdsKind.TaxonomyTerm, attribute["taxonomy_term"] as JsonObject);
                }

                break;
            case HsdsKind.ServiceAtLocation:
                Add(ServiceAtLocations, node["id"]);
                Add(Services, node["service_id"]);
                Add(Locations, node["location_id"]);
                Collect(HsdsKind.Service, node["service"] as JsonObject);
                Collect(HsdsKind.Location, node["location"] as JsonObject);
                break;
            case HsdsKind.Location:
                Add(Locations, node["id"]);
                Add(Organisations, node["organization_id"]);
                break;
            case HsdsKind.Taxonomy:
                Add(Taxonomies, node["id"]);
                Each(node["taxonomy_terms"], HsdsKind.TaxonomyTerm);
                break;
            case HsdsKind.TaxonomyTerm:
                Add(Terms, node["id"]);
                Add(Terms, node["parent_id"]);
                Add(Taxonomies, node["taxonomy_id"]);
                Collect(HsdsKind.Taxonomy, node["taxonomy_detail"] as JsonObject);
                break;
        }
    }

    private void Each(JsonNode? items, HsdsKind kind)
    {
        foreach (var item in (items as JsonArray ?? []).OfType<JsonObject>())
        {
            Collect(kind, item);
        }
    }

    private static void Add(HashSet<Guid> ids, JsonNode? id)
    {
        if (id is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var guid))
        {
            ids.Add(guid);
        }
    }
}
