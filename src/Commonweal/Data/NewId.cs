using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Commonweal.Data;

/// <summary>
/// Time-ordered record ids (UUID version 7, RFC 9562), as <see cref="Guid.CreateVersion7()"/> makes them,
/// but with the random part taken from a per-thread buffer filled for a few hundred ids at a time.
/// <see cref="Guid.CreateVersion7()"/> asks the kernel for random bytes for every id, a system call on
/// Linux, and every entity's initialiser makes an id, even when EF Core is about to fill it from a row or an
/// import from its publisher's id: 200,000 calls for an HSDS import of 50,000 services, a tenth of a second.
/// </summary>
public static class NewId
{
    private const int IdsPerFill = 256;

    [ThreadStatic]
    private static byte[]? random;

    [ThreadStatic]
    private static int used;

    public static Guid Next()
    {
        var buffer = random ??= new byte[16 * IdsPerFill];
        if (used == 0)
        {
            RandomNumberGenerator.Fill(buffer);
        }

        Span<byte> id = stackalloc byte[16];
        buffer.AsSpan(used * 16, 16).CopyTo(id);
        used = (used + 1) % IdsPerFill;

        // The first 48 bits are the Unix time in milliseconds; then the version (7) and the variant (10),
        // each over the top bits of a random byte.
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        time[2..].CopyTo(id);
        id[6] = (byte)(0x70 | (id[6] & 0x0F));
        id[8] = (byte)(0x80 | (id[8] & 0x3F));
        return new Guid(id, bigEndian: true);
    }
}
