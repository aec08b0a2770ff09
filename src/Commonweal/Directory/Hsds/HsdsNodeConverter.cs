using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// Reads an HSDS document into a <see cref="JsonNode"/> tree built at once, each string made once.
/// System.Text.Json's own nodes wrap the parsed document and make a new string every time a value is
/// read; the import reads each value several times (checking, collecting ids, applying, keeping Extra),
/// so that a 1 KB document cost 10 KB of strings and the collector a sixth of the import.
/// Numbers keep their exact text (they are few), so that Extra writes them back as they came.
/// A property named twice in one object is refused as malformed JSON.
/// </summary>
internal sealed class HsdsNodeConverter : JsonConverter<JsonNode>
{
    /// <summary>Property names already made, bounded, so that a file of made-up names cannot make it grow without end.</summary>
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownNames = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    public override bool HandleNull => true;

    public override JsonNode? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Node(ref reader);

    public override void Write(Utf8JsonWriter writer, JsonNode value, JsonSerializerOptions options) => value.WriteTo(writer);

    /// <summary>A property's name, the same string for the same name: every document repeats the same few dozen.</summary>
    private static string PropertyName(ref Utf8JsonReader reader)
    {
        const int Longest = 64;
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > Longest)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[Longest];
        var name = chars[..reader.CopyString(chars)];
        if (KnownNames.TryGetValue(name, out var known))
        {
            return known;
        }

        var made = name.ToString();
        if (Names.Count < 1_000)
        {
            Names.TryAdd(made, made);
        }

        return made;
    }

    private static JsonNode? Node(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = PropertyName(ref reader);
                    reader.Read();
                    if (!obj.TryAdd(name, Node(ref reader)))
                    {
                        throw new JsonException($"the property '{name}' appears twice in one object");
                    }
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(Node(ref reader));
                }

                return array;
            case JsonTokenType.String:
                return JsonValue.Create(reader.GetString()!);
            case JsonTokenType.True or JsonTokenType.False:
                return JsonValue.Create(reader.GetBoolean());
            case JsonTokenType.Null:
                return null;
            default:
                return JsonValue.Create(JsonElement.ParseValue(ref reader));
        }
    }
}
