using System.Text.Json;
using System.Text.Json.Nodes;

namespace Commonweal.Tests.Directory;

/// <summary>Deep comparison for round trips: every property the input has, the output has with the same value.</summary>
public static class HsdsJson
{
    public static List<string> Missing(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var differences = new List<string>();
        Compare(expected, actual, path, differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected)
        {
            case null:
                if (actual is not null)
                {
                    differences.Add($"{path}: expected null, found {actual.ToJsonString()}");
                }

                break;
            case JsonObject obj:
                if (actual is not JsonObject other)
                {
                    differences.Add($"{path}: expected an object");
                    return;
                }

                foreach (var (name, value) in obj)
                {
                    if (!other.ContainsKey(name))
                    {
                        differences.Add($"{path}.{name}: missing");
                    }
                    else
                    {
                        Compare(value, other[name], $"{path}.{name}", differences);
                    }
                }

                break;
            case JsonArray array:
                if (actual is not JsonArray items)
                {
                    differences.Add($"{path}: expected an array");
                    return;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    var id = (array[i] as JsonObject)?["id"]?.ToString();
                    var match = id is null ? (i < items.Count ? items[i] : null) : items.FirstOrDefault(item => (item as JsonObject)?["id"]?.ToString() == id);
                    if (match is null)
                    {
                        differences.Add($"{path}[{id ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]: missing");
                    }
                    else
                    {
                        Compare(array[i], match, $"{path}[{i}]", differences);
                    }
                }

                break;
            default:
                if (!SameValue(expected, actual))
                {
                    differences.Add($"{path}: expected {expected.ToJsonString()}, found {actual?.ToJsonString() ?? "nothing"}");
                }

                break;
        }
    }

    private static bool SameValue(JsonNode expected, JsonNode? actual) =>
        actual is not null && (expected.GetValueKind() == JsonValueKind.Number && actual.GetValueKind() == JsonValueKind.Number
            ? expected.GetValue<decimal>() == actual.GetValue<decimal>()
            : JsonNode.DeepEquals(expected, actual));
}
