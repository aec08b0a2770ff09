using System.Text.Json.Nodes;

namespace Commonweal.Directory.Hsds;

/// <summary>An HSDS property held in a column of <typeparamref name="T"/>.</summary>
public abstract class HsdsField<T>
{
    public required string Name { get; init; }

    /// <summary>The entity property, for its column's maximum length.</summary>
    public required string Property { get; init; }

    public abstract string? Check(JsonNode node);

    /// <summary>Sets the column from the document; true when the value changed.</summary>
    public abstract bool Apply(T entity, JsonNode? node);

    public abstract JsonNode? Write(T entity);
}

public sealed class HsdsField<T, TValue>(Func<T, TValue> get, Action<T, TValue> set, HsdsValue<TValue> value) : HsdsField<T>
{
    public override string? Check(JsonNode node) => value.Check(node);

    public override bool Apply(T entity, JsonNode? node)
    {
        var incoming = value.Read(node);
        if (EqualityComparer<TValue>.Default.Equals(get(entity), incoming))
        {
            return false;
        }

        set(entity, incoming);
        return true;
    }

    public override JsonNode? Write(T entity) => value.Write(get(entity));
}

/// <summary>Builds field lists tersely.</summary>
public static class HsdsField
{
    public static HsdsField<T> Of<T, TValue>(string name, string property, Func<T, TValue> get, Action<T, TValue> set, HsdsValue<TValue> value) =>
        new HsdsField<T, TValue>(get, set, value) { Name = name, Property = property };
}
