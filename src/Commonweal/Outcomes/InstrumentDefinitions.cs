using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Commonweal.Outcomes;

/// <summary>A fault in a definition file: the JSON path at fault ("$.scales[1].conversion") and why.</summary>
public sealed record DefinitionError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

public sealed record DefinitionParse(InstrumentDefinition? Definition, IReadOnlyList<DefinitionError> Errors)
{
    public bool IsValid => Definition is not null && Errors.Count == 0;
}

/// <summary>
/// Reads and checks instrument definition files. Every fault is reported with its JSON path, so
/// that whoever wrote the file can find it; a definition with any fault is refused whole.
/// </summary>
public static partial class InstrumentDefinitions
{
    public const int IdMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 1_000;

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        WriteIndented = false,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IdPattern();

    public static DefinitionParse Parse(string json)
    {
        InstrumentDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<InstrumentDefinition>(json, Json);
        }
        catch (JsonException e)
        {
            var message = e.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "This property is not part of the definition format"
                : "The value is missing or has the wrong type (see the README's instrument definition format)";
            return new DefinitionParse(null, [new DefinitionError(e.Path ?? "$", message)]);
        }

        if (definition is null)
        {
            return new DefinitionParse(null, [new DefinitionError("$", "The file must hold one JSON object")]);
        }

