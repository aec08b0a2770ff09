using Commonweal.Audit;
using Commonweal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Commonweal.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider without a running host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CommonwealDbContext>
{
    public CommonwealDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CommonwealDbContext>();
        CommonwealDatabase.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=commonweal_design");
        return new CommonwealDbContext(options.Options, new FixedActorAccessor(Actor.System), TimeProvider.System);
    }
}
