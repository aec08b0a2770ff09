using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Commonweal.Data;
using Commonweal.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Tests.Platform;

/// <summary>
/// The key ring that seals bids lives in the database; with a certificate configured it is stored
/// encrypted, so a copy of the database alone does not open the bids.
/// </summary>
public sealed class DataProtectionKeyRingTests : IAsyncLifetime
{
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("commonweal-keys-").FullName;
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        System.IO.Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task KeyRing_WithACertificate_IsStoredEncryptedAndOpensInAnotherProcess()
    {
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            [CommonwealDataProtection.CertificateSetting] = CertificateFile("s3cret-pfx"),
            [CommonwealDataProtection.CertificatePasswordSetting] = "s3cret-pfx",
        };

        var sealedText = Protector(settings).Protect("Our price is £14,500");
        var opened = Protector(settings).Unprotect(sealedText);

        Assert.Equal("Our price is £14,500", opened);
        var xml = await KeyRingXmlAsync();
        Assert.Contains("EncryptedXmlDecryptor", xml);
        Assert.DoesNotContain("<value>", xml);
    }

    [Fact]
    public async Task KeyRing_WithoutACertificate_IsStoredInTheClear()
    {
        Protector(database.Settings).Protect("Our price is £14,500");

        Assert.Contains("<value>", await KeyRingXmlAsync());
    }

    /// <summary>A protector from a fresh service provider: its own key ring cache, as another process would have.</summary>
    private static IDataProtector Protector(IReadOnlyDictionary<string, string?> settings)
    {
        var services = CommonwealDataProtection.CreateStandalone(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Commonweal.Tests.KeyRing");
    }

    private async Task<string> KeyRingXmlAsync()
    {
        await using var db = database.CreateContext();
        return string.Join("\n", await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(TestContext.Current.CancellationToken));
    }

    private string CertificateFile(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Commonweal test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "key-ring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
