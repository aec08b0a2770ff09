namespace Commonweal.TestSupport;

/// <summary>
/// The shared real-world fixtures (../shared/fixtures beside the project, or COMMONWEAL_FIXTURES).
/// A test that needs one is skipped with the reason when they are absent, and fails instead when
/// COMMONWEAL_REQUIRE_FIXTURES=1, as in CI.
/// </summary>
public static class Fixtures
{
    public static string PathOf(string relative)
    {
        var root = Root();
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is not null && (File.Exists(path) || System.IO.Directory.Exists(path)))
        {
            return path;
        }

        var reason = $"Fixture '{relative}' not found (looked in {root ?? "../shared/fixtures and COMMONWEAL_FIXTURES"}).";
        if (Environment.GetEnvironmentVariable("COMMONWEAL_REQUIRE_FIXTURES") == "1")
        {
            Assert.Fail(reason + " COMMONWEAL_REQUIRE_FIXTURES=1, so this is a failure, not a skip.");
        }

        Assert.Skip(reason);
        return "";
    }

    private static string? Root()
    {
        var configured = Environment.GetEnvironmentVariable("COMMONWEAL_FIXTURES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        // Walk up from the test binaries to the repository root, then look beside it.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Commonweal.slnx")))
            {
                var shared = Path.Combine(dir.FullName, "..", "shared", "fixtures");
                return System.IO.Directory.Exists(shared) ? Path.GetFullPath(shared) : null;
            }
        }

        return null;
    }
}
