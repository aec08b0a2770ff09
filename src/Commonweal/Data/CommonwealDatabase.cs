using System.Data.Common;
using Commonweal.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Commonweal.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Chooses the database from configuration: PostgreSQL when ConnectionStrings:Postgres is set,
/// otherwise the embedded SQLite file. Each provider has its own migrations assembly.
/// </summary>
public static class CommonwealDatabase
{
    public const string DefaultSqlite = "Data Source=data/commonweal.db";

    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        return string.IsNullOrWhiteSpace(postgres)
            ? (DatabaseProvider.Sqlite, configuration.GetConnectionString("Sqlite") ?? DefaultSqlite)
            : (DatabaseProvider.Postgres, postgres);
    }

    /// <remarks>
    /// A list in a query (<c>ids.Contains(x.Id)</c>) goes to the database as one parameter (a JSON array on
    /// SQLite, an array on PostgreSQL). EF Core 10's default, one parameter per element, made it write the
    /// SQL afresh on every execution: a third of a directory search's CPU went on it.
    /// The model is the compiled one for the provider (<see cref="CompiledModel"/>): building it from the
    /// configuration took every command and the site's start about a third of a second.
    /// <paramref name="compiledModel"/> false builds it, as the EF tools always do, so that a test can
    /// compare the two.
    /// </remarks>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, bool compiledModel = true)
    {
        if (compiledModel && !EF.IsDesignTime && CompiledModel(provider) is { } model)
        {
            options.UseModel(model);
        }

        if (provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString, o => o.MigrationsAssembly("Commonweal.Migrations.Postgres")
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        }
        else
        {
            EnsureSqliteFolder(connectionString);
            options.UseSqlite(connectionString, o => o.MigrationsAssembly("Commonweal.Migrations.Sqlite")
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        }
    }

    private static readonly Lazy<IModel?> SqliteModel = new(() => CompiledModelOf(DatabaseProvider.Sqlite));
    private static readonly Lazy<IModel?> PostgresModel = new(() => CompiledModelOf(DatabaseProvider.Postgres));

    /// <summary>
    /// The provider's compiled model, generated into <c>Data/CompiledModels</c> by
    /// <c>scripts/compiled-models.sh</c>. Found by name, so that the project still builds while the
    /// script replaces them (the EF tools build it first); CompiledModelTests checks both are there
    /// and are what the configuration builds.
    /// </summary>
    public static IModel? CompiledModel(DatabaseProvider provider) => (provider == DatabaseProvider.Postgres ? PostgresModel : SqliteModel).Value;

    private static IModel? CompiledModelOf(DatabaseProvider provider) =>
        typeof(CommonwealDatabase).Assembly.GetType($"Commonweal.Data.CompiledModels.{provider}.CommonwealDbContextModel")
            ?.GetProperty("Instance")?.GetValue(null) as IModel;

    public static IServiceCollection AddCommonwealDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var (provider, connectionString) = Resolve(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IActorAccessor>(_ => new FixedActorAccessor(Actor.System));
        services.AddDbContext<CommonwealDbContext>(o => Configure(o, provider, connectionString));
        return services;
    }

    /// <summary>
    /// Applies migrations; for SQLite also switches the file to write-ahead logging. Every command
    /// starts here, so an up-to-date database is only read: EF's migrate also compares the model with
    /// the last migration's, which cost a command about a second.
    /// </summary>
    public static async Task MigrateAsync(CommonwealDbContext db, CancellationToken cancellationToken = default)
    {
        if (!await UpToDateAsync(db, cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Whether the database has applied every migration this build knows and no other, read by a plain
    /// command: EF Core's own question (its pending migrations) first sets up its migrations machinery,
    /// a tenth of a second of every command. A database without the history table is not up to date.
    /// </summary>
    private static async Task<bool> UpToDateAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        List<string> applied;
        try
        {
            applied = await PlainQuery.TextColumnAsync(db, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"", cancellationToken);
        }
        catch (DbException)
        {
            return false;
        }

        applied.Sort(StringComparer.Ordinal);
        known.Sort(StringComparer.Ordinal);
        return applied.SequenceEqual(known, StringComparer.Ordinal);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            System.IO.Directory.CreateDirectory(folder);
        }
    }
}
