using System.Globalization;
using System.Text.RegularExpressions;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Commonweal.Insight.Giving;

/// <summary>
/// The 360Giving 1.4 grant schema (the standard's file, embedded), loaded once by NJsonSchema and
/// applied by a walk of its resolved schema model. NJsonSchema's own validator takes milliseconds
/// a grant; this walk checks the keywords the 360Giving schema uses (type, required, properties,
/// items, minItems, minimum, enum, pattern, format date-time and uri, oneOf) in microseconds, which
/// is what an import of 50,000 grants a second needs. A keyword the walk does not know fails loudly
/// at load, so a new schema version cannot be half-checked.
/// </summary>
public static partial class GrantSchema
{
    /// <summary>Every property name the schema uses, numbered: a grant's properties are found by number, not by searching.</summary>
    private static readonly Dictionary<string, int> NameIds = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NameIdsOfText = NameIds.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Lazy<Node> Schema = new(() =>
    {
        var nodes = new Dictionary<JsonSchema, Node>();
        var root = Compile(Load().ActualSchema, nodes);
        foreach (var node in nodes.Values)
        {
            node.Finish(NameIds.Count);
        }

        return root;
    });

    /// <summary>The grant's faults (where, as a path from the grant such as ".plannedDates[0].endDate", and why), in the schema's order.</summary>
    public static IEnumerable<(string Path, string Reason)> Validate(GrantValue grant)
    {
        var errors = new List<(string, string)>();
        var trail = walker ??= new Walker();
        trail.Start();
        Check(grant, Schema.Value, trail, errors);
        return errors.Count == 0 ? errors : errors.Distinct();
    }

    /// <summary>A build made without the shared fixtures reads the standard's file where COMMONWEAL_FIXTURES says it is.</summary>
    private static FileStream? FromFixtures() =>
        Environment.GetEnvironmentVariable("COMMONWEAL_FIXTURES") is { Length: > 0 } folder
        && Path.Combine(folder, "360giving", "schema", "360-giving-schema.json") is var path && File.Exists(path)
            ? File.OpenRead(path)
            : null;

