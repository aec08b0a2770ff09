using System.Security.Cryptography;

namespace Commonweal.Referrals;

/// <summary>
/// References a person can read out on the phone: R- and eight characters of Crockford's base 32
/// (no I, L, O or U to mistake). Random rather than sequential, so that busy services never wait on
/// one another for the next number; 40 bits make a clash vanishingly rare and the unique index
/// refuses one if it happens.
/// </summary>
public static class ReferralReferences
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[5];
        RandomNumberGenerator.Fill(bytes);
        var value = ((ulong)bytes[0] << 32) | ((ulong)bytes[1] << 24) | ((ulong)bytes[2] << 16) | ((ulong)bytes[3] << 8) | bytes[4];
        Span<char> text = stackalloc char[8];
        for (var i = 7; i >= 0; i--)
        {
            text[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return $"R-{text[..4]}-{text[4..]}";
    }
}
