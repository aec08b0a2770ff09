using System.Globalization;
using Commonweal.Data;

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
    public static async Task<long> ReadAsync(CommonwealDbContext db, CancellationToken cancellationToken) =>
        Convert.ToInt64((await PlainQuery.RowAsync(db, """SELECT "Version" FROM directory_version""", cancellationToken))[0], CultureInfo.InvariantCulture);
}
