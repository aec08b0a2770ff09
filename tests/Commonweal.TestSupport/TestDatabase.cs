using Commonweal.Audit;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commonweal.TestSupport;

/// <summary>
/// A real database of its own for one test class: a SQLite file in a temporary folder, or, when
/// COMMONWEAL_TEST_POSTGRES names a server, a PostgreSQL database created for it and dropped after.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "COMMONWEAL_TEST_POSTGRES";

    private readonly string? postgresServer;
    private readonly string? databaseName;
    private readonly string? sqliteFile;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? postgresServer, string? databaseName, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.postgresServer = postgresServer;
        this.databaseName = databaseName;
        this.sqliteFile = sqliteFile;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Configuration keys that point the site or the CLI at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => Provider == DatabaseProvider.Postgres
        ? new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = ConnectionString }
        : new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = ConnectionString, ["ConnectionStrings:Postgres"] = "" };

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            return CreateSqlite();
        }

        var name = $"cw_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, server, name, null);
    }

    /// <summary>A SQLite file database whatever the suite runs on, for what only SQLite does (online backup).</summary>
    public static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "commonweal-tests");
        System.IO.Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", null, null, file);
    }

    /// <summary>A context on this database outside any web host, acting as the given actor.</summary>
    public CommonwealDbContext CreateContext(Actor? actor = null, TimeProvider? time = null)
    {
        var options = new DbContextOptionsBuilder<CommonwealDbContext>();
        CommonwealDatabase.Configure(options, Provider, ConnectionString);
        return new CommonwealDbContext(options.Options, new FixedActorAccessor(actor ?? Actor.System), time ?? TimeProvider.System);
    }

    public async Task MigrateAsync()
    {
        await using var db = CreateContext();
        await CommonwealDatabase.MigrateAsync(db);
    }

    /// <summary>
    /// Runs raw SQL against the audit log as someone with full control of the database would:
    /// first dropping the triggers that keep it append-only, then changing it behind the
    /// application's back. What is left for the hash chain to catch.
    /// </summary>
    public async Task TamperWithAuditLogAsync(string sql, params object[] parameters)
    {
        await using var db = CreateContext();
        var dropTriggers = Provider == DatabaseProvider.Postgres
            ? "DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events; DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;"
            : "DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;";
        await db.Database.ExecuteSqlRawAsync(dropTriggers);
        await db.Database.ExecuteSqlRawAsync(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(sqliteFile + suffix);
            }
        }
    }
}
