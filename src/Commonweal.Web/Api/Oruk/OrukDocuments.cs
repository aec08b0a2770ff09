using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Commonweal.Directory;
using Commonweal.Organisations;
using Commonweal.Seed;

namespace Commonweal.Web.Api.Oruk;

/// <summary>
/// Open Referral UK 3.0 documents built from the directory's columns plus the HSDS fields kept in
/// each record's Extra JSON. Only properties the ORUK schemas define are written; values that
/// would break a declared format (a web address without a scheme) are left out rather than sent.
/// </summary>
public static class OrukDocuments
{
    /// <summary>HSDS fields of a service kept verbatim in <see cref="Service.Extra"/> that ORUK defines.</summary>
    private static readonly string[] ServiceExtraArrays = ["service_areas", "languages", "funding", "cost_options", "contacts"];

    private static readonly string[] LocationExtraArrays = ["accessibility"];

    /// <summary>A service as lists show it. A column read here must be loaded by OrukApi's PageOfServices too (a test compares).</summary>
    public static JsonObject ServiceListItem(Service service, DateOnly today) => ServiceColumns(service, Organisation(service.Organisation!, full: false), today);

    public static JsonObject ServiceFull(Service service, DateOnly today)
    {
        var document = ServiceColumns(service, Organisation(service.Organisation!, full: true), today);
        var extra = Parse(service.Extra);
        document["schedules"] = new JsonArray([.. service.Schedules.Select(Schedule)]);
        document["service_at_locations"] = new JsonArray([.. service.ServiceAtLocations.Select(sal => (JsonNode)ServiceAtLocationInService(sal))]);
        foreach (var name in ServiceExtraArrays)
        {
            document[name] = extra[name] is JsonArray array ? array.DeepClone() : new JsonArray();
        }

        document["attributes"] = new JsonArray([.. service.TaxonomyTerms.Select(link => (JsonNode)Attribute(link, service.Id))]);
        return document;
    }

    public static JsonObject ServiceAtLocationListItem(ServiceAtLocation sal, DateOnly today) => new()
    {
        ["id"] = Id(sal.Id),
        ["service_id"] = Id(sal.ServiceId),
        ["location_id"] = Id(sal.LocationId),
        ["location"] = Location(sal.Location!, full: false),
        ["service"] = ServiceListItem(sal.Service!, today),
    };

    public static JsonObject ServiceAtLocationFull(ServiceAtLocation sal, DateOnly today)
    {
        var document = ServiceAtLocationListItem(sal, today);
        document["location"] = Location(sal.Location!, full: true);
        document["service"] = ServiceFull(sal.Service!, today);
        return document;
    }

    public static JsonObject Organisation(Organisation organisation, bool full)
    {
        var document = new JsonObject
        {
            ["id"] = Id(organisation.Id),
            ["name"] = organisation.Name,
            ["description"] = organisation.Description ?? "",
        };
        Add(document, "email", organisation.Email);
        Add(document, "website", AbsoluteUri(organisation.Website));
        var extra = Parse(organisation.DirectoryExtra);
        Add(document, "logo", extra["logo"] is JsonValue logo && logo.TryGetValue<string>(out var l) ? l : null);
        Add(document, "uri", AbsoluteUri(extra["uri"] is JsonValue uri && uri.TryGetValue<string>(out var u) ? u : null));
        if (full)
        {
            document["organization_identifiers"] = organisation.Identifier is { } identifier
                ? new JsonArray(OrganisationIdentifier(organisation.Id, identifier))
                : new JsonArray();
        }

        return document;
    }

    public static JsonObject Taxonomy(Taxonomy taxonomy)
    {
        var document = new JsonObject
        {
            ["id"] = Id(taxonomy.Id),
            ["name"] = taxonomy.Name,
            ["description"] = taxonomy.Description ?? "",
        };
        Add(document, "uri", AbsoluteUri(taxonomy.Uri));
        Add(document, "version", taxonomy.Version);
        return document;
    }

    public static JsonObject TaxonomyTerm(TaxonomyTerm term)
    {
        var document = new JsonObject
        {
            ["id"] = Id(term.Id),
            ["name"] = term.Name,
            ["description"] = term.Description ?? "",
        };
        Add(document, "parent_id", term.ParentId is { } parent ? Id(parent) : null);
        Add(document, "taxonomy", term.Taxonomy?.Name);
        Add(document, "taxonomy_id", term.TaxonomyId is { } taxonomy ? Id(taxonomy) : null);
        Add(document, "term_uri", AbsoluteUri(term.TermUri));
        Add(document, "term", term.Code);
        return document;
    }

    /// <summary>ORUK ids are lowercase UUID strings.</summary>
    public static string Id(Guid id) => id.ToString("D");

