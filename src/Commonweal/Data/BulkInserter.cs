using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commonweal.Data;

/// <summary>
/// Writes the change tracker's added entities, or new entities never tracked, with one prepared
/// INSERT per table, run row after row in the current transaction. EF Core's own batches build and
/// parse a new SQL text for every batch, which costs imports and scale seeding far more than the
/// writes themselves. Values go through each property's own type mapping and value converter, so a
/// row is stored exactly as EF would store it; on SQLite they are bound by position
/// (<see cref="SqliteRowBinder"/>). Updates and deletes are left to EF.
/// </summary>
internal static class BulkInserter
{
    /// <summary>Inserts what it can and marks it unchanged; returns the number of rows written.</summary>
    public static async Task<int> InsertAddedAsync(DbContext db, CancellationToken cancellationToken)
    {
        // Rows whose key the database generates (identity columns) still carry temporary values: EF writes those.
        var added = db.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Added && !e.Properties.Any(p => p.IsTemporary))
            .GroupBy(e => e.Metadata)
            .ToDictionary(g => g.Key, g => g.ToList());
        var written = await Writes(db, added, (entry, property) => entry.CurrentValues[property])(cancellationToken);
        foreach (var entry in added.Values.SelectMany(e => e))
        {
            entry.State = EntityState.Unchanged;
            // As stored: an added entry's original values are those it was added with, before the save
            // stamped it, and the next save would otherwise take the stamps for changes and update the row.
            entry.OriginalValues.SetValues(entry.CurrentValues);
        }

