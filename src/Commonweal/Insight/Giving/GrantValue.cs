using System.Text.Json;

namespace Commonweal.Insight.Giving;

/// <summary>
/// A value of a grant as the checks see it: the publisher's JSON, unless <see cref="GrantQuirks"/>
/// put it right. The parsed grant is read-only (and pooled), so corrections are laid over it
/// rather than written into it; most of a grant has none, and costs nothing extra to read.
/// </summary>
public readonly struct GrantValue(JsonElement element, GrantCorrection? correction)
{
    public JsonElement Element { get; } = correction?.Replacement ?? element;

    public JsonValueKind Kind => Element.ValueKind;

    public GrantCorrection? Correction => correction;

    /// <summary>A property of an object that is present (null counts as present); false for anything else.</summary>
    public bool TryGet(string name, out GrantValue value)
    {
        if (Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out var found))
        {
            value = new GrantValue(found, correction?.Property(name));
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The first item of a list, if this is a list with one.</summary>
    public bool TryGetFirst(out GrantValue value)
    {
        if (Element.ValueKind == JsonValueKind.Array && Element.GetArrayLength() > 0)
        {
            value = Item(0);
            return true;
        }

        value = default;
        return false;
    }

    public int Length => Element.GetArrayLength();

    public GrantValue Item(int index) => new(Element[index], correction?.Item(index));

    /// <summary>The text, when this is text (a number or anything else is not).</summary>
    public string? Text => Element.ValueKind == JsonValueKind.String ? Element.GetString() : null;

    /// <summary>The text of a property, when it is present and is text.</summary>
    public string? TextOf(string name) => TryGet(name, out var value) ? value.Text : null;
}

/// <summary>What <see cref="GrantQuirks"/> put right in one value: its replacement, or corrections further in.</summary>
public sealed class GrantCorrection
{
    private Dictionary<string, GrantCorrection>? properties;
    private Dictionary<int, GrantCorrection>? items;

    public JsonElement? Replacement { get; private init; }

    public GrantCorrection? Property(string name) => properties?.GetValueOrDefault(name);

    public GrantCorrection? Item(int index) => items?.GetValueOrDefault(index);

    public void Replace(string name, JsonElement value) => (properties ??= new(StringComparer.Ordinal))[name] = new GrantCorrection { Replacement = value };

    /// <summary>The corrections inside item <paramref name="index"/> of list <paramref name="name"/>, made when first asked for.</summary>
    public GrantCorrection InItem(string name, int index)
    {
        properties ??= new(StringComparer.Ordinal);
        if (!properties.TryGetValue(name, out var list))
        {
            properties[name] = list = new GrantCorrection();
        }

        list.items ??= [];
        if (!list.items.TryGetValue(index, out var item))
        {
            list.items[index] = item = new GrantCorrection();
        }

        return item;
    }
}
