using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commonweal.Data;

/// <summary>
/// Whether entities' tables hold rows, and how many, asked by a plain command (<see cref="PlainQuery"/>)
/// in the context's transaction. An import asks as it begins; a LINQ query for each table cost it a
/// tenth of a second of EF Core compiling them, every time, before it could write its first row.
/// </summary>
internal static class TableRows
{
    /// <summary>Those of the entity types whose tables hold no row.</summary>
    public static async Task<HashSet<Type>> EmptyAsync(CommonwealDbContext db, IReadOnlyList<Type> entities, CancellationToken cancellationToken)
    {
        var holds = await PlainQuery.RowAsync(db, "SELECT " + string.Join(", ", entities.Select(e => $"EXISTS (SELECT 1 FROM {Table(db, e)})")), cancellationToken);
        return entities.Where((_, i) => !Convert.ToBoolean(holds[i], CultureInfo.InvariantCulture)).ToHashSet();
    }

    public static async Task<long> CountAsync(CommonwealDbContext db, Type entity, CancellationToken cancellationToken) =>
        Convert.ToInt64((await PlainQuery.RowAsync(db, $"SELECT count(*) FROM {Table(db, entity)}", cancellationToken))[0], CultureInfo.InvariantCulture);

    private static string Table(CommonwealDbContext db, Type entity)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new ArgumentException($"{entity.Name} is not an entity.", nameof(entity));
        return db.GetService<ISqlGenerationHelper>().DelimitIdentifier(type.GetTableName()!, type.GetSchema());
    }
}
