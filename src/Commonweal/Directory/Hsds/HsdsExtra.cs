using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// The Extra JSON of a record: the publisher's properties that are not columns, kept verbatim.
/// A property a document leaves out keeps its stored value, as for columns, so that a summary
/// document (a list item) does not erase what a full document said.
/// </summary>
public static class HsdsExtra
{
    /// <summary>One buffer and writer per thread, used again for every record (a new pair for each cost a tenth of the import's garbage).</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? output;

    /// <summary>
    /// The stored Extra with the document's extra properties set: those neither in
    /// <paramref name="notExtra"/> nor <paramref name="alsoNotExtra"/>. For a record with none stored
    /// (every new one), written straight from the document rather than from a copy of its nodes.
    /// </summary>
    public static string Merge(string stored, JsonObject document, HashSet<string> notExtra, Func<string, bool>? alsoNotExtra = null)
    {
        bool IsExtra(string name) => !notExtra.Contains(name) && !(alsoNotExtra?.Invoke(name) ?? false);

        if (stored != "{}")
        {
            var extra = Parse(stored);
            for (var i = 0; i < document.Count; i++)
            {
                var (name, value) = document.GetAt(i);
                if (IsExtra(name))
                {
                    extra[name] = value?.DeepClone();
                }
            }

            return extra.Count == 0 ? "{}" : extra.ToJsonString();
        }

        var (buffer, writer) = output ??= (new ArrayBufferWriter<byte>(), new Utf8JsonWriter(Stream.Null));
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        for (var i = 0; i < document.Count; i++)
        {
            var (name, value) = document.GetAt(i);
            if (IsExtra(name))
            {
                writer.WritePropertyName(name);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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
