using Commonweal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.TestSupport;

/// <summary>
/// The whole site over real HTTP (in memory) on a real database of its own, migrated and seeded
/// with the demo area exactly as on first run. One per test class (IClassFixture).
/// </summary>
public class CommonwealFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        // Starting the server runs start-up: migrations and the demo seed.
        StartServer();
    }

    /// <summary>Tests that count the services they arranged themselves leave out the demo directory.</summary>
    protected virtual bool SeedDemoDirectory => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Commonweal:SeedDemoDirectory", SeedDemoDirectory ? "true" : "false");
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A context for arranging and checking data directly, as the system.</summary>
    public CommonwealDbContext CreateDbContext() => Database.CreateContext();

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
