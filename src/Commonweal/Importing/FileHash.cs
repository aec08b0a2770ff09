using System.Security.Cryptography;

namespace Commonweal.Importing;

/// <summary>
/// The SHA-256 of an imported file, as lower-case hex: an import audited as one event names the
/// file it wrote by its hash, so the log says exactly which bytes were taken in.
/// </summary>
public static class FileHash
{
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
