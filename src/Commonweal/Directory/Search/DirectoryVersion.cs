using Commonweal.Data;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Directory.Search;

/// <summary>
/// A number the database raises whenever anything a search reads changes: services' searched columns,
/// organisations' names, taxonomy terms and their links, places, schedules and postcode centres (the
/// DirectoryVersion migration's triggers). Triggers rather than the application, so that an import in
/// another process, or any SQL, is seen by the web server's index too.
/// </summary>
public static class DirectoryVersion
{
    public static async Task<long> ReadAsync(CommonwealDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<long>("""SELECT "Version" AS "Value" FROM directory_version""").SingleAsync(cancellationToken);
}
