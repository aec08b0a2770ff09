using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commonweal.Data;

/// <summary>
/// Indexes or triggers an import sets aside on SQLite while it inserts in bulk, made again from their
/// own stored definitions before it commits. Both are dropped inside the import's transaction, so
/// nobody else ever sees them missing (other connections read the last commit, and writers wait),
/// and a rejected file's rollback brings them back. On PostgreSQL nothing is set aside.
/// </summary>
internal sealed class SqliteSetAside
{
    private readonly CommonwealDbContext db;
    private List<string>? definitions;

    private SqliteSetAside(CommonwealDbContext db, List<string>? definitions) => (this.db, this.definitions) = (db, definitions);

    /// <summary>The named triggers; each must exist.</summary>
    public static async Task<SqliteSetAside> TriggersAsync(CommonwealDbContext db, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return new SqliteSetAside(db, null);
        }

        var stored = await StoredAsync(db, "SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'trigger'", cancellationToken);
        var missing = names.Where(n => !stored.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The trigger {string.Join(", ", missing)} is not in the database.");
        }

        return await DropAsync(db, "TRIGGER", names.Select(n => (n, stored[n])), cancellationToken);
    }

    /// <summary>
    /// Every index of the entity's table made by CREATE INDEX (not its primary key or a constraint's): SQLite
    /// builds an index from sorted rows several times faster than it places each row into every
    /// index as it is inserted. Worth it only when the rows inserted outnumber those already there.
    /// </summary>
    public static async Task<SqliteSetAside> IndexesAsync<TEntity>(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return new SqliteSetAside(db, null);
        }

        var table = db.Model.FindEntityType(typeof(TEntity))?.GetTableName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no table.");
        var stored = await StoredAsync(db,
            $"SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = '{table.Replace("'", "''")}'",
            cancellationToken);
        return await DropAsync(db, "INDEX", stored.Select(s => (s.Key, s.Value)), cancellationToken);
    }

    /// <summary>Makes again what was set aside; it is set aside once, and put back once.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in definitions ?? [])
        {
            await ExecuteAsync(db, definition, cancellationToken);
        }

        definitions = null;
    }

    private static async Task<SqliteSetAside> DropAsync(
        CommonwealDbContext db, string kind, IEnumerable<(string Name, string Sql)> objects, CancellationToken cancellationToken)
    {
        var definitions = new List<string>();
        foreach (var (name, sql) in objects)
        {
            definitions.Add(sql);
            await ExecuteAsync(db, $"DROP {kind} \"{name}\"", cancellationToken);
        }

        return new SqliteSetAside(db, definitions);
    }

    /// <summary>
    /// Schema objects as name and stored SQL, from a query of sqlite_master that selects those two. Read
    /// through a plain command: EF Core's raw queries of a type it does not map add that type to the model
    /// at first use, which cost each import about a tenth of a second.
    /// </summary>
    internal static async Task<Dictionary<string, string>> StoredAsync(CommonwealDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[reader.GetString(0)] = reader.GetString(1);
        }

        return stored;
    }

    /// <summary>A plain command in the import's transaction: a stored definition is SQL as it is, not a template with placeholders.</summary>
    internal static async Task ExecuteAsync(CommonwealDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(CommonwealDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Indexes and triggers are set aside only inside an import's transaction.");
        command.CommandText = sql;
        return command;
    }
}
