using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Data;

/// <summary>
/// The one Data Protection set-up (application name and the key ring in the database), shared by
/// the site and the CLI: both must use the same keys, or a bid sealed by one would not open in the other.
/// </summary>
public static class CommonwealDataProtection
{
    public const string ApplicationName = "Commonweal";

    public static IDataProtectionBuilder AddCommonwealDataProtection(this IServiceCollection services) =>
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<CommonwealDbContext>();

    /// <summary>For a process without the web host (the CLI): the database and the key ring, nothing else.</summary>
    public static ServiceProvider CreateStandalone(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCommonwealDatabase(configuration);
        services.AddCommonwealDataProtection();
        return services.BuildServiceProvider();
    }
}
