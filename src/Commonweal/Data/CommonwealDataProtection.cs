using System.Security.Cryptography.X509Certificates;
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

    /// <summary>A PKCS #12 (.pfx) file whose certificate encrypts the key ring, and its password.</summary>
    public const string CertificateSetting = "Commonweal:DataProtection:Certificate";
    public const string CertificatePasswordSetting = "Commonweal:DataProtection:CertificatePassword";

    /// <remarks>
    /// The keys live in the same database as the bids they seal, so anyone with a copy of the
    /// database could open the bids. A production deployment names a certificate kept outside the
    /// database (a mounted secret, a key vault): the key ring is then encrypted with it. The demo and
    /// the tests run without one, as ASP.NET Core's start-up warning says.
    /// </remarks>
    public static IDataProtectionBuilder AddCommonwealDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<CommonwealDbContext>();
        if (configuration[CertificateSetting] is { Length: > 0 } path)
        {
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordSetting]));
        }

        return builder;
    }

    /// <summary>For a process without the web host (the CLI): the database and the key ring, nothing else.</summary>
    public static ServiceProvider CreateStandalone(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCommonwealDatabase(configuration);
        services.AddCommonwealDataProtection(configuration);
        return services.BuildServiceProvider();
    }
}
