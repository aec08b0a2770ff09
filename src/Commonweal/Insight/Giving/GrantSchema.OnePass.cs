using System.Text;
using System.Text.Json;
using NJsonSchema;

namespace Commonweal.Insight.Giving;

/// <summary>
/// The same plan of checks walked in one pass over a grant's bytes (<see cref="Utf8JsonReader"/>
/// tokens), without building a document, with the quirks put right as each value is met. It only
/// says "passes": a grant it cannot pass (a fault, or a form it does not read, such as a name given
/// twice) is walked again by <see cref="Validate"/>, which names the faults. So a grant passes here
/// only when that walk would find no fault, and every message still comes from one place.
/// </summary>
public static partial class GrantSchema
{
    private static readonly JsonReaderOptions OnePassOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// True when the grant passes the schema with its quirks put right; <paramref name="picked"/> then
    /// holds the values <paramref name="plan"/> asks for, as corrected. False means: check it with <see cref="Validate"/>.
    /// </summary>
    public static bool TryPass(ReadOnlySpan<byte> json, PickPlan plan, Picked[] picked)
    {
        var schema = Schema.Value;
        if (!plan.Usable)
        {
            return false;
        }

        Array.Clear(picked);
        var reader = new Utf8JsonReader(json, OnePassOptions);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && Container(ref reader, schema, new Place(Place.Root, false), plan, picked)
                && !reader.Read();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or text that is not UTF-8: the full walk reports it as it always has.
            return false;
        }
    }

    /// <summary>
    /// Values of a grant the importer keeps, each a property of the grant (<c>id</c>) or of the first
    /// item of one of its lists (<c>recipientOrganization[0].id</c>), numbered in the order given.
    /// </summary>
    public sealed class PickPlan
    {
        private readonly int[] slots;
        private readonly int names;

        public PickPlan(params string[] paths)
        {
            _ = Schema.Value;
            names = NameIds.Count;
            slots = new int[(names + 1) * names];
            Array.Fill(slots, -1);
            Usable = true;
            for (var i = 0; i < paths.Length; i++)
            {
                var path = paths[i];
                var dot = path.IndexOf("[0].", StringComparison.Ordinal);
                var (list, name) = dot < 0 ? (null, path) : (path[..dot], path[(dot + 4)..]);
                // A name the schema does not use is never met by the walk: only the full walk would find it.
                if (!NameIds.TryGetValue(name, out var id) || (list is not null && !NameIds.ContainsKey(list)))
                {
                    Usable = false;
                    continue;
                }

                slots[Slot(list is null ? Place.Root : NameIds[list], id)] = i;
            }

            Count = paths.Length;
            Usable &= QuirkIds.Value is not null;
        }

        public int Count { get; }

        internal bool Usable { get; }

        internal int Find(int container, int id) => container < Place.Root ? -1 : slots[Slot(container, id)];

        private int Slot(int container, int id) => (container + 1) * names + id;
    }

    /// <summary>A value picked out of a grant: its kind, and its text or number.</summary>
    public record struct Picked(JsonTokenType Kind, string? Text, decimal? Number);

    /// <summary>Where the walk is: the grant itself, the first item of one of its lists (by name id), or elsewhere; and whether in an item of planned or actual dates.</summary>
    private readonly record struct Place(int Container, bool InEvent)
    {
        public const int Root = -1;
        public const int Elsewhere = -2;

        public bool IsRoot => Container == Root;
    }

    /// <summary>The name ids of the properties <see cref="GrantQuirks"/> puts right; null when the schema lacks one of them.</summary>
    private sealed record Quirks(int[] Amounts, int[] GrantDates, int[] EventLists, int[] EventDates, int Duration);

    private static readonly Lazy<Quirks?> QuirkIds = new(() =>
    {
        _ = Schema.Value;
        int[]? Ids(IEnumerable<string> names) => names.All(NameIds.ContainsKey) ? [.. names.Select(n => NameIds[n])] : null;
        return (Ids(GrantQuirks.AmountProperties), Ids(GrantQuirks.GrantDates), Ids(GrantQuirks.EventLists), Ids(GrantQuirks.EventDates), Ids([GrantQuirks.Duration])) is
            ({ } amounts, { } dates, { } lists, { } eventDates, [var duration])
            ? new Quirks(amounts, dates, lists, eventDates, duration)
            : null;
    });

    /// <summary>An object or list, the reader on its first token; afterwards on its last.</summary>
    private static bool Container(ref Utf8JsonReader reader, Node s, Place place, PickPlan plan, Picked[] picked)
    {
        var isObject = reader.TokenType == JsonTokenType.StartObject;
        if ((s.Type != JsonObjectType.None && !Has(s.Type, isObject ? JsonObjectType.Object : JsonObjectType.Array)) || s.Enumeration.Length > 0)
        {
            return false;
        }

        if (isObject)
        {
            // Which of the schema's names are present and not null, for "required" here and in "one of".
            Span<bool> present = stackalloc bool[NameIds.Count];
            if (s.Properties.Length > 0 || s.RequiredProperties.Length > 0 || s.OneOf.Length > 0)
            {
                if (!Properties(ref reader, s, place, present, plan, picked))
                {
                    return false;
                }
            }
            else
            {
                reader.Skip();
            }

            return Required(s, present) && OneOfContainer(s.OneOf, JsonObjectType.Object, present);
        }

        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (s.Item is null)
            {
                reader.Skip();
            }
            else if (!Item(ref reader, s.Item, place, count, plan, picked))
            {
                return false;
            }

            count++;
        }

        return count >= s.MinItems && OneOfContainer(s.OneOf, JsonObjectType.Array, []);
    }

    private static bool Item(ref Utf8JsonReader reader, Node s, Place list, int index, PickPlan plan, Picked[] picked)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var isObject = reader.TokenType == JsonTokenType.StartObject;
            var place = new Place(index == 0 && isObject ? list.Container : Place.Elsewhere, list.InEvent && isObject);
            return Container(ref reader, s, place, plan, picked);
        }

        return Scalar(Value.Of(ref reader, s.ReadsText), s);
    }

    private static bool Properties(ref Utf8JsonReader reader, Node s, Place place, scoped Span<bool> present, PickPlan plan, Picked[] picked)
    {
        Span<bool> seen = stackalloc bool[NameIds.Count];
        Span<char> buffer = stackalloc char[128];
        var quirks = QuirkIds.Value!;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var id = NameId(ref reader, buffer);
            reader.Read();
            if (id < 0)
            {
                reader.Skip();
                continue;
            }

            // A name given twice: the full walk reads its last value, as everything else does.
            if (seen[id])
            {
                return false;
            }

            seen[id] = true;
            present[id] = reader.TokenType != JsonTokenType.Null;
            var schema = s.PropertyById[id];
            var pick = plan.Find(place.Container, id);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (pick >= 0)
                {
                    picked[pick] = new(reader.TokenType, null, null);
                }

                if (schema is null)
                {
                    reader.Skip();
                    continue;
                }

                // Picks and quirks reach into the items of the grant's own lists only.
                var inner = place.IsRoot && reader.TokenType == JsonTokenType.StartArray
                    ? new Place(id, quirks.EventLists.Contains(id))
                    : new Place(Place.Elsewhere, false);
                if (!Container(ref reader, schema, inner, plan, picked))
                {
                    return false;
                }

                continue;
            }

            var correctable = Correctable(id, place, quirks);
            var value = Value.Of(ref reader, pick >= 0 || correctable != Correction.None || schema is { ReadsText: true });
            if (correctable != Correction.None)
            {
                value = Corrected(value, correctable);
            }

            if (pick >= 0)
            {
                picked[pick] = new(value.Kind, value.Text, value.Number);
            }

            if (schema is not null && !Scalar(value, schema))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A property's name id, or -1 when the schema does not use the name.</summary>
    private static int NameId(ref Utf8JsonReader reader, scoped Span<char> buffer)
    {
        var raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped && raw.Length <= buffer.Length)
        {
            return NameIdsOfText.TryGetValue(buffer[..Encoding.UTF8.GetChars(raw, buffer)], out var id) ? id : -1;
        }

        return NameIds.TryGetValue(reader.GetString()!, out var named) ? named : -1;
    }

    private enum Correction
    {
        None,
        Amount,
        Date,
    }

    /// <summary>Which of <see cref="GrantQuirks.Corrections"/> applies to a property here: amounts and durations written as text, or dates.</summary>
    private static Correction Correctable(int id, Place place, Quirks quirks) =>
        (place.IsRoot && quirks.Amounts.Contains(id)) || (place.InEvent && id == quirks.Duration) ? Correction.Amount
        : (place.IsRoot && quirks.GrantDates.Contains(id)) || (place.InEvent && quirks.EventDates.Contains(id)) ? Correction.Date
        : Correction.None;

    private static Value Corrected(Value value, Correction correction) => value.Text is not { } text ? value
        : correction == Correction.Amount ? (GrantQuirks.ParseAmount(text) is { } number ? Value.OfNumber(number) : value)
        : GrantQuirks.ParseDate(text) is { } day ? Value.OfText(GrantQuirks.DateTimeText(day)) : value;

    /// <summary>A value that is not an object or a list, with everything the checks read of it.</summary>
    private readonly record struct Value(JsonTokenType Kind, string? Text, decimal? Number, bool Whole)
    {
        /// <summary>The value the reader is on; text is read out only when <paramref name="text"/> says it will be looked at.</summary>
        public static Value Of(ref Utf8JsonReader reader, bool text) => reader.TokenType switch
        {
            JsonTokenType.String => text ? OfText(reader.GetString()!) : new(JsonTokenType.String, null, null, false),
            JsonTokenType.Number => new(JsonTokenType.Number, null, reader.TryGetDecimal(out var number) ? number : null, reader.ValueSpan.IndexOfAny(".eE"u8) < 0),
            var kind => new(kind, null, null, false),
        };

        public static Value OfText(string text) => new(JsonTokenType.String, text, null, false);

        /// <summary>
        /// As the corrected grant holds it, written out as the number's text: "1250.50" is not whole. A
        /// decimal's text has a point exactly when its scale is not 0 (it keeps its trailing zeros).
        /// </summary>
        public static Value OfNumber(decimal number) => new(JsonTokenType.Number, null, number, number.Scale == 0);
    }

    private static bool Scalar(Value value, Node s)
    {
        var typeMatches = value.Kind switch
        {
            JsonTokenType.String => Has(s.Type, JsonObjectType.String),
            JsonTokenType.Number => Has(s.Type, JsonObjectType.Number) || (Has(s.Type, JsonObjectType.Integer) && value.Whole),
            JsonTokenType.True or JsonTokenType.False => Has(s.Type, JsonObjectType.Boolean),
            JsonTokenType.Null => Has(s.Type, JsonObjectType.Null),
            _ => false,
        };
        if (s.Type != JsonObjectType.None && !typeMatches)
        {
            return false;
        }

        // Only enumerations of text are read here (the schema's are); any other is left to the full walk.
        if (s.Enumeration.Length > 0 && (s.TextEnumeration is not { } texts || value.Text is not { } text || !texts.Contains(text)))
        {
            return false;
        }

        if (value.Text is { } t && (s.Pattern is not null || s.Format is not null))
        {
            if ((s.Pattern is { } pattern && !pattern.IsMatch(t))
                || (s.Format == "date-time" && !IsDateTime(t))
                || (s.Format == "uri" && !IsWebAddress(t)))
            {
                return false;
            }
        }

        if (value.Kind == JsonTokenType.Number && s.Minimum is { } minimum && (value.Number is not { } n || n < minimum))
        {
            return false;
        }

        if (s.OneOf.Length == 0)
        {
            return true;
        }

        var passing = 0;
        foreach (var branch in s.OneOf)
        {
            passing += Scalar(value, branch) ? 1 : 0;
        }

        return passing == 1;
    }

    private static bool Required(Node s, ReadOnlySpan<bool> present)
    {
        foreach (var (_, id) in s.RequiredProperties)
        {
            if (!present[id])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"One of" on an object or a list, for branches that only name a type and required properties (the schema's are); any other is left to the full walk.</summary>
    private static bool OneOfContainer(Node[] branches, JsonObjectType kind, ReadOnlySpan<bool> present)
    {
        if (branches.Length == 0)
        {
            return true;
        }

        var passing = 0;
        foreach (var branch in branches)
        {
            if (!branch.OnlyTypeAndRequired)
            {
                return false;
            }

            var passes = (branch.Type == JsonObjectType.None || Has(branch.Type, kind))
                && (kind != JsonObjectType.Object || branch.RequiredProperties.Length == 0 || Required(branch, present));
            passing += passes ? 1 : 0;
        }

        return passing == 1;
    }

    /// <summary>Web addresses already found good on this thread: most grants repeat their publisher's and their funder's.</summary>
    [ThreadStatic]
    private static HashSet<string>? goodAddresses;

    private static bool IsWebAddress(string text)
    {
        var known = goodAddresses ??= new(StringComparer.Ordinal);
        if (known.Contains(text))
        {
            return true;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            return false;
        }

        if (known.Count > 10_000)
        {
            known.Clear();
        }

        known.Add(text);
        return true;
    }
}
