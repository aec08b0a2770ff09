using Commonweal.Audit;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Commonweal.Tests.Platform;

/// <summary>
/// Every context runs on the compiled model of its provider. A compiled model is generated code that
/// goes stale silently when an entity or its configuration changes: this compares it, in full, with
/// the model the configuration builds today. Neither needs a database, so both providers are checked
/// in every run.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=compiled-model-test.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=compiled_model_test")]
    public void TheCompiledModel_IsTheModelTheConfigurationBuilds(DatabaseProvider provider, string connectionString)
    {
        using var compiled = Context(provider, connectionString, compiledModel: true);
        using var built = Context(provider, connectionString, compiledModel: false);

        Assert.NotNull(CommonwealDatabase.CompiledModel(provider));
        Assert.StartsWith("Commonweal.Data.CompiledModels.", compiled.Model.GetType().FullName, StringComparison.Ordinal);
        Assert.DoesNotContain("CompiledModels", built.Model.GetType().FullName, StringComparison.Ordinal);
        // Every entity, property, type mapping, key, index, relationship and annotation, written out.
        var expected = Lines(built.Model);
        var actual = Lines(compiled.Model);
        var first = Enumerable.Range(0, Math.Max(expected.Length, actual.Length))
            .FirstOrDefault(i => i >= expected.Length || i >= actual.Length || expected[i] != actual[i], -1);
        Assert.True(first < 0,
            $"The compiled {provider} model is not the model the configuration builds (line {first + 1}: built '{expected.ElementAtOrDefault(first)?.Trim()}', compiled '{actual.ElementAtOrDefault(first)?.Trim()}'): run scripts/compiled-models.sh.");
    }

    /// <summary>
    /// The model written out, less its ad-hoc entity types: a raw SQL query of a type that is no entity
    /// (a row of sqlite_master, say) adds one to the running model, which is shared, so which are there
    /// depends on the tests that ran before.
    /// </summary>
    private static string[] Lines(IModel model)
    {
        var lines = model.ToDebugString(MetadataDebugStringOptions.LongDefault).Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "Ad-hoc entity types:");
        if (start < 0)
        {
            return lines;
        }

        var end = start + 1;
        while (end < lines.Length && Indent(lines[end]) > Indent(lines[start]))
        {
            end++;
        }

        return [.. lines[..start], .. lines[end..]];
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static CommonwealDbContext Context(DatabaseProvider provider, string connectionString, bool compiledModel)
    {
        var options = new DbContextOptionsBuilder<CommonwealDbContext>();
        CommonwealDatabase.Configure(options, provider, connectionString, compiledModel);
        return new CommonwealDbContext(options.Options, new FixedActorAccessor(Actor.System), TimeProvider.System);
    }
}