        var errors = Check(definition);
        return new DefinitionParse(errors.Count == 0 ? definition : null, errors);
    }

    public static string Serialise(InstrumentDefinition definition) => JsonSerializer.Serialize(definition, Json);

    private static List<DefinitionError> Check(InstrumentDefinition d)
    {
        var errors = new List<DefinitionError>();
        void Fail(string path, string message) => errors.Add(new DefinitionError(path, message));

        CheckId(d.Id, "$.id", "the instrument", Fail);
        CheckText(d.Name, "$.name", "Give the instrument's name", NameMaxLength, Fail);
        CheckText(d.Version, "$.version", "Give the definition's version", IdMaxLength, Fail);
        if (d.Description?.Length > TextMaxLength * 4)
        {
            Fail("$.description", $"The description must be {TextMaxLength * 4} characters or fewer");
        }

        if (d.RequiresLicence && string.IsNullOrWhiteSpace(d.Licence))
        {
            Fail("$.licence", "An instrument that needs a licence must say whose, in the licence note");
        }

        if (d.Items is null or { Count: 0 })
        {
            Fail("$.items", "List at least one item");
            d.Items = [];
        }

        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Items.Count; i++)
        {
            var item = d.Items[i];
            var path = $"$.items[{i}]";
            if (item is null)
            {
                Fail(path, "An item must be an object");
                continue;
            }

            CheckId(item.Id, $"{path}.id", "the item", Fail);
            if (!string.IsNullOrEmpty(item.Id) && !itemIds.Add(item.Id))
            {
                Fail($"{path}.id", $"Another item already has the id \"{item.Id}\"");
            }

            CheckText(item.Text, $"{path}.text", "Give the item's question or statement", TextMaxLength, Fail);
            if (item.Options is { Count: > 0 } options)
            {
                if (item.Min is not null || item.Max is not null)
                {
                    Fail(path, "Give either options or min and max, not both");
                }

                for (var o = 0; o < options.Count; o++)
                {
                    if (options[o] is null || string.IsNullOrWhiteSpace(options[o].Label))
                    {
                        Fail($"{path}.options[{o}].label", "Give each option a label");
                    }
                    else if (options.Take(o).Any(x => x?.Value == options[o].Value))
                    {
                        Fail($"{path}.options[{o}].value", $"Another option already has the value {options[o].Value}");
                    }
                }
            }
            else if (item.Options is { Count: 0 })
            {
                Fail($"{path}.options", "List at least two options, or give min and max instead");
            }
            else if (item.Min is null || item.Max is null)
            {
                Fail(item.Min is null ? $"{path}.min" : $"{path}.max", "Give the lowest and highest answers (min and max), or the options");
            }
            else if (item.Min >= item.Max)
            {
                Fail($"{path}.max", "max must be greater than min");
            }
        }

        if (d.Scales is null or { Count: 0 })
        {
            Fail("$.scales", "List at least one scale");
            d.Scales = [];
        }

        var scaleIds = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < d.Scales.Count; s++)
        {
            var scale = d.Scales[s];
            var path = $"$.scales[{s}]";
            if (scale is null)
            {
                Fail(path, "A scale must be an object");
                continue;
            }

            CheckId(scale.Id, $"{path}.id", "the scale", Fail);
            if (!string.IsNullOrEmpty(scale.Id) && !scaleIds.Add(scale.Id))
            {
                Fail($"{path}.id", $"Another scale already has the id \"{scale.Id}\"");
            }

            CheckText(scale.Name, $"{path}.name", "Give the scale's name", NameMaxLength, Fail);
            scale.Items ??= [];
            if (scale.Items.Count == 0)
            {
                Fail($"{path}.items", "List the ids of the items this scale is scored from");
            }

            for (var i = 0; i < scale.Items.Count; i++)
            {
                if (!itemIds.Contains(scale.Items[i] ?? ""))
                {
                    Fail($"{path}.items[{i}]", $"No item has the id \"{scale.Items[i]}\"");
                }
                else if (scale.Items.Take(i).Contains(scale.Items[i]))
                {
                    Fail($"{path}.items[{i}]", $"The item \"{scale.Items[i]}\" is listed twice");
                }
            }

            if (scale.Scoring == ScoringRule.Separate && scale.Items.Count != 1)
            {
                Fail($"{path}.items", "A scale scored \"separate\" is one item, reported on its own: list exactly one item");
            }

            if (scale.Scoring == ScoringRule.SumThenConvert)
            {
                CheckConversion(d, scale, path, itemIds, Fail);
            }
            else if (scale.Conversion is not null)
            {
                Fail($"{path}.conversion", "A conversion table is used only with the scoring rule \"sum-then-convert\"");
            }

            if (!(scale.MeaningfulChange > 0))
            {
                Fail($"{path}.meaningfulChange", "Give the smallest change that counts as meaningful, in score points (more than 0)");
            }

            for (var b = 0; b < (scale.Bands?.Count ?? 0); b++)
            {
                var band = scale.Bands![b];
                if (band is null || string.IsNullOrWhiteSpace(band.Label))
                {
                    Fail($"{path}.bands[{b}].label", "Give each band a label");
                }
                else if (band.From > band.To)
                {
                    Fail($"{path}.bands[{b}].to", "A band's \"to\" must not be below its \"from\"");
                }
            }
        }

        return errors;
    }

    private static void CheckConversion(InstrumentDefinition d, InstrumentScale scale, string path, HashSet<string> itemIds, Action<string, string> fail)
    {
        if (scale.Conversion is null or { Count: 0 })
        {
            fail($"{path}.conversion", "A scale scored \"sum-then-convert\" needs its conversion table: rows of raw total and score");
            return;
        }

        var items = scale.Items.Where(itemIds.Contains).Select(i => d.Item(i)!).ToList();
        if (items.Count != scale.Items.Count || items.Any(i => i.Lowest >= i.Highest))
        {
            return;
        }

        var lowest = items.Sum(i => i.Lowest);
        var highest = items.Sum(i => i.Highest);
        for (var r = 0; r < scale.Conversion.Count; r++)
        {
            var row = scale.Conversion[r];
            if (row is null || row.Raw < lowest || row.Raw > highest)
            {
                fail($"{path}.conversion[{r}].raw", $"Raw totals run from {lowest} to {highest}");
            }
            else if (scale.Conversion.Take(r).Any(x => x?.Raw == row.Raw))
            {
                fail($"{path}.conversion[{r}].raw", $"The raw total {row.Raw} is converted twice");
            }
        }

        var missing = Enumerable.Range(lowest, highest - lowest + 1).Where(raw => !scale.Conversion.Any(x => x?.Raw == raw)).ToList();
        if (missing.Count > 0)
        {
            fail($"{path}.conversion", $"Every raw total from {lowest} to {highest} needs a row; missing: {string.Join(", ", missing.Take(10))}");
        }
    }

    private static void CheckId(string? id, string path, string what, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            fail(path, $"Give {what} an id");
        }
        else if (id.Length > IdMaxLength || !IdPattern().IsMatch(id))
        {
            fail(path, $"An id is up to {IdMaxLength} lower-case letters, digits, hyphens and underscores, starting with a letter or digit");
        }
    }

    private static void CheckText(string? text, string path, string missing, int max, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            fail(path, missing);
        }
        else if (text.Length > max)
        {
            fail(path, $"Must be {max} characters or fewer");
        }
    }
}
