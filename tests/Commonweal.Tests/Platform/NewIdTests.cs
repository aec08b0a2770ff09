using Commonweal.Data;

namespace Commonweal.Tests.Platform;

/// <summary>Record ids are RFC 9562 version 7 UUIDs: unique, random past their time, and in the order they were made.</summary>
public sealed class NewIdTests
{
    [Fact]
    public void Ids_AreVersion7_UniqueAndInTimeOrder()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        // More than one buffer's worth, so that refilling it is covered too.
        var ids = Enumerable.Range(0, 2_000).Select(_ => NewId.Next()).ToList();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.All(ids, id => Assert.Equal(0b10, id.Variant >> 2));
        Assert.All(ids, id => Assert.InRange(Milliseconds(id), before, after));
        Assert.Equal(ids.Select(Milliseconds), ids.Select(Milliseconds).Order());
    }

    [Fact]
    public void AnIdMadeInALaterMillisecond_SortsAfter_AsText()
    {
        var earlier = NewId.Next();
        Thread.Sleep(2);
        var later = NewId.Next();

        Assert.True(string.CompareOrdinal(earlier.ToString(), later.ToString()) < 0, $"{earlier} should sort before {later}");
    }

    [Fact]
    public void Ids_MadeInOneMillisecond_DifferInTheirRandomBits()
    {
        var ids = Enumerable.Range(0, 600).Select(_ => NewId.Next()).GroupBy(Milliseconds).MaxBy(g => g.Count())!.ToList();

        // Past the time (6 bytes), 74 of the 80 bits are random (the rest are the version and the variant).
        var randomParts = ids.Select(id => Convert.ToHexString(id.ToByteArray(bigEndian: true)[6..])).ToList();
        Assert.True(randomParts.Count > 1);
        Assert.Equal(randomParts.Count, randomParts.Distinct().Count());
    }

    private static long Milliseconds(Guid id)
    {
        var bytes = id.ToByteArray(bigEndian: true);
        return bytes[..6].Aggregate(0L, (time, b) => (time << 8) | b);
    }
}
