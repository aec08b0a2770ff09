using System.Text.Json.Nodes;
using Commonweal.Organisations;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// The searchable address columns of a location, taken from its physical address (or, when it
/// has none, its first one); the HSDS addresses themselves stay in the location's Extra.
/// </summary>
public static class HsdsAddress
{
    public static bool Project(Location location, JsonArray addresses)
    {
        var all = addresses.OfType<JsonObject>().ToList();
        var address = all.Find(a => Text(a, "address_type") == "physical") ?? all.FirstOrDefault();
        var line = address is null ? null : string.Join(", ", new[] { Text(address, "address_1"), Text(address, "address_2") }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var postal = address is null ? null : Text(address, "postal_code");
        var postcode = Postcodes.Normalise(postal) ?? Cut(postal?.Trim(), 10);
        var projected = (Cut(line, 300), Cut(address is null ? null : Text(address, "city"), 100), postcode, Postcodes.Outcode(postal));
        if ((location.AddressLine, location.City, location.Postcode, location.Outcode) == projected)
        {
            return false;
        }

        (location.AddressLine, location.City, location.Postcode, location.Outcode) = projected;
        return true;
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? Cut(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
