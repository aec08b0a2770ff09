using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// Flattens HSDS documents into the CSV table set as they stream past: each nested record goes to
/// its table once (by id), with the id of the record it was found in as its foreign key.
/// </summary>
public sealed class HsdsCsvWriter(string folder) : IAsyncDisposable
{
    /// <summary>The HSDS 3.0 tables and their columns, in the specification's order.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Tables = new Dictionary<string, string[]>
    {
        ["organizations"] = ["id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id", "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id"],
        ["services"] = ["id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email", "status", "interpretation_services", "application_process", "fees_description", "wait_time", "fees", "accreditations", "eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email", "licenses", "alert", "last_modified"],
        ["locations"] = ["id", "location_type", "url", "organization_id", "name", "alternate_name", "description", "transportation", "latitude", "longitude", "external_identifier", "external_identifier_type"],
        ["service_at_location"] = ["id", "service_id", "location_id", "description"],
        ["taxonomies"] = ["id", "name", "description", "uri", "version"],
        ["taxonomy_terms"] = ["id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"],
        ["attributes"] = ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"],
        ["schedules"] = ["id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart", "timezone", "until", "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday", "byyearday", "description", "opens_at", "closes_at", "schedule_link", "attending_type", "notes"],
        ["phones"] = ["id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number", "extension", "type", "description"],
        ["contacts"] = ["id", "organization_id", "service_id", "service_at_location_id", "location_id", "name", "title", "department", "email"],
        ["languages"] = ["id", "service_id", "location_id", "phone_id", "name", "code", "note"],
        ["addresses"] = ["id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code", "country", "address_type"],
        ["accessibility"] = ["id", "location_id", "description", "details", "url"],
        ["cost_options"] = ["id", "service_id", "valid_from", "valid_to", "option", "currency", "amount", "amount_description"],
        ["funding"] = ["id", "organization_id", "service_id", "source"],
        ["service_areas"] = ["id", "service_id", "name", "description", "extent", "extent_type", "uri"],
        ["required_documents"] = ["id", "service_id", "document", "uri"],
        ["programs"] = ["id", "organization_id", "name", "alternate_name", "description"],
        ["organization_identifiers"] = ["id", "organization_id", "identifier_scheme", "identifier_type", "identifier"],
        ["metadata"] = ["id", "resource_id", "resource_type", "last_action_date", "last_action_type", "field_name", "previous_value", "replacement_value", "updated_by"],
    };

    /// <summary>Nested property name to the table its records go to.</summary>
    private static readonly Dictionary<string, string> TableOf = new()
    {
        ["organization"] = "organizations",
        ["service"] = "services",
        ["location"] = "locations",
        ["service_at_locations"] = "service_at_location",
        ["taxonomy_term"] = "taxonomy_terms",
        ["taxonomy_detail"] = "taxonomies",
        ["program"] = "programs",
        ["programs"] = "programs",
        ["services"] = "services",
        ["locations"] = "locations",
        ["taxonomy_terms"] = "taxonomy_terms",
        ["attributes"] = "attributes",
        ["schedules"] = "schedules",
        ["phones"] = "phones",
        ["contacts"] = "contacts",
        ["languages"] = "languages",
        ["addresses"] = "addresses",
        ["accessibility"] = "accessibility",
        ["cost_options"] = "cost_options",
        ["funding"] = "funding",
        ["service_areas"] = "service_areas",
        ["required_documents"] = "required_documents",
        ["organization_identifiers"] = "organization_identifiers",
        ["metadata"] = "metadata",
    };

    /// <summary>The foreign-key column that a record of each table gives the records nested in it.</summary>
    private static readonly Dictionary<string, string> KeyColumn = new()
    {
        ["organizations"] = "organization_id",
        ["services"] = "service_id",
        ["locations"] = "location_id",
        ["service_at_location"] = "service_at_location_id",
        ["contacts"] = "contact_id",
        ["phones"] = "phone_id",
    };

    private readonly Dictionary<string, StreamWriter> writers = [];
    private readonly Dictionary<string, HashSet<string>> written = [];

    /// <summary>Writes a record and everything nested in it, each once.</summary>
    public void Add(string table, JsonObject record, (string Column, string Id)? parent)
    {
        var id = record["id"]?.ToString();
        if (id is null || !Tables.TryGetValue(table, out var columns))
        {
            return;
        }

        if (!written.TryGetValue(table, out var ids))
        {
            written[table] = ids = [];
        }

        if (ids.Add(id))
        {
            var row = columns.Select(c => Cell(record[c] ?? (parent is { } p && p.Column == c ? p.Id : null)));
            Writer(table).WriteLine(string.Join(',', row));
        }

        var own = KeyColumn.TryGetValue(table, out var key) ? (key, id) : ((string, string)?)null;
        foreach (var (name, value) in record)
        {
            if (!TableOf.TryGetValue(name, out var child))
            {
                continue;
            }

            // Attributes and metadata may belong to any record, so they name their record by its id alone.
            var link = name switch { "attributes" => ("link_id", id), "metadata" => ("resource_id", id), _ => own };
            foreach (var item in value switch { JsonObject one => [one], JsonArray many => many.OfType<JsonObject>(), _ => [] })
            {
                Add(child, item, link);
            }
        }
    }

    public async Task CompleteAsync()
    {
        foreach (var table in Tables.Keys)
        {
            Writer(table);
        }

        var package = new JsonObject
        {
            ["name"] = "commonweal-hsds-export",
            ["profile"] = "tabular-data-package",
            ["resources"] = new JsonArray(Tables.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Key,
                ["path"] = $"{t.Key}.csv",
                ["profile"] = "tabular-data-resource",
                ["schema"] = new JsonObject { ["fields"] = new JsonArray(t.Value.Select(c => (JsonNode)new JsonObject { ["name"] = c, ["type"] = "string" }).ToArray()) },
            }).ToArray()),
        };
        await File.WriteAllTextAsync(Path.Combine(folder, "datapackage.json"), package.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in writers.Values)
        {
            await writer.DisposeAsync();
        }
    }

    private StreamWriter Writer(string table)
    {
        if (!writers.TryGetValue(table, out var writer))
        {
            writer = new StreamWriter(Path.Combine(folder, $"{table}.csv"), append: false, new UTF8Encoding(false));
            writer.WriteLine(string.Join(',', Tables[table]));
            writers[table] = writer;
        }

        return writer;
    }

    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonNode n => n.ToJsonString(),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
