using System.Data.Common;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commonweal.Importing;

/// <summary>
/// A table's secondary indexes set aside while an import loads more rows than the table held, and
/// built again before the import commits: each row otherwise costs a b-tree insert per index, where
/// building an index at the end sorts once. Both the dropping and the building are SQL that EF's
/// migrations generator makes from the model's own index definitions (as a migration would), so the
/// indexes after an import are the model's. All of it is inside the import's transaction: an import
/// that fails or is rolled back leaves the indexes as they were. Only on SQLite, whose readers keep
/// their snapshot meanwhile; on PostgreSQL dropping an index would lock readers out of the table
/// until the import commits, so the indexes are left alone there.
/// </summary>
public sealed class DeferredIndexes
{
    private readonly CommonwealDbContext db;
    private readonly ITable table;
    private readonly ITableIndex[] indexes;
    private readonly long heldAtStart;
    private bool deferred;

    private DeferredIndexes(CommonwealDbContext db, ITable table, long heldAtStart) =>
        (this.db, this.table, indexes, this.heldAtStart) = (db, table, [.. table.Indexes], heldAtStart);

    /// <summary>For <typeparamref name="TEntity"/>'s table, counting its rows now (call it inside the import's transaction, before writing).</summary>
    public static async Task<DeferredIndexes> ForAsync<TEntity>(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        // The design-time model: the one migrations are made from, with every annotation of an index.
        var model = db.GetService<IDesignTimeModel>().Model;
        var entityType = model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = model.GetRelationalModel().FindTable(entityType.GetTableName()!, entityType.GetSchema())!;
        var held = db.Database.IsSqlite() ? await CountAsync(db, table, cancellationToken) : 0;
        return new DeferredIndexes(db, table, held);
    }

    /// <summary>Whether the indexes are set aside now.</summary>
    public bool Deferred => deferred;

    /// <summary>
    /// Sets the indexes aside once the import's new rows (<paramref name="added"/> so far, counting the
    /// ones about to go in) are at least as many as the table held: from there on, building the indexes
    /// again costs less than keeping them up to date row by row.
    /// </summary>
    public async Task BeforeAddingAsync(long added, CancellationToken cancellationToken)
    {
        if (deferred || !db.Database.IsSqlite() || added < heldAtStart || indexes.Length == 0)
        {
            return;
        }

        await ExecuteAsync(indexes.Select(i => new DropIndexOperation { Name = i.Name, Table = table.Name, Schema = table.Schema }), cancellationToken);
        deferred = true;
    }

    /// <summary>Builds the indexes again, if they were set aside; before the import commits.</summary>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (!deferred)
        {
            return;
        }

        await ExecuteAsync(indexes.Select(CreateIndexOperation.CreateFrom), cancellationToken);
        deferred = false;
    }

    private async Task ExecuteAsync(IEnumerable<MigrationOperation> operations, CancellationToken cancellationToken)
    {
        var commands = db.GetService<IMigrationsSqlGenerator>().Generate([.. operations], db.GetService<IDesignTimeModel>().Model);
        foreach (var sql in commands)
        {
            await using var command = Command(db, sql.CommandText);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<long> CountAsync(CommonwealDbContext db, ITable table, CancellationToken cancellationToken)
    {
        var name = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(table.Name, table.Schema);
        await using var command = Command(db, $"SELECT COUNT(*) FROM {name}");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(CommonwealDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Indexes are set aside only inside an import's transaction.");
        command.CommandText = sql;
        return command;
    }
}
