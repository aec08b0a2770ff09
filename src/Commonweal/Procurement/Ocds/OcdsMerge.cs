using System.Text.Json.Nodes;

namespace Commonweal.Procurement.Ocds;

/// <summary>
/// Compiles a record's releases into one compiled release, by the OCDS 1.1 merging rules: the
/// releases are taken in date order and later values win; objects merge field by field; an array
/// whose items are all objects with an <c>id</c> merges item by item, matched by id; any other array
/// (and the whole-list fields, additional identifiers and classifications) is replaced whole; a
/// null removes the field. The release's own <c>id</c>, <c>date</c> and <c>tag</c> are not merged:
/// the compiled release has the latest date, the tag <c>compiled</c> and the id ocid-date.
/// </summary>
public static class OcdsMerge
{
    private static readonly HashSet<string> OmittedWhenMerged = ["id", "date", "tag"];
    private static readonly HashSet<string> WholeListMerge = ["additionalIdentifiers", "additionalClassifications"];

    public static JsonObject Compile(IEnumerable<JsonObject> releases)
    {
        var ordered = releases.Select((r, i) => (Release: r, Index: i))
            .OrderBy(x => DateOf(x.Release)).ThenBy(x => x.Index).Select(x => x.Release).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("A record has at least one release.", nameof(releases));
        }

        var compiled = new JsonObject();
        foreach (var release in ordered)
        {
            foreach (var (name, value) in release)
            {
                if (!OmittedWhenMerged.Contains(name))
                {
                    Set(compiled, name, value);
                }
            }
        }

        var last = ordered[^1];
        var ocid = (string?)last["ocid"] ?? "";
        var date = (string?)last["date"] ?? "";
        var result = new JsonObject { ["ocid"] = ocid, ["id"] = $"{ocid}-{date}", ["date"] = date, ["tag"] = new JsonArray("compiled") };
        foreach (var (name, value) in compiled.ToList())
        {
            if (name != "ocid")
            {
                compiled.Remove(name);
                result[name] = value;
            }
        }

        return result;
    }

    public static DateTimeOffset DateOf(JsonObject release) =>
        release["date"] is JsonValue v && v.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : DateTimeOffset.MinValue;

    private static void Set(JsonObject target, string name, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(name);
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                if (target[name] is not JsonObject existing)
                {
                    existing = new JsonObject();
                    target[name] = existing;
                }

                foreach (var (child, childValue) in obj)
                {
                    Set(existing, child, childValue);
                }

                break;
            case JsonArray array when !WholeListMerge.Contains(name) && IsIdentified(array):
                if (target[name] is not JsonArray merged || !IsIdentified(merged))
                {
                    merged = new JsonArray();
                    target[name] = merged;
                }

                foreach (var item in array.Cast<JsonObject>())
                {
                    var id = Id(item);
                    var match = merged.Cast<JsonObject>().FirstOrDefault(m => Id(m) == id);
                    if (match is null)
                    {
                        match = new JsonObject();
                        merged.Add(match);
                    }

                    foreach (var (child, childValue) in item)
                    {
                        Set(match, child, childValue);
                    }
                }

                break;
            default:
                target[name] = value.DeepClone();
                break;
        }
    }

    /// <summary>Every item an object with an id: merged by id. (An empty array replaces.)</summary>
    private static bool IsIdentified(JsonArray array) =>
        array.Count > 0 && array.All(i => i is JsonObject o && o["id"] is JsonValue);

    /// <summary>Ids compare as text: 1 and "1" are the same item.</summary>
    private static string Id(JsonObject o) => o["id"] is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : "";
}
