using Microsoft.Data.Sqlite;

namespace Commonweal.Data;

/// <summary>
/// The prepared INSERTs of a long run of bulk inserts on one connection (an import's batches), kept from
/// one batch to the next: preparing each table's statement again for every batch of 500 documents was
/// 80 ms of an HSDS import of 50,000 services, on the thread the import waits for. SQLite prepares a
/// statement again itself if the schema changes meanwhile (an index set aside). Dispose once the run
/// has ended, before the connection closes.
/// </summary>
internal sealed class SqliteInsertStatements : IDisposable
{
    private readonly Dictionary<string, SqliteRowBinder> binders = new(StringComparer.Ordinal);
    private SqliteConnection? connection;

    public SqliteRowBinder For(SqliteConnection on, string sql)
    {
        if (!ReferenceEquals(on, connection))
        {
            Dispose();
            connection = on;
        }

        if (!binders.TryGetValue(sql, out var binder))
        {
            binders[sql] = binder = SqliteRowBinder.Prepare(on, sql);
        }

        return binder;
    }

    public void Dispose()
    {
        foreach (var binder in binders.Values)
        {
            binder.Dispose();
        }

        binders.Clear();
        connection = null;
    }
}