        return written;
    }

    /// <summary>
    /// Inserts new entities that were never tracked (an import that builds many rows and changes none
    /// of them again has no use for EF's bookkeeping of each). Their keys must be set.
    /// </summary>
    public static Task<int> InsertAsync(DbContext db, IEnumerable<object> entities, CancellationToken cancellationToken) =>
        Prepare(db, entities)(cancellationToken);

    /// <summary>As <see cref="InsertAsync(DbContext, IEnumerable{object}, CancellationToken)"/>, with the prepared statements of a run of inserts (see <see cref="Prepare"/>).</summary>
    public static Task<int> InsertAsync(DbContext db, IEnumerable<object> entities, SqliteInsertStatements statements, CancellationToken cancellationToken) =>
        Prepare(db, entities, statements)(cancellationToken);

    /// <summary>
    /// The insert of <paramref name="entities"/>, ready to run: all it needs of the context (the connection,
    /// its transaction, the model) is taken now, so that it may run on another thread while the caller
    /// goes on with anything that does not use the connection. On SQLite, <paramref name="statements"/>, when
    /// given, are the prepared statements to use and keep for a run of inserts; otherwise each insert
    /// prepares its own.
    /// </summary>
    public static Func<CancellationToken, Task<int>> Prepare(DbContext db, IEnumerable<object> entities, SqliteInsertStatements? statements = null)
    {
        var rows = entities
            .GroupBy(e => db.Model.FindEntityType(e.GetType()) ?? throw new InvalidOperationException($"{e.GetType().Name} is not an entity."))
            .ToDictionary(g => (IEntityType)g.Key, g => g.ToList());
        if (rows.Keys.FirstOrDefault(t => t.GetProperties().Any(p => p.IsShadowProperty())) is { } shadowed)
        {
            throw new InvalidOperationException($"{shadowed.ClrType.Name} has shadow properties, which only a tracked entity carries.");
        }

        return Writes(db, rows, (entity, property) => property.GetGetter().GetClrValue(entity), statements);
    }

    private static Func<CancellationToken, Task<int>> Writes<TRow>(
        DbContext db, Dictionary<IEntityType, List<TRow>> rows, Func<TRow, IProperty, object?> valueOf, SqliteInsertStatements? statements = null)
    {
        if (rows.Count == 0)
        {
            return _ => Task.FromResult(0);
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the save's transaction.");
        var sql = db.GetService<ISqlGenerationHelper>();
        return cancellationToken => InsertAsync(connection, transaction, sql, rows, valueOf, statements, cancellationToken);
    }

    private static async Task<int> InsertAsync<TRow>(
        DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, Dictionary<IEntityType, List<TRow>> rows,
        Func<TRow, IProperty, object?> valueOf, SqliteInsertStatements? statements, CancellationToken cancellationToken)
    {
        var written = 0;
        // Without statements kept by the caller, this insert prepares its own and lets them go at its end.
        using var ownStatements = statements is null && connection is SqliteConnection ? new SqliteInsertStatements() : null;
        statements ??= ownStatements;
        foreach (var entityType in InsertOrder(rows.Keys))
        {
            var table = Tables.GetValue(entityType, t => Table.For(t, sql));
            var values = new object?[table.Columns.Length];
            // SQLite numbers the parameters in the order they appear, which is the columns' order.
            var binder = connection is SqliteConnection sqlite && table.BindsOnSqlite ? statements!.For(sqlite, table.InsertSql) : null;
            await using var command = binder is null ? await PrepareAsync(connection, transaction, table, sql, cancellationToken) : null;
            foreach (var row in ParentsFirst(entityType, rows[entityType], valueOf))
            {
                for (var i = 0; i < values.Length; i++)
                {
                    var column = table.Columns[i];
                    var value = valueOf(row, column.Property);
                    values[i] = value is null ? null : column.Mapping.Converter?.ConvertToProvider(value) ?? value;
                }

                // Synchronous on SQLite: its async calls run synchronously anyway, and a task per row costs more than the row.
                cancellationToken.ThrowIfCancellationRequested();
                if (binder is not null)
                {
                    written += binder.Insert(values);
                    continue;
                }

                for (var i = 0; i < values.Length; i++)
                {
                    command!.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                written += connection is SqliteConnection ? command!.ExecuteNonQuery() : await command!.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return written;
    }

    /// <summary>The table's INSERT as an ordinary prepared command, each value through its column's own parameter.</summary>
    private static async Task<DbCommand> PrepareAsync(DbConnection connection, DbTransaction transaction, Table table, ISqlGenerationHelper sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = table.InsertSql;
        command.Parameters.AddRange(table.Columns
            .Select((c, i) => c.Mapping.CreateParameter(command, sql.GenerateParameterName($"p{i}"), null, c.Property.IsNullable))
            .ToArray());
        await command.PrepareAsync(cancellationToken);
        return command;
    }

    /// <summary>Tables in an order that inserts every principal before its dependants.</summary>
    private static List<IEntityType> InsertOrder(IEnumerable<IEntityType> types)
    {
        var pending = types.ToHashSet();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending
                .Where(t => !t.GetForeignKeys().Any(fk => fk.PrincipalEntityType != t && pending.Contains(fk.PrincipalEntityType)))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"Tables that depend on each other cannot be bulk inserted: {string.Join(", ", pending.Select(t => t.ClrType.Name))}.");
            }

            ordered.AddRange(ready);
            pending.ExceptWith(ready);
        }

        return ordered;
    }

    /// <summary>For a table that refers to itself (a term and its parent), rows whose parent is being added come after it.</summary>
    private static IEnumerable<TRow> ParentsFirst<TRow>(IEntityType entityType, List<TRow> entries, Func<TRow, IProperty, object?> valueOf)
    {
        var selfReference = entityType.GetForeignKeys().FirstOrDefault(fk => fk.PrincipalEntityType == entityType);
        if (selfReference is null || selfReference.Properties.Count != 1)
        {
            return entries;
        }

        var key = entityType.FindPrimaryKey()!.Properties[0];
        var parent = selfReference.Properties[0];
        var byId = entries.ToDictionary(e => valueOf(e, key)!);
        var done = new HashSet<object>();
        var ordered = new List<TRow>(entries.Count);
        foreach (var entry in entries)
        {
            Visit(entry);
        }

        return ordered;

        void Visit(TRow entry)
        {
            var id = valueOf(entry, key)!;
            if (!done.Add(id))
            {
                return;
            }

            if (valueOf(entry, parent) is { } parentId && byId.TryGetValue(parentId, out var parentEntry))
            {
                Visit(parentEntry);
            }

            ordered.Add(entry);
        }
    }

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping)
    {
        /// <summary>The type of the value the database is given, after the column's converter if it has one.</summary>
        public Type ProviderType => Mapping.Converter?.ProviderClrType ?? Mapping.ClrType;
    }

    /// <summary>Each table's INSERT and columns, made once: a model does not change.</summary>
    private static readonly ConditionalWeakTable<IEntityType, Table> Tables = new();

    private sealed record Table(string InsertSql, Column[] Columns)
    {
        /// <summary>Whether every column's values are bound by <see cref="SqliteRowBinder"/>.</summary>
        public bool BindsOnSqlite { get; } = Columns.All(c => SqliteRowBinder.Binds(c.ProviderType));

        public static Table For(IEntityType entityType, ISqlGenerationHelper sql)
        {
            var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var columns = entityType.GetProperties()
                .Where(p => p.GetColumnName(store) is not null && p.GetComputedColumnSql() is null)
                .Select(p => new Column(p, (RelationalTypeMapping)p.GetTypeMapping()))
                .ToArray();
            var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(store)!)));
            var values = string.Join(", ", columns.Select((_, i) => sql.GenerateParameterNamePlaceholder($"p{i}")));
            return new Table($"INSERT INTO {sql.DelimitIdentifier(store.Name, store.Schema)} ({names}) VALUES ({values})", columns);
        }
    }
}
