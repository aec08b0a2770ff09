using System.Security.Cryptography;
using System.Text;

namespace Commonweal.Accounts;

public static class InvitationTokens
{
    /// <summary>A new unguessable token (256 bits, URL-safe) and the hash to store.</summary>
    public static (string Token, string Hash) Create()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
