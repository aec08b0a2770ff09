using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commonweal.Data;

/// <summary>
/// One row read by a plain command on the context's connection, in its transaction if it has one: for
/// reads made often or first (the directory's version on every indexed search, what an import asks before
/// its first row), where EF Core composing and compiling a query would cost more than the read.
/// </summary>
internal static class PlainQuery
{
    /// <summary>The first row's values; the query must return a row.</summary>
    public static async Task<object[]> RowAsync(CommonwealDbContext db, string sql, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"No row from: {sql}");
            }

            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            return values;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
