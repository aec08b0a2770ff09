using System.Collections.Concurrent;
using Commonweal.TestSupport;
using NJsonSchema;

namespace Commonweal.Tests.Ocds;

/// <summary>
/// The OCDS 1.1.5 schemas from the shared fixtures, loaded once. The package schemas refer to the
/// release schema by its published address; those references are resolved to the fixture files,
/// so validation never needs the network. NJsonSchema checks the declared formats (uri, date-time).
/// </summary>
public static class OcdsSchemas
{
    public const string Release = "release-schema.json";
    public const string ReleasePackage = "release-package-schema.json";
    public const string RecordPackage = "record-package-schema.json";
    private const string Published = "https://standard.open-contracting.org/schema/1__1__5/";

    private static readonly ConcurrentDictionary<string, Task<JsonSchema>> Loaded = new();

    public static Task<JsonSchema> LoadAsync(string name) => Loaded.GetOrAdd(name, LoadUncachedAsync);

    private static async Task<JsonSchema> LoadUncachedAsync(string name)
    {
        var path = Fixtures.PathOf(Path.Combine("ocds/schema-1.1.5", name));
        if (name is Release or "versioned-release-validation-schema.json")
        {
            return await JsonSchema.FromFileAsync(path);
        }

        var release = await LoadAsync(Release);
        var versioned = await LoadAsync("versioned-release-validation-schema.json");
        return await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(path), path, schema =>
        {
            var resolver = new JsonReferenceResolver(new JsonSchemaAppender(schema, new DefaultTypeNameGenerator()));
            resolver.AddDocumentReference(Published + Release, release);
            resolver.AddDocumentReference(Published + "versioned-release-validation-schema.json", versioned);
            return resolver;
        });
    }

    /// <summary>The schema's complaints about the document, as readable lines (none when it is valid).</summary>
    public static async Task<List<string>> ErrorsAsync(string name, string json)
    {
        var schema = await LoadAsync(name);
        return [.. schema.Validate(json).SelectMany(Flatten)];
    }

    private static IEnumerable<string> Flatten(NJsonSchema.Validation.ValidationError e) =>
        e is NJsonSchema.Validation.ChildSchemaValidationError child
            ? child.Errors.SelectMany(kv => kv.Value).SelectMany(Flatten).Prepend($"{e.Path}: {e.Kind}")
            : [$"{e.Path}: {e.Kind}"];
}
