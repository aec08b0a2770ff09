using Commonweal.Importing;
using Commonweal.Insight.Giving;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Insight;

/// <summary>
/// 360Giving files written for one test, in a folder of their own that goes when the test does (a
/// test class holds one and is disposed after each test); and their import into a test database.
/// </summary>
internal sealed class GrantFiles : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "commonweal-grant-files", Guid.NewGuid().ToString("N"));

    public async Task<string> WriteAsync(string extension, string text)
    {
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"grants-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        return path;
    }

    public static async Task<ImportReport> ImportAsync(TestDatabase database, string path)
    {
        await using var db = database.CreateContext();
        return await new GrantImport(db).ImportAsync(path, cancellationToken: TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
