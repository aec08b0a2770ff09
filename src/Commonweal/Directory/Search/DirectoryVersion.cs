using System.Globalization;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commonweal.Directory.Search;

/// <summary>
/// A number the database raises whenever anything a search reads changes: services' searched columns,
/// organisations' names, taxonomy terms and their links, places, schedules and outcode centres (the
/// DirectoryVersion migration's triggers). Triggers rather than the application, so that an import in
/// another process, or any SQL, is seen by the web server's index too.
/// </summary>
public static class DirectoryVersion
{
    /// <summary>Read on every indexed search, so by a plain command rather than a composed query.</summary>
    public static async Task<long> ReadAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """SELECT "Version" FROM directory_version""";
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
