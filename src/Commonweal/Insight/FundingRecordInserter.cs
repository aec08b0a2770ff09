using System.Data.Common;
using Commonweal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commonweal.Insight;

/// <summary>
/// Writes new funding records with one prepared INSERT in the current transaction, without the
/// change tracker: imports and scale seeding write hundreds of thousands, and tracking each one
/// costs more than the write. Values go through each column's own type mapping, so a row is stored
/// as EF would store it; on SQLite they are bound by position (<see cref="SqliteRowBinder"/>). The
/// caller audits the batch as one event.
/// </summary>
internal sealed class FundingRecordInserter(CommonwealDbContext db) : IAsyncDisposable
{
    private Prepared? prepared;

    public async Task<int> InsertAsync(IReadOnlyList<FundingRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return 0;
        }

        var (command, parameters, binder, columns) = prepared ??= await PrepareAsync(cancellationToken);
        var values = new object?[columns.Length];
        var written = 0;
        foreach (var record in records)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                var (property, mapping) = columns[i];
                var value = property.GetGetter().GetClrValue(record);
                values[i] = value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value;
            }

            // Synchronous: SQLite's async calls run synchronously anyway, and a task per row costs more than the row.
            cancellationToken.ThrowIfCancellationRequested();
            if (binder is not null)
            {
                written += binder.Insert(values);
                continue;
            }

            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            written += command.ExecuteNonQuery();
        }

        return written;
    }

    public async ValueTask DisposeAsync()
    {
        if (prepared is { } p)
        {
            p.Binder?.Dispose();
            await p.Command.DisposeAsync();
        }
    }

    private sealed record Prepared(DbCommand Command, DbParameter[] Parameters, SqliteRowBinder? Binder, (IProperty Property, RelationalTypeMapping Mapping)[] Columns);

    private async Task<Prepared> PrepareAsync(CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(typeof(FundingRecord))!;
        var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entityType.GetProperties()
            .Where(p => p.GetColumnName(store) is not null)
            .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetTypeMapping()))
            .ToArray();
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Funding records are inserted inside a transaction.");
        var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(store)!)));
        var values = string.Join(", ", columns.Select((_, i) => sql.GenerateParameterNamePlaceholder($"p{i}")));
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(store.Name, store.Schema)} ({names}) VALUES ({values})";
        var parameters = columns
            .Select((c, i) => c.Mapping.CreateParameter(command, sql.GenerateParameterName($"p{i}"), null, c.Property.IsNullable))
            .ToArray();
        command.Parameters.AddRange(parameters);
        // SQLite numbers the parameters in the order they appear, which is the columns' order.
        var binder = command.Connection is SqliteConnection sqlite
            && columns.All(c => SqliteRowBinder.Binds(c.Mapping.Converter?.ProviderClrType ?? c.Mapping.ClrType))
            ? SqliteRowBinder.Prepare(sqlite, command.CommandText)
            : null;
        if (binder is null)
        {
            await command.PrepareAsync(cancellationToken);
        }

        return new Prepared(command, parameters, binder, columns);
    }
}
