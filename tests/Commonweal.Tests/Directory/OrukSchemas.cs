using System.Collections.Concurrent;
using Commonweal.TestSupport;
using NJsonSchema;

namespace Commonweal.Tests.Directory;

/// <summary>
/// The Open Referral UK schemas from the shared fixtures, loaded once. NJsonSchema checks the
/// declared formats (uuid, email, uri, date-time) as part of validation.
/// </summary>
public static class OrukSchemas
{
    private static readonly ConcurrentDictionary<string, Task<JsonSchema>> Loaded = new();

    public static Task<JsonSchema> LoadAsync(string relative)
    {
        var path = Fixtures.PathOf(Path.Combine("oruk/schema", relative));
        return Loaded.GetOrAdd(path, p => JsonSchema.FromFileAsync(p));
    }

    /// <summary>The schema's complaints about the document, as readable lines (none when it is valid).</summary>
    public static async Task<List<string>> ErrorsAsync(string relative, string json)
    {
        var schema = await LoadAsync(relative);
        return [.. schema.Validate(json).Select(e => $"{e.Path}: {e.Kind}")];
    }
}
