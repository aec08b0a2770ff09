using System.Text.Json.Nodes;

namespace Commonweal.Procurement.Ocds;

/// <summary>Release and record packages (OCDS 1.1) around releases.</summary>
public static class OcdsPackages
{
    public const string Version = "1.1";

    public static JsonObject ReleasePackage(OcdsOptions options, string uri, DateTime publishedDate, IEnumerable<JsonObject> releases,
        string? next = null, string? prev = null)
    {
        var package = Header(options, uri, publishedDate);
        package["releases"] = new JsonArray([.. releases]);
        if (next is not null || prev is not null)
        {
            var links = new JsonObject();
            if (next is not null)
            {
                links["next"] = next;
            }

            if (prev is not null)
            {
                links["prev"] = prev;
            }

            package["links"] = links;
        }

        return package;
    }

    /// <summary>A record package of one record: every release of the ocid, oldest first, and their compiled release.</summary>
    public static JsonObject RecordPackage(OcdsOptions options, string uri, string ocid, IReadOnlyList<JsonObject> releases, string? releasesUri = null)
    {
        var ordered = releases.OrderBy(OcdsMerge.DateOf).ToList();
        var compiled = OcdsMerge.Compile(ordered);
        var published = DateTime.Parse((string)compiled["date"]!, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        var package = Header(options, uri, published);
        if (releasesUri is not null)
        {
            package["packages"] = new JsonArray(releasesUri);
        }

        package["records"] = new JsonArray(new JsonObject
        {
            ["ocid"] = ocid,
            ["releases"] = new JsonArray([.. ordered.Select(r => (JsonNode)r.DeepClone())]),
            ["compiledRelease"] = compiled,
        });
        return package;
    }

    private static JsonObject Header(OcdsOptions options, string uri, DateTime publishedDate) => new()
    {
        ["uri"] = uri,
        ["version"] = Version,
        ["extensions"] = new JsonArray(OcdsReleaseBuilder.LotsExtension),
        ["publishedDate"] = OcdsReleaseBuilder.Instant(publishedDate),
        ["publisher"] = new JsonObject { ["name"] = options.PublisherName, ["uri"] = options.BaseUrl.TrimEnd('/') + "/" },
        ["license"] = options.License,
    };
}
