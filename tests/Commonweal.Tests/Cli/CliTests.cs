using Commonweal.Data;
using Commonweal.TestSupport;
using Microsoft.Data.Sqlite;

namespace Commonweal.Tests.Cli;

public sealed class CliTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("commonweal-cli-").FullName;

    [Fact]
    public async Task Run_UnknownCommand_ExitsNonZeroWithUsage()
    {
        var run = await CliHarness.RunAsync(database.Database, "frobnicate");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("frobnicate", run.Output);
        Assert.Contains("Usage:", run.Output);
    }

    [Fact]
    public async Task Run_ImportWithoutFile_ExitsNonZeroWithUsage()
    {
        var run = await CliHarness.RunAsync(database.Database, "import", "ods-practices");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Required argument 'file' missing", run.Output);
        Assert.Contains("Usage:", run.Output);
    }

    [Fact]
    public async Task SeedDemo_Twice_SeedsOnceThenSaysTheDatabaseIsNotEmpty()
    {
        var first = await CliHarness.RunAsync(database.Database, "seed", "demo");
        var second = await CliHarness.RunAsync(database.Database, "seed", "demo");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already holds", second.Output);
    }

    [Fact]
    public async Task Backup_Sqlite_WritesACopyThatOpensWithTheOrganisations()
    {
        await using var sqlite = TestDatabase.CreateSqlite();
        await sqlite.MigrateAsync();
        await CliHarness.RunAsync(sqlite, "seed", "demo");
        var target = Path.Combine(folder, "backup.db");

        var run = await CliHarness.RunAsync(sqlite, "backup", target);

        Assert.Equal(0, run.ExitCode);
        await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = copy.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM organisations";
        Assert.Equal((long)(await DatabaseCounts.TakeAsync(sqlite)).Organisations, (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        Assert.True((long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0);
    }

    [Fact]
    public async Task Backup_ExistingFile_IsRefusedUnlessForced()
    {
        await using var sqlite = TestDatabase.CreateSqlite();
        await sqlite.MigrateAsync();
        var target = Path.Combine(folder, "existing.db");
        await File.WriteAllTextAsync(target, "keep me", TestContext.Current.CancellationToken);

        var refused = await CliHarness.RunAsync(sqlite, "backup", target);
        var kept = await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken);
        var forced = await CliHarness.RunAsync(sqlite, "backup", target, "--force");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.Output);
        Assert.Equal("keep me", kept);
        Assert.Equal(0, forced.ExitCode);
        Assert.NotEqual("keep me", await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Backup_Postgres_PrintsPgDumpGuidanceWithoutPassword()
    {
        // The guidance is worked out from the connection string alone: no server is contacted.
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = "Host=db.example.org;Port=5433;Database=commonweal;Username=cw;Password=s3cret-pw" };

        var run = await CliHarness.RunAsync(settings, "backup", "commonweal.dump");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pg_dump --format=custom --file=commonweal.dump \"host=db.example.org port=5433 dbname=commonweal user=cw\"", run.Output);
        Assert.DoesNotContain("s3cret-pw", run.Output);
    }

    [Fact]
    public async Task DbMigrate_NamesProviderAndDatabase()
    {
        var run = await CliHarness.RunAsync(database.Database, "db", "migrate");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(database.Database.Provider == DatabaseProvider.Postgres ? "PostgreSQL database" : "SQLite database", run.Lines[0]);
    }

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);
}
