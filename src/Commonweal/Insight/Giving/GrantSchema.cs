using NJsonSchema;
using NJsonSchema.Validation;
using Newtonsoft.Json.Linq;

namespace Commonweal.Insight.Giving;

/// <summary>The 360Giving 1.4 grant schema (embedded from the standard's file), loaded once.</summary>
public static class GrantSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    public static IEnumerable<(string Path, string Reason)> Validate(JToken grant) =>
        Schema.Value.Validate(grant).SelectMany(Flatten).Distinct();

    private static JsonSchema Load()
    {
        using var stream = typeof(GrantSchema).Assembly.GetManifestResourceStream("Commonweal.Insight.Giving.360-giving-schema.json")
            ?? throw new InvalidOperationException("The 360Giving schema is not embedded.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    }

    /// <summary>
    /// The faults inside a failed "one of": only those of the branch the grant came closest to (a
    /// grant to an organisation is not told that it lacks an individual recipient).
    /// </summary>
    private static IEnumerable<(string, string)> Flatten(ValidationError e)
    {
        if (e is not ChildSchemaValidationError child || child.Errors.Count == 0)
        {
            return [(e.Path ?? "#", Describe(e))];
        }

        if (e.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf)
        {
            var closest = child.Errors.Values.Where(v => v.Count > 0).OrderBy(v => v.Count).FirstOrDefault();
            return closest is null ? [(e.Path ?? "#", Describe(e))] : closest.SelectMany(Flatten);
        }

        return child.Errors.SelectMany(kv => kv.Value).SelectMany(Flatten);
    }

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
