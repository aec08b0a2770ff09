using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commonweal.Organisations;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// The HSDS 3.0 rules a document must meet before anything of it is written: required properties,
/// UUID ids, enumerations, types, formats (email, URI, dates) and the lengths our columns hold.
/// Shipped as code, so that it does not depend on the schema files being present.
/// </summary>
public sealed class HsdsValidator(IModel model)
{
    private static readonly HashSet<string> UriProperties = ["url", "uri", "website", "logo", "term_uri", "schedule_link"];
    private static readonly HashSet<string> EmailProperties = ["email", "assurer_email"];

    /// <summary>"_id" properties that are not references to HSDS records.</summary>
    private static readonly HashSet<string> NotUuids = ["tax_id"];

    public List<(string Path, string Reason)> Validate(HsdsDocument document)
    {
        var errors = new List<(string, string)>();
        void Error(string path, string reason) => errors.Add((path, reason));
        Formats(document.Node, "", Error);
        Record(document.Kind, document.Node, "", Error);
        return errors;
    }

    private void Record(HsdsKind kind, JsonObject node, string path, Action<string, string> error)
    {
        switch (kind)
        {
            case HsdsKind.Service:
                Columns(node, path, HsdsFields.Service, typeof(Service), ["id", "name", "status"], error);
                Nested(node, path, "organization", HsdsKind.Organization, error);
                Each(node, path, "service_at_locations", (item, p) => Record(HsdsKind.ServiceAtLocation, item, p, error), error);
                Each(node, path, "schedules", (item, p) => Columns(item, p, HsdsFields.Schedule, typeof(Schedule), ["id"], error), error);
                Each(node, path, "attributes", (item, p) => Attribute(item, p, error), error);
                break;
            case HsdsKind.Organization:
                Columns(node, path, HsdsFields.Organization, typeof(Organisation), ["id", "name"], error);
                Each(node, path, "services", (item, p) => Record(HsdsKind.Service, item, p, error), error);
                break;
            case HsdsKind.Location:
                Columns(node, path, HsdsFields.Location, typeof(Location), ["id"], error);
                break;
            case HsdsKind.ServiceAtLocation:
                Columns(node, path, HsdsFields.ServiceAtLocation, typeof(ServiceAtLocation), ["id"], error);
                Nested(node, path, "service", HsdsKind.Service, error);
                Nested(node, path, "location", HsdsKind.Location, error);
                if (node["location"] is null && node["location_id"] is null)
                {
                    error(path, "a service_at_location needs its location (location or location_id)");
                }

                Each(node, path, "schedules", (item, p) => Columns(item, p, HsdsFields.Schedule, typeof(Schedule), ["id"], error), error);
                break;
            case HsdsKind.Taxonomy:
                Columns(node, path, HsdsFields.Taxonomy, typeof(Taxonomy), ["id", "name"], error);
                Each(node, path, "taxonomy_terms", (item, p) => Record(HsdsKind.TaxonomyTerm, item, p, error), error);
                break;
            case HsdsKind.TaxonomyTerm:
                Columns(node, path, HsdsFields.TaxonomyTerm, typeof(TaxonomyTerm), ["id", "name"], error);
                Nested(node, path, "taxonomy_detail", HsdsKind.Taxonomy, error);
                break;
        }
    }

    private void Attribute(JsonObject node, string path, Action<string, string> error)
    {
        Columns(node, path, HsdsFields.Attribute, typeof(ServiceTaxonomyTerm), ["id"], error);
        Nested(node, path, "taxonomy_term", HsdsKind.TaxonomyTerm, error);
        if (node["taxonomy_term"] is null && node["taxonomy_term_id"] is null)
        {
            error(path, "an attribute needs its taxonomy term (taxonomy_term or taxonomy_term_id)");
        }
    }

    private void Nested(JsonObject node, string path, string property, HsdsKind kind, Action<string, string> error)
    {
        switch (node[property])
        {
            case null:
                break;
            case JsonObject child:
                Record(kind, child, $"{path}.{property}", error);
                break;
            default:
                error($"{path}.{property}", "must be an object");
                break;
        }
    }

    private static void Each(JsonObject node, string path, string property, Action<JsonObject, string> validate, Action<string, string> error)
    {
        switch (node[property])
        {
            case null:
                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is JsonObject item)
                    {
                        validate(item, $"{path}.{property}[{i}]");
                    }
                    else
                    {
                        error($"{path}.{property}[{i}]", "must be an object");
                    }
                }

                break;
            default:
                error($"{path}.{property}", "must be an array");
                break;
        }
    }

    private void Columns<T>(JsonObject node, string path, HsdsField<T>[] fields, Type entity, string[] required, Action<string, string> error)
    {
        foreach (var name in required)
        {
            if (node[name] is null || (node[name]!.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(node[name]!.GetValue<string>())))
            {
                error($"{path}.{name}", "is required");
            }
        }

        var entityType = model.FindEntityType(entity)!;
        foreach (var field in fields)
        {
            if (node[field.Name] is not { } value)
            {
                continue;
            }

            if (field.Check(value) is { } reason)
            {
                error($"{path}.{field.Name}", reason);
            }
            else if (value.GetValueKind() == JsonValueKind.String
                && entityType.FindProperty(field.Property)?.GetMaxLength() is { } max
                && value.GetValue<string>().Length > max)
            {
                error($"{path}.{field.Name}", $"is longer than {max} characters");
            }
        }
    }

    /// <summary>Ids, emails and URIs wherever they appear, nested records and Extra alike.</summary>
    private static void Formats(JsonNode? node, string path, Action<string, string> error)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Formats(array[i], $"{path}[{i}]", error);
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        for (var i = 0; i < obj.Count; i++)
        {
            var (name, value) = obj.GetAt(i);
            // A property's path is built only for a fault or a nested record, not for every property read.
            if (value is JsonObject or JsonArray)
            {
                Formats(value, $"{path}.{name}", error);
                continue;
            }

            if (value is null || value.GetValueKind() != JsonValueKind.String)
            {
                if (value is not null && (name == "id" || IsReference(name)))
                {
                    error($"{path}.{name}", "must be a UUID string");
                }

                continue;
            }

            var text = value.GetValue<string>();
            if ((name == "id" || IsReference(name)) && !Guid.TryParseExact(text, "D", out _))
            {
                error($"{path}.{name}", $"'{text}' is not a UUID");
            }
            else if (EmailProperties.Contains(name) && !IsEmail(text))
            {
                error($"{path}.{name}", $"'{text}' is not an email address");
            }
            else if (UriProperties.Contains(name) && !Uri.TryCreate(text, UriKind.Absolute, out _))
            {
                error($"{path}.{name}", $"'{text}' is not an absolute URI");
            }
        }
    }

    private static bool IsReference(string name) => name.EndsWith("_id", StringComparison.Ordinal) && !NotUuids.Contains(name);

    private static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.');
}
