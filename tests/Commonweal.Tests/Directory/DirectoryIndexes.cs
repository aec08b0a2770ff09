using Commonweal.Data;
using Commonweal.Directory.Search;
using Commonweal.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commonweal.Tests.Directory;

/// <summary>A <see cref="ServiceIndexes"/> over a test database, built as the web server builds its own.</summary>
internal static class DirectoryIndexes
{
    public static ServiceIndexes For(TestDatabase database, int indexWhileWaitingUpTo = 20_000)
    {
        var services = new ServiceCollection().AddScoped<CommonwealDbContext>(_ => database.CreateContext()).BuildServiceProvider();
        return new ServiceIndexes(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<ServiceIndexes>.Instance)
        {
            IndexWhileWaitingUpTo = indexWhileWaitingUpTo,
        };
    }
}
