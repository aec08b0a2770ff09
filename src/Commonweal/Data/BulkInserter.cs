using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commonweal.Data;

/// <summary>
/// Writes the change tracker's added entities with one prepared INSERT per table, run row after
/// row in the current transaction. EF Core's own batches build and parse a new SQL text for every
/// batch, which costs imports and scale seeding far more than the writes themselves. Values go
/// through each property's own type mapping and value converter, so a row is stored exactly as EF
/// would store it; updates and deletes are left to EF.
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
        if (added.Count == 0)
        {
            return 0;
        }

        var connection = db.Database.GetDbConnection();
        // SQLite's async calls run synchronously anyway, and a task per row costs more than the row.
        var synchronous = db.Database.IsSqlite();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the save's transaction.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var written = 0;
        foreach (var entityType in InsertOrder(added.Keys))
        {
            var table = Table.For(entityType, sql);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = table.InsertSql;
            var parameters = table.Columns
                .Select((c, i) => c.Mapping.CreateParameter(command, sql.GenerateParameterName($"p{i}"), null, c.Property.IsNullable))
                .ToArray();
            command.Parameters.AddRange(parameters);
            await command.PrepareAsync(cancellationToken);
            foreach (var entry in ParentsFirst(entityType, added[entityType]))
            {
                var values = entry.CurrentValues;
                for (var i = 0; i < parameters.Length; i++)
                {
                    var column = table.Columns[i];
                    var value = values[column.Property];
                    parameters[i].Value = (value is null ? null : column.Mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
                }

                if (synchronous)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    written += command.ExecuteNonQuery();
                }
                else
                {
                    written += await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }

        foreach (var entry in added.Values.SelectMany(e => e))
        {
            entry.State = EntityState.Unchanged;
        }

        return written;
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
    private static IEnumerable<EntityEntry> ParentsFirst(IEntityType entityType, List<EntityEntry> entries)
    {
        var selfReference = entityType.GetForeignKeys().FirstOrDefault(fk => fk.PrincipalEntityType == entityType);
        if (selfReference is null || selfReference.Properties.Count != 1)
        {
            return entries;
        }

        var key = entityType.FindPrimaryKey()!.Properties[0];
        var parent = selfReference.Properties[0];
        var byId = entries.ToDictionary(e => e.CurrentValues[key]!);
        var done = new HashSet<object>();
        var ordered = new List<EntityEntry>(entries.Count);
        foreach (var entry in entries)
        {
            Visit(entry);
        }

        return ordered;

        void Visit(EntityEntry entry)
        {
            var id = entry.CurrentValues[key]!;
            if (!done.Add(id))
            {
                return;
            }

            if (entry.CurrentValues[parent] is { } parentId && byId.TryGetValue(parentId, out var parentEntry))
            {
                Visit(parentEntry);
            }

            ordered.Add(entry);
        }
    }

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping);

    private sealed record Table(string InsertSql, Column[] Columns)
    {
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