    private static JsonSchema Load()
    {
        using var stream = typeof(GrantSchema).Assembly.GetManifestResourceStream("Commonweal.Insight.Giving.360-giving-schema.json")
            ?? FromFixtures()
            ?? throw new InvalidOperationException(
                "The 360Giving schema is not available: build beside shared/fixtures, or set COMMONWEAL_FIXTURES to a folder holding 360giving/schema/360-giving-schema.json.");
        using var reader = new StreamReader(stream);
        // The standard is written in draft 2020-12, whose "$defs" NJsonSchema 11 does not resolve;
        // under the draft 4 name "definitions" the same definitions resolve.
        var text = reader.ReadToEnd()
            .Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal)
            .Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal);
        var schema = JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
        foreach (var s in Walk(schema.ActualSchema, []))
        {
            if (s.AllOf.Count > 0 || s.AnyOf.Count > 0 || s.Not is not null || s.MaxLength is not null || s.MinLength is not null || s.Maximum is not null)
            {
                throw new InvalidOperationException("The 360Giving schema uses a keyword the grant check does not apply.");
            }
        }

        return schema;
    }

    private static IEnumerable<JsonSchema> Walk(JsonSchema schema, HashSet<JsonSchema> seen)
    {
        var s = schema.ActualSchema;
        if (!seen.Add(s))
        {
            yield break;
        }

        yield return s;
        var children = s.Properties.Values.Cast<JsonSchema>().Concat(s.OneOf);
        if (s.Item is not null)
        {
            children = children.Append(s.Item);
        }

        foreach (var child in children)
        {
            foreach (var found in Walk(child, seen))
            {
                yield return found;
            }
        }
    }

    /// <summary>The schema model flattened once into plain fields: reading NJsonSchema's model on every grant costs most of the check.</summary>
    private sealed class Node
    {
        public JsonObjectType Type;
        public JsonElement[] Enumeration = [];
        /// <summary>An enumeration of text only (the currency codes), looked up rather than compared one by one.</summary>
        public HashSet<string>? TextEnumeration;
        public string EnumerationFault = "";
        public Regex? Pattern;
        public string? Format;
        public decimal? Minimum;
        public int MinItems;
        public Node? Item;
        public (string Name, int Id)[] RequiredProperties = [];
        public (string Name, int Id, Node Schema)[] Properties = [];
        public Node[] OneOf = [];

        /// <summary>Each property's schema by name id (null for a name this object does not describe), for the one-pass walk.</summary>
        public Node?[] PropertyById = [];

        /// <summary>Whether a check here (or in a "one of" branch) reads a text value: a pattern, a format or an enumeration.</summary>
        public bool ReadsText;

        /// <summary>Whether this only names a type and required properties, as the grant's "one of" branches do.</summary>
        public bool OnlyTypeAndRequired;

        /// <summary>Fills in what the one-pass walk reads, once every name has its id.</summary>
        public void Finish(int names)
        {
            PropertyById = new Node?[names];
            foreach (var (_, id, schema) in Properties)
            {
                PropertyById[id] = schema;
            }

            ReadsText = ReadsTextDeep(this);
            OnlyTypeAndRequired = Enumeration.Length == 0 && Pattern is null && Format is null && Minimum is null && MinItems == 0
                && Item is null && Properties.Length == 0 && OneOf.Length == 0;
        }

        private static bool ReadsTextDeep(Node node) =>
            node.Enumeration.Length > 0 || node.Pattern is not null || node.Format is not null || node.OneOf.Any(ReadsTextDeep);
    }

    private static Node Compile(JsonSchema schema, Dictionary<JsonSchema, Node> done)
    {
        var s = schema.ActualSchema;
        if (done.TryGetValue(s, out var existing))
        {
            return existing;
        }

        var node = new Node();
        done[s] = node;
        node.Type = s.Type;
        var enumeration = s.Enumeration.Select(e => e is null ? JValue.CreateNull() : JToken.FromObject(e)).ToArray();
        node.Enumeration = [.. enumeration.Select(e => JsonElement.Parse(e.ToString(Formatting.None)))];
        node.TextEnumeration = enumeration.Length > 0 && enumeration.All(e => e.Type == JTokenType.String)
            ? [.. enumeration.Select(e => (string)e!)]
            : null;
        node.EnumerationFault = $"is not one of {string.Join(", ", enumeration.Select(e => e.ToString()))}";
        node.Pattern = s.Pattern is { } p ? new Regex(p, RegexOptions.CultureInvariant) : null;
        node.Format = s.Format;
        node.Minimum = s.Minimum;
        node.MinItems = s.MinItems;
        node.Item = s.Item is null ? null : Compile(s.Item, done);
        // Names in UTF-8, as the parsed grant holds them, so finding a property converts nothing.
        node.RequiredProperties = [.. s.RequiredProperties.Select(name => (name, IdOf(name)))];
        node.Properties = [.. s.Properties.Select(kv => (kv.Key, IdOf(kv.Key), Compile(kv.Value, done)))];
        node.OneOf = [.. s.OneOf.Select(o => Compile(o, done))];
        return node;
    }

    private static int IdOf(string name)
    {
        if (!NameIds.TryGetValue(name, out var id))
        {
            NameIds[name] = id = NameIds.Count;
        }

        return id;
    }

    /// <summary>
    /// One thread's walk through grant after grant: where it is (".recipientOrganization[0].id"),
    /// kept as steps and written out only for a fault, since nearly every value checked passes; and
    /// the scratch space the walk reuses rather than allocating for each grant.
    /// </summary>
    private sealed class Walker
    {
        private readonly List<(string? Name, int Index)> steps = [];
        private readonly Stack<JsonElement[]> spareSlots = new();
        private readonly Stack<List<(string, string)>> spareLists = new();

        public void Start() => steps.Clear();

        public void Enter(string name) => steps.Add((name, 0));

        public void Enter(int index) => steps.Add((null, index));

        public void Leave() => steps.RemoveAt(steps.Count - 1);

        public string Here(string? then = null)
        {
            var path = new StringBuilder();
            foreach (var (name, index) in steps)
            {
                _ = name is null ? path.Append('[').Append(index).Append(']') : path.Append('.').Append(name);
            }

            return then is null ? path.ToString() : path.Append('.').Append(then).ToString();
        }

        /// <summary>A slot for each of the schema's property names, all empty.</summary>
        public JsonElement[] Slots() => spareSlots.TryPop(out var slots) ? slots : new JsonElement[NameIds.Count];

        public void Return(JsonElement[] slots)
        {
            Array.Clear(slots);
            spareSlots.Push(slots);
        }

        public List<(string, string)> List() => spareLists.TryPop(out var list) ? list : [];

        public void Return(List<(string, string)> list)
        {
            list.Clear();
            spareLists.Push(list);
        }
    }

    [ThreadStatic]
    private static Walker? walker;

    private static void Check(GrantValue value, Node s, Walker trail, List<(string, string)> errors)
    {
        var element = value.Element;
        if (s.Type != JsonObjectType.None && !TypeMatches(element, s.Type))
        {
            errors.Add((trail.Here(), Expected(s.Type)));
            return;
        }

        if (s.Enumeration.Length > 0 && !InEnumeration(element, s))
        {
            errors.Add((trail.Here(), s.EnumerationFault));
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String when s.Pattern is not null || s.Format is not null:
                var text = element.GetString()!;
                if (s.Pattern is { } pattern && !pattern.IsMatch(text))
                {
                    errors.Add((trail.Here(), "is not in the form the standard asks for"));
                }

                if (s.Format == "date-time" && !IsDateTime(text))
                {
                    errors.Add((trail.Here(), "is not a date in the form YYYY-MM-DD (or DD/MM/YYYY)"));
                }
                else if (s.Format == "uri" && !Uri.TryCreate(text, UriKind.Absolute, out _))
                {
                    errors.Add((trail.Here(), "is not a web address"));
                }

                break;
            case JsonValueKind.Number when s.Minimum is { } minimum && Below(element, minimum):
                errors.Add((trail.Here(), $"must be {minimum.ToString(CultureInfo.InvariantCulture)} or more"));
                break;
            case JsonValueKind.Array:
                var length = value.Length;
                if (s.MinItems > 0 && length < s.MinItems)
                {
                    errors.Add((trail.Here(), "needs at least one item"));
                }

                if (s.Item is not null)
                {
                    for (var i = 0; i < length; i++)
                    {
                        trail.Enter(i);
                        Check(value.Item(i), s.Item, trail, errors);
                        trail.Leave();
                    }
                }

                break;
            case JsonValueKind.Object when s.Properties.Length > 0 || s.RequiredProperties.Length > 0:
                Properties(value, s, trail, errors);
                break;
        }

        if (s.OneOf.Length > 0)
        {
            OneOf(value, s.OneOf, trail, errors);
        }
    }

    /// <summary>
    /// The object's required properties, then those the schema describes, in the schema's order. The
    /// object is read in one pass, each property put in the slot its name has, rather than searched
    /// for each name the schema has (most of which a grant does not use).
    /// </summary>
    private static void Properties(GrantValue value, Node s, Walker trail, List<(string, string)> errors)
    {
        var found = trail.Slots();
        Span<char> buffer = stackalloc char[128];
        foreach (var property in value.Element.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            var id = -1;
            var known = raw.IndexOf((byte)'\\') < 0 && raw.Length <= buffer.Length
                ? NameIdsOfText.TryGetValue(buffer[..Encoding.UTF8.GetChars(raw, buffer)], out id)
                : NameIds.TryGetValue(property.Name, out id);
            if (known)
            {
                // A name given twice counts once, as its last value, as everywhere else the grant is read.
                found[id] = property.Value;
            }
        }

        foreach (var (name, id) in s.RequiredProperties)
        {
            if (found[id].ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                errors.Add((trail.Here(name), "is required"));
            }
        }

        foreach (var (name, id, schema) in s.Properties)
        {
            if (found[id].ValueKind != JsonValueKind.Undefined)
            {
                trail.Enter(name);
                Check(new GrantValue(found[id], value.Correction?.Property(name)), schema, trail, errors);
                trail.Leave();
            }
        }

        trail.Return(found);
    }

    /// <summary>Exactly one branch must hold; when none does, the faults of the closest (a grant to an organisation is not told it lacks an individual).</summary>
    private static void OneOf(GrantValue value, Node[] branches, Walker trail, List<(string, string)> errors)
    {
        var passing = 0;
        List<(string, string)>? closest = null;
        foreach (var branch in branches)
        {
            var found = trail.List();
            Check(value, branch, trail, found);
            passing += found.Count == 0 ? 1 : 0;
            if (closest is null || found.Count < closest.Count)
            {
                (closest, found) = (found, closest);
            }

            if (found is not null)
            {
                trail.Return(found);
            }
        }

        if (passing > 1)
        {
            errors.Add((trail.Here(), "matches more than one of the forms the standard allows"));
        }
        else if (passing == 0)
        {
            errors.AddRange(closest!);
        }

        trail.Return(closest!);
    }

    private static bool InEnumeration(JsonElement element, Node s) => s.TextEnumeration is { } texts
        ? element.ValueKind == JsonValueKind.String && texts.Contains(element.GetString()!)
        : s.Enumeration.Any(e => JsonElement.DeepEquals(e, element));

    private static bool Below(JsonElement number, decimal minimum) =>
        number.TryGetDecimal(out var value) ? value < minimum : number.GetDouble() < (double)minimum;

    /// <summary>
    /// Whether a schema's type allows a kind of value. Not <see cref="Enum.HasFlag"/>: code compiled ahead
    /// of time boxes an enum from another assembly for it, which was twice for every value of every grant.
    /// </summary>
    private static bool Has(JsonObjectType type, JsonObjectType kind) => (type & kind) != 0;

    /// <summary>As JSON Schema counts types: a whole number is an integer and a number; one written with a point or an exponent is a number only.</summary>
    private static bool TypeMatches(JsonElement element, JsonObjectType type) => element.ValueKind switch
    {
        JsonValueKind.String => Has(type, JsonObjectType.String),
        JsonValueKind.Number => Has(type, JsonObjectType.Number) || (Has(type, JsonObjectType.Integer) && IsWhole(element)),
        JsonValueKind.True or JsonValueKind.False => Has(type, JsonObjectType.Boolean),
        JsonValueKind.Array => Has(type, JsonObjectType.Array),
        JsonValueKind.Object => Has(type, JsonObjectType.Object),
        JsonValueKind.Null => Has(type, JsonObjectType.Null),
        _ => false,
    };

    private static bool IsWhole(JsonElement number) => JsonMarshal.GetRawUtf8Value(number).IndexOfAny(".eE"u8) < 0;

    private static string Expected(JsonObjectType type) =>
        Has(type, JsonObjectType.Number) || Has(type, JsonObjectType.Integer) ? "must be a number"
        : Has(type, JsonObjectType.String) ? "must be text"
        : Has(type, JsonObjectType.Array) ? "must be a list"
        : Has(type, JsonObjectType.Object) ? "must be an object"
        : $"must be of type {type}";

    /// <summary>RFC 3339 date-time: a date, "T", a time and an offset.</summary>
    private static bool IsDateTime(string value) => StrictDates.TryDateTime(value, out _) || (value.Length >= 20 && value[10] is 'T' or 't'
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        && (value.EndsWith('Z') || value.EndsWith('z') || value[^6] is '+' or '-'));
}