    private static JsonObject ServiceColumns(Service service, JsonObject organisation, DateOnly today)
    {
        var document = new JsonObject
        {
            ["id"] = Id(service.Id),
            ["organization_id"] = Id(service.OrganisationId),
            ["name"] = service.Name,
            ["status"] = ServiceStatuses.ToHsds(service.Status),
        };
        Add(document, "description", service.Description);
        Add(document, "url", AbsoluteUri(service.Url));
        Add(document, "email", service.Email);
        Add(document, "fees", service.FeesDescription);
        Add(document, "accreditations", Parse(service.Extra)["accreditations"] is JsonValue a && a.TryGetValue<string>(out var text) ? text : null);
        if (service.MinimumAge is { } minimum)
        {
            document["minimum_age"] = minimum;
        }

        if (service.MaximumAge is { } maximum)
        {
            document["maximum_age"] = maximum;
        }

        Add(document, "assured_date", service.AssuredDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(document, "assurer_email", service.AssurerEmail);
        Add(document, "alert", service.Alert);
        document["last_modified"] = DateTime.SpecifyKind(service.LastModified, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        document["organization"] = organisation;
        if (service.IsStale(today))
        {
            document["metadata"] = new JsonArray(StaleMark(service, today));
        }

        return document;
    }

    /// <summary>
    /// A record nobody has assured for 12 months is flagged to API readers the HSDS way, as a
    /// metadata entry (ORUK's service schema allows the HSDS metadata array): action "stale" on
    /// the field assured_date, dated today.
    /// </summary>
    private static JsonObject StaleMark(Service service, DateOnly today) => new()
    {
        ["id"] = Id(StableIds.For($"stale:{service.Id}")),
        ["resource_id"] = Id(service.Id),
        ["resource_type"] = "service",
        ["last_action_date"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["last_action_type"] = "stale",
        ["field_name"] = "assured_date",
        ["previous_value"] = service.AssuredDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        ["replacement_value"] = "",
        ["updated_by"] = "Commonweal",
    };

    private static JsonObject ServiceAtLocationInService(ServiceAtLocation sal) => new()
    {
        ["id"] = Id(sal.Id),
        ["service_id"] = Id(sal.ServiceId),
        ["location_id"] = Id(sal.LocationId),
        ["location"] = Location(sal.Location!, full: true),
    };

    private static JsonObject Location(Location location, bool full)
    {
        var document = new JsonObject
        {
            ["id"] = Id(location.Id),
            ["location_type"] = location.LocationType,
        };
        Add(document, "name", location.Name);
        Add(document, "description", location.Description);
        if (location.Latitude is { } latitude && location.Longitude is { } longitude)
        {
            document["latitude"] = latitude;
            document["longitude"] = longitude;
        }

        if (full)
        {
            var extra = Parse(location.Extra);
            document["addresses"] = extra["addresses"] is JsonArray addresses ? addresses.DeepClone() : Addresses(location);
            foreach (var name in LocationExtraArrays)
            {
                document[name] = extra[name] is JsonArray array ? array.DeepClone() : new JsonArray();
            }
        }

        return document;
    }

    private static JsonArray Addresses(Location location) =>
        location.AddressLine is null && location.Postcode is null
            ? []
            : new JsonArray(new JsonObject
            {
                ["id"] = Id(DerivedId("address", location.Id)),
                ["location_id"] = Id(location.Id),
                ["address_1"] = location.AddressLine ?? "",
                ["city"] = location.City ?? "",
                ["state_province"] = "",
                ["postal_code"] = location.Postcode ?? "",
                ["country"] = "GB",
                ["address_type"] = location.LocationType == "postal" ? "postal" : "physical",
            });

    private static JsonNode Schedule(Schedule schedule)
    {
        var document = new JsonObject { ["id"] = Id(schedule.Id) };
        Add(document, "service_id", schedule.ServiceId is { } s ? Id(s) : null);
        Add(document, "service_at_location_id", schedule.ServiceAtLocationId is { } sal ? Id(sal) : null);
        Add(document, "valid_from", schedule.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(document, "valid_to", schedule.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(document, "freq", schedule.Freq);
        Add(document, "byday", schedule.ByDay);
        Add(document, "description", schedule.Description);
        Add(document, "opens_at", schedule.OpensAt?.ToString("HH:mm", CultureInfo.InvariantCulture));
        Add(document, "closes_at", schedule.ClosesAt?.ToString("HH:mm", CultureInfo.InvariantCulture));
        return document;
    }

    private static JsonObject Attribute(ServiceTaxonomyTerm link, Guid serviceId)
    {
        var document = new JsonObject
        {
            ["id"] = Id(link.Id),
            ["link_id"] = Id(serviceId),
            ["taxonomy_term_id"] = Id(link.TaxonomyTermId),
            ["link_type"] = "service",
        };
        if (link.TaxonomyTerm is { } term)
        {
            document["taxonomy_term"] = TaxonomyTerm(term);
        }

        return document;
    }

    private static JsonObject OrganisationIdentifier(Guid organisationId, string identifier)
    {
        // org-id.guide identifiers are a scheme prefix (GB-CHC) and the register's own number.
        var cut = identifier.IndexOf('-', identifier.IndexOf('-', StringComparison.Ordinal) + 1);
        var document = new JsonObject
        {
            ["id"] = Id(DerivedId("organization_identifier", organisationId)),
            ["organization_id"] = Id(organisationId),
            ["identifier_scheme"] = cut > 0 ? identifier[..cut] : "org-id",
            ["identifier_type"] = "org-id",
            ["identifier"] = cut > 0 ? identifier[(cut + 1)..] : identifier,
        };
        return document;
    }

    /// <summary>A stable id for a row ORUK expects but Commonweal keeps in a column of its parent.</summary>
    private static Guid DerivedId(string kind, Guid parent)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{parent:D}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static string? AbsoluteUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.ToString() : null;

    private static JsonObject Parse(string json) => JsonNode.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json) as JsonObject ?? [];

    private static void Add(JsonObject document, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            document[name] = value;
        }
    }
}
