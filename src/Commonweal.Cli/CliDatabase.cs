using Commonweal.Audit;
using Commonweal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Spectre.Console;

namespace Commonweal.Cli;

/// <summary>The database the configuration names, as the commands reach it, acting as the CLI operator.</summary>
public sealed class CliDatabase(IConfiguration configuration, IAnsiConsole console)
{
    private readonly (DatabaseProvider Provider, string ConnectionString) resolved = CommonwealDatabase.Resolve(configuration);

    public IAnsiConsole Console => console;
    public IConfiguration Configuration => configuration;
    public DatabaseProvider Provider => resolved.Provider;
    public string ConnectionString => resolved.ConnectionString;

    public static Actor Operator => new(null, $"cli:{Environment.UserName}");

    public CommonwealDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<CommonwealDbContext>();
        CommonwealDatabase.Configure(options, Provider, ConnectionString);
        return new CommonwealDbContext(options.Options, new FixedActorAccessor(Operator), TimeProvider.System);
    }

    /// <summary>Which engine and database, never with a password.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite database {Path.GetFullPath(SqliteFile)}";
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database {builder.Database ?? builder.Username} on {builder.Host}:{builder.Port}";
    }

    public string SqliteFile => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        await CommonwealDatabase.MigrateAsync(db, cancellationToken);
    }
}
