using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// How one HSDS property is read into a column and written back: the JSON type it must have,
/// its check (returning the reason it is wrong, or null) and the conversions both ways.
/// </summary>
public sealed class HsdsValue<T>(Func<JsonNode, string?> check, Func<JsonNode, T> read, Func<T, JsonNode?> write)
{
    public string? Check(JsonNode node) => check(node);

    public T Read(JsonNode? node) => node is null ? default! : read(node);

    public JsonNode? Write(T value) => value is null ? null : write(value);
}

public static class HsdsValues
{
    public static readonly HsdsValue<string?> Text = new(
        n => n.GetValueKind() == JsonValueKind.String ? null : "must be a string",
        n => n.GetValue<string>(),
        v => JsonValue.Create(v));

    public static readonly HsdsValue<int?> Integer = new(
        n => n.GetValueKind() == JsonValueKind.Number && n.AsValue().TryGetValue<int>(out _) ? null : "must be a whole number",
        n => n.GetValue<int>(),
        v => JsonValue.Create(v));

    public static readonly HsdsValue<double?> Number = new(
        n => n.GetValueKind() == JsonValueKind.Number ? null : "must be a number",
        n => n.GetValue<double>(),
        v => JsonValue.Create(v));

    public static readonly HsdsValue<DateOnly?> Date = Parsed<DateOnly?>("a date (YYYY-MM-DD)",
        s => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
        v => v!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static readonly HsdsValue<TimeOnly?> Time = Parsed<TimeOnly?>("a time (HH:MM or HH:MM:SS)",
        s => TimeOnly.TryParseExact(s, ["HH:mm:ss", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null,
        v => v!.Value.ToString("HH:mm:ss", CultureInfo.InvariantCulture));

    public static readonly HsdsValue<DateTime?> DateTime = Parsed<DateTime?>("a date and time (RFC 3339, for example 2023-03-15T10:30:45Z)",
        s => System.DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) && s.Contains('T') ? d : null,
        v => v!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

    public static readonly HsdsValue<ServiceStatus?> Status = Parsed<ServiceStatus?>("one of active, inactive, defunct, temporarily closed",
        s => s == s.Trim().ToLowerInvariant() ? ServiceStatuses.FromHsds(s) : null,
        v => ServiceStatuses.ToHsds(v!.Value));

    public static HsdsValue<string?> OneOf(params string[] allowed) => new(
        n => n.GetValueKind() == JsonValueKind.String && allowed.Contains(n.GetValue<string>()) ? null : $"must be one of {string.Join(", ", allowed)}",
        n => n.GetValue<string>(),
        v => JsonValue.Create(v));

    private static HsdsValue<T> Parsed<T>(string expected, Func<string, T> parse, Func<T, string> format) => new(
        n => n.GetValueKind() == JsonValueKind.String && parse(n.GetValue<string>()) is not null ? null : $"must be {expected}",
        n => parse(n.GetValue<string>()),
        v => JsonValue.Create(format(v)));
}
