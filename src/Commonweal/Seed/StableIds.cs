using System.Security.Cryptography;
using System.Text;

namespace Commonweal.Seed;

/// <summary>
/// Ids derived from a name, the same on every install, so that the shipped taxonomy and the demo
/// directory keep their ids (and their ORUK links) across fresh databases.
/// </summary>
public static class StableIds
{
    public static Guid For(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("commonweal:" + name))[..16];
        // RFC 9562 version 8 (custom) with the RFC variant, so that it is a well-formed UUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
