using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commonweal.Data;

/// <summary>
/// A row or a column read by a plain command on the context's connection, in its transaction if it has
/// one: for reads made often or first (the directory's version on every indexed search, what an import
/// asks before its first row, which migrations every command finds applied), where EF Core composing and
/// compiling a query would cost more than the read.
/// </summary>
internal static class PlainQuery
{
    /// <summary>The first row's values; the query must return a row.</summary>
    public static Task<object[]> RowAsync(CommonwealDbContext db, string sql, CancellationToken cancellationToken) =>
        ReadAsync(db, sql, async reader =>
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"No row from: {sql}");
            }

            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            return values;
        }, cancellationToken);

    /// <summary>Every row's first value, as text.</summary>
    public static Task<List<string>> TextColumnAsync(CommonwealDbContext db, string sql, CancellationToken cancellationToken) =>
        ReadAsync(db, sql, async reader =>
        {
            var values = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                values.Add(reader.GetString(0));
            }

            return values;
        }, cancellationToken);

    private static async Task<T> ReadAsync<T>(CommonwealDbContext db, string sql, Func<DbDataReader, Task<T>> read, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await read(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
