namespace Commonweal.TestSupport;

/// <summary>A migrated, empty database shared by the tests of one class (IClassFixture), dropped after them.</summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
