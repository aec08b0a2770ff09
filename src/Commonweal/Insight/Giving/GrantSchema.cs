using System.Globalization;
using System.Text.RegularExpressions;
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
public static class GrantSchema
{
    private static readonly Lazy<Node> Schema = new(() => Compile(Load().ActualSchema, []));

    public static IEnumerable<(string Path, string Reason)> Validate(JToken grant)
    {
        var errors = new List<(string, string)>();
        Check(grant, Schema.Value, "", errors);
        return errors.Distinct();
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
        public JToken[] Enumeration = [];
        public Regex? Pattern;
        public string? Format;
        public decimal? Minimum;
        public int MinItems;
        public Node? Item;
        public string[] RequiredProperties = [];
        public (string Name, Node Schema)[] Properties = [];
        public Node[] OneOf = [];
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
        node.Enumeration = s.Enumeration.Select(e => e is null ? JValue.CreateNull() : JToken.FromObject(e)).ToArray();
        node.Pattern = s.Pattern is { } p ? new Regex(p, RegexOptions.CultureInvariant) : null;
        node.Format = s.Format;
        node.Minimum = s.Minimum;
        node.MinItems = s.MinItems;
        node.Item = s.Item is null ? null : Compile(s.Item, done);
        node.RequiredProperties = [.. s.RequiredProperties];
        node.Properties = [.. s.Properties.Select(kv => (kv.Key, Compile(kv.Value, done)))];
        node.OneOf = [.. s.OneOf.Select(o => Compile(o, done))];
        return node;
    }

    private static void Check(JToken token, Node s, string path, List<(string, string)> errors)
    {
        if (s.Type != JsonObjectType.None && !TypeMatches(token, s.Type))
        {
            errors.Add((path, Expected(s.Type)));
            return;
        }

        if (s.Enumeration.Length > 0 && !s.Enumeration.Any(e => JToken.DeepEquals(e, token)))
        {
            errors.Add((path, $"is not one of {string.Join(", ", s.Enumeration)}"));
        }

        switch (token)
        {
            case JValue { Type: JTokenType.String } text:
                var value = (string)text!;
                if (s.Pattern is { } pattern && !pattern.IsMatch(value))
                {
                    errors.Add((path, "is not in the form the standard asks for"));
                }

                if (s.Format == "date-time" && !IsDateTime(value))
                {
                    errors.Add((path, "is not a date in the form YYYY-MM-DD (or DD/MM/YYYY)"));
                }
                else if (s.Format == "uri" && !Uri.TryCreate(value, UriKind.Absolute, out _))
                {
                    errors.Add((path, "is not a web address"));
                }

                break;
            case JValue { Type: JTokenType.Integer or JTokenType.Float } number when s.Minimum is { } minimum && (decimal)number < minimum:
                errors.Add((path, $"must be {minimum.ToString(CultureInfo.InvariantCulture)} or more"));
                break;
            case JArray array:
                if (s.MinItems > 0 && array.Count < s.MinItems)
                {
                    errors.Add((path, "needs at least one item"));
                }

                if (s.Item is not null)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Check(array[i], s.Item, $"{path}[{i}]", errors);
                    }
                }

                break;
            case JObject obj:
                foreach (var required in s.RequiredProperties)
                {
                    if (obj[required] is null or { Type: JTokenType.Null })
                    {
                        errors.Add(($"{path}.{required}", "is required"));
                    }
                }

                foreach (var (name, property) in s.Properties)
                {
                    if (obj[name] is { } child)
                    {
                        Check(child, property, $"{path}.{name}", errors);
                    }
                }

                break;
        }

        if (s.OneOf.Length > 0)
        {
            OneOf(token, s.OneOf, path, errors);
        }
    }

    /// <summary>Exactly one branch must hold; when none does, the faults of the closest (a grant to an organisation is not told it lacks an individual).</summary>
    private static void OneOf(JToken token, Node[] branches, string path, List<(string, string)> errors)
    {
        var results = branches.Select(b =>
        {
            var found = new List<(string, string)>();
            Check(token, b, path, found);
            return found;
        }).ToList();
        var passing = results.Count(r => r.Count == 0);
        if (passing == 1)
        {
            return;
        }

        if (passing > 1)
        {
            errors.Add((path, "matches more than one of the forms the standard allows"));
            return;
        }

        errors.AddRange(results.OrderBy(r => r.Count).First());
    }

    private static bool TypeMatches(JToken token, JsonObjectType type) => token.Type switch
    {
        JTokenType.String => type.HasFlag(JsonObjectType.String),
        JTokenType.Integer => type.HasFlag(JsonObjectType.Integer) || type.HasFlag(JsonObjectType.Number),
        JTokenType.Float => type.HasFlag(JsonObjectType.Number),
        JTokenType.Boolean => type.HasFlag(JsonObjectType.Boolean),
        JTokenType.Array => type.HasFlag(JsonObjectType.Array),
        JTokenType.Object => type.HasFlag(JsonObjectType.Object),
        JTokenType.Null => type.HasFlag(JsonObjectType.Null),
        _ => false,
    };

    private static string Expected(JsonObjectType type) =>
        type.HasFlag(JsonObjectType.Number) || type.HasFlag(JsonObjectType.Integer) ? "must be a number"
        : type.HasFlag(JsonObjectType.String) ? "must be text"
        : type.HasFlag(JsonObjectType.Array) ? "must be a list"
        : type.HasFlag(JsonObjectType.Object) ? "must be an object"
        : $"must be of type {type}";

    /// <summary>RFC 3339 date-time: a date, "T", a time and an offset.</summary>
    private static bool IsDateTime(string value) =>
        value.Length >= 20 && value[10] is 'T' or 't'
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        && (value.EndsWith('Z') || value.EndsWith('z') || value[^6] is '+' or '-');
}
