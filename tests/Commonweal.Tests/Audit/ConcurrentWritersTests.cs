using Commonweal.Audit;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Audit;

/// <summary>Many writers at once, as a busy service has them: every change lands, in one unbroken chain.</summary>
public sealed class ConcurrentWritersTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task ThirtyTwoConcurrentAuditedSaves_AllCommit_WithAnUnbrokenGaplessChain()
    {
        var cancel = TestContext.Current.CancellationToken;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            await using var db = database.Database.CreateContext(new Actor(null, $"writer {i}"));
            db.RecordAudit("Test.Written", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(cancel);
        }, cancel)));

        await using var check = database.Database.CreateContext();
        var written = await check.AuditEvents.Where(e => e.Action == "Test.Written").Select(e => e.EntityId).ToListAsync(cancel);
        Assert.Equal(32, written.Distinct().Count());
        var sequences = await check.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(cancel);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
        Assert.True((await AuditVerifier.VerifyAsync(check, cancellationToken: cancel)).Intact);
    }
}
