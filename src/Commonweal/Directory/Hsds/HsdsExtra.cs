using System.Text.Json.Nodes;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// The Extra JSON of a record: the publisher's properties that are not columns, kept verbatim.
/// A property a document leaves out keeps its stored value, as for columns, so that a summary
/// document (a list item) does not erase what a full document said.
/// </summary>
public static class HsdsExtra
{
    public static string Merge(string stored, JsonObject document, Func<string, bool> isHandled, Func<string, bool>? isColumn = null)
    {
        var extra = Parse(stored);
        foreach (var (name, value) in document)
        {
            if (!isHandled(name) && !(isColumn?.Invoke(name) ?? false))
            {
                extra[name] = value?.DeepClone();
            }
        }

        return extra.Count == 0 ? "{}" : extra.ToJsonString();
    }

    /// <summary>Adds the stored properties the target does not already have from columns.</summary>
    public static void AddTo(JsonObject target, string stored)
    {
        if (stored == "{}")
        {
            return;
        }

        foreach (var (name, value) in Parse(stored))
        {
            if (!target.ContainsKey(name))
            {
                target[name] = value?.DeepClone();
            }
        }
    }

    public static JsonNode? Get(string stored, string name) => stored == "{}" ? null : Parse(stored)[name];

    private static JsonObject Parse(string stored) =>
        stored == "{}" ? [] : JsonNode.Parse(stored) as JsonObject ?? [];
}
