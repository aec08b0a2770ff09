using Commonweal.Importing;
using Commonweal.Insight.Giving;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Insight;

/// <summary>360Giving files written for a test, and their import into a test database.</summary>
internal static class GrantFiles
{
    public static async Task<string> WriteAsync(string extension, string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"grants-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        return path;
    }

    public static async Task<ImportReport> ImportAsync(TestDatabase database, string path)
    {
        await using var db = database.CreateContext();
        return await new GrantImport(db).ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);
    }
}
