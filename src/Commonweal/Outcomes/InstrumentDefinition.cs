using System.Text.Json.Serialization;
using Commonweal.Outcomes.Analysis;

namespace Commonweal.Outcomes;

/// <summary>How a scale's score is made from its items' answers.</summary>
public enum ScoringRule
{
    /// <summary>The scale is one item, reported on its own and never added to another (ONS4).</summary>
    Separate,

    /// <summary>The answers added up.</summary>
    Sum,

    /// <summary>The answers added up, then looked up in the scale's conversion table (SWEMWBS raw to metric).</summary>
    SumThenConvert,
}

/// <summary>
/// A questionnaire as data, read from a definition file (JSON, see the README's "Instrument
/// definitions"): its items with their response options or range, and its scales with the scoring
/// rule, direction, bands and meaningful-change threshold. Instruments are added without code.
/// </summary>
public sealed class InstrumentDefinition
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public string? Description { get; set; }
    public string? Licence { get; set; }
    public bool RequiresLicence { get; set; }
    public List<InstrumentItem> Items { get; set; } = [];
    public List<InstrumentScale> Scales { get; set; } = [];

    public InstrumentItem? Item(string id) => Items.FirstOrDefault(i => i.Id == id);

    public InstrumentScale? Scale(string id) => Scales.FirstOrDefault(s => s.Id == id);
}

/// <summary>One question: answered with a whole number from <see cref="Min"/> to <see cref="Max"/>, or with one of its <see cref="Options"/>.</summary>
public sealed class InstrumentItem
{
    public string Id { get; set; } = "";
    public string Text { get; set; } = "";
    public int? Min { get; set; }
    public int? Max { get; set; }
    public string? MinLabel { get; set; }
    public string? MaxLabel { get; set; }
    public List<ResponseOption>? Options { get; set; }

    [JsonIgnore]
    public int Lowest => Options is { Count: > 0 } o ? o.Min(x => x.Value) : Min ?? 0;

    [JsonIgnore]
    public int Highest => Options is { Count: > 0 } o ? o.Max(x => x.Value) : Max ?? 0;

    public bool Allows(int value) => Options is { Count: > 0 } o ? o.Any(x => x.Value == value) : value >= Min && value <= Max;

    /// <summary>The answers allowed, as a person reads them: "0 to 10", or "1 (None of the time) to 5 (All of the time)".</summary>
    public string DescribeRange() => Options is { Count: > 0 } o
        ? string.Join(", ", o.Select(x => $"{x.Value} ({x.Label})"))
        : $"a whole number from {Min} to {Max}";

    /// <summary>Every value a person may choose, with its label where there is one.</summary>
    public IEnumerable<ResponseOption> Choices() => Options is { Count: > 0 } o
        ? o
        : Enumerable.Range(Lowest, Highest - Lowest + 1).Select(v => new ResponseOption
        {
            Value = v,
            Label = v == Min && MinLabel is not null ? $"{v}: {MinLabel}" : v == Max && MaxLabel is not null ? $"{v}: {MaxLabel}" : v.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}

public sealed class ResponseOption
{
    public int Value { get; set; }
    public string Label { get; set; } = "";
}

/// <summary>A score reported from one or more items.</summary>
public sealed class InstrumentScale
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Items { get; set; } = [];
    public ScoringRule Scoring { get; set; }
    public List<ConversionRow>? Conversion { get; set; }
    /// <summary>Whether a rise in the score is an improvement (wellbeing) or a deterioration (ONS4 anxiety).</summary>
    public Direction Direction { get; set; }

    /// <summary>The smallest change, in score points, that counts as a meaningful improvement or deterioration.</summary>
    public double MeaningfulChange { get; set; }
    public List<ScoreBand>? Bands { get; set; }

    public string? Band(double score) => Bands?.FirstOrDefault(b => score >= b.From && score <= b.To)?.Label;
}

public sealed class ConversionRow
{
    public int Raw { get; set; }
    public double Score { get; set; }
}

/// <summary>A named range of scores ("0 to 4: Low"), inclusive at both ends.</summary>
public sealed class ScoreBand
{
    public double From { get; set; }
    public double To { get; set; }
    public string Label { get; set; } = "";
}
