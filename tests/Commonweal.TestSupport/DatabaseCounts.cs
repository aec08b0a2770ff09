using Microsoft.EntityFrameworkCore;

namespace Commonweal.TestSupport;

/// <summary>How many rows the main tables hold: equal before and after shows that nothing was written.</summary>
public sealed record DatabaseCounts(int Organisations, int Users, int Memberships, int AuditEvents)
{
    public static async Task<DatabaseCounts> TakeAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return new DatabaseCounts(
            await db.Organisations.CountAsync(),
            await db.Users.CountAsync(),
            await db.Memberships.CountAsync(),
            await db.AuditEvents.CountAsync());
    }
}
