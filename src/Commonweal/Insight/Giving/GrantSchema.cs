using NJsonSchema;
using NJsonSchema.Validation;
using Newtonsoft.Json.Linq;

namespace Commonweal.Insight.Giving;

/// <summary>The 360Giving 1.4 grant schema (embedded from the standard's file), loaded once.</summary>
public static class GrantSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    public static IEnumerable<(string Path, string Reason)> Validate(JToken grant) =>
        Schema.Value.Validate(grant).SelectMany(e => Flatten(e));

    private static JsonSchema Load()
    {
        using var stream = typeof(GrantSchema).Assembly.GetManifestResourceStream("Commonweal.Insight.Giving.360-giving-schema.json")
            ?? throw new InvalidOperationException("The 360Giving schema is not embedded.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    }

    private static IEnumerable<(string, string)> Flatten(ValidationError e) =>
        e is ChildSchemaValidationError child && child.Errors.Count > 0
            ? child.Errors.SelectMany(kv => kv.Value).SelectMany(Flatten)
            : [(e.Path ?? "#", Describe(e))];

    private static string Describe(ValidationError e) => e.Kind switch
    {
        ValidationErrorKind.PropertyRequired => $"'{e.Property}' is required",
        ValidationErrorKind.NumberExpected => "must be a number",
        ValidationErrorKind.StringExpected => "must be text",
        ValidationErrorKind.ArrayExpected => "must be a list",
        ValidationErrorKind.ObjectExpected => "must be an object",
        ValidationErrorKind.TooFewItems => "needs at least one item",
        ValidationErrorKind.PatternMismatch or ValidationErrorKind.DateTimeExpected or ValidationErrorKind.DateExpected => "is not a date in the form YYYY-MM-DD (or DD/MM/YYYY)",
        ValidationErrorKind.NotOneOf => "does not match the form the standard allows",
        _ => $"does not meet the 360Giving schema ({e.Kind})",
    };
}
