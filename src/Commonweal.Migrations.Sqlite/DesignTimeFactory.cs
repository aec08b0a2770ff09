using Commonweal.Audit;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Commonweal.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider without a running host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CommonwealDbContext>
{
    public CommonwealDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CommonwealDbContext>();
        CommonwealDatabase.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new CommonwealDbContext(options.Options, new FixedActorAccessor(Actor.System), TimeProvider.System);
    }
}
