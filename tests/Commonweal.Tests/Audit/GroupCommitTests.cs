using Commonweal.Audit;
using Commonweal.Data;
using Commonweal.Organisations;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Audit;

/// <summary>
/// SQLite writers that queue behind one another share one commit, yet each save returns only once
/// its changes are durable, and a save that fails fails alone. SQLite only: PostgreSQL commits
/// concurrent writers together by itself.
/// </summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private const int Writers = 8;
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync()
    {
        database = TestDatabase.CreateSqlite();
        await database.MigrateAsync();
    }

    public async ValueTask DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task WritersQueuedBehindOneAnother_ShareOneCommit_AndEachSeesItsOwnChangeDurableOnReturn()
    {
        var cancel = TestContext.Current.CancellationToken;
        var queue = await QueueAsync(cancel);
        var commitsBefore = queue.Commits;

        var saves = await LinedUpAsync(queue, i => Task.Run(async () =>
        {
            await using var db = database.CreateContext(new Actor(null, $"writer {i}"));
            var organisation = new Organisation { Name = $"Queued organisation {i}" };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancel);

            // Read on a fresh connection: what the save returned for must already be committed.
            await using var other = database.CreateContext();
            return await other.Organisations.AnyAsync(o => o.Id == organisation.Id, cancel);
        }, cancel), cancel);

        Assert.All(await Task.WhenAll(saves), Assert.True);
        Assert.Equal(1, queue.Commits - commitsBefore);
        await AssertChainGaplessAndIntactAsync(cancel);
    }

    [Fact]
    public async Task ASaveThatFailsInsideABatch_FailsAlone_AndTheOthersCommitWithAnUnbrokenChain()
    {
        var cancel = TestContext.Current.CancellationToken;
        var queue = await QueueAsync(cancel);
        Guid taken;
        await using (var first = database.CreateContext())
        {
            var existing = new Organisation { Name = "Already here" };
            first.Organisations.Add(existing);
            await first.SaveChangesAsync(cancel);
            taken = existing.Id;
        }

        var saves = await LinedUpAsync(queue, i => Task.Run(async () =>
        {
            await using var db = database.CreateContext(new Actor(null, $"writer {i}"));
            // Writer 3 reuses a key that is already taken: its insert is refused by the database.
            db.Organisations.Add(new Organisation { Id = i == 3 ? taken : Guid.CreateVersion7(), Name = $"Batch member {i}" });
            try
            {
                await db.SaveChangesAsync(cancel);
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        }, cancel), cancel);

        var outcomes = await Task.WhenAll(saves);
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => i != 3), outcomes);
        await using var check = database.CreateContext();
        var members = await check.Organisations.Where(o => o.Name.StartsWith("Batch member")).Select(o => o.Name).ToListAsync(cancel);
        Assert.Equal(Writers - 1, members.Count);
        Assert.DoesNotContain("Batch member 3", members);
        Assert.Equal(Writers - 1, await check.AuditEvents.CountAsync(e => e.Action == "Organisation.Created" && e.Summary.Contains("Batch member"), cancel));
        await AssertChainGaplessAndIntactAsync(cancel);
    }

    private async Task<SqliteWriteQueue> QueueAsync(CancellationToken cancel)
    {
        await using var db = database.CreateContext();
        return SqliteWriteQueue.For(db.Database)!;
    }

    /// <summary>Holds the queue while the writers start, so that all of them wait in it, then lets them go.</summary>
    private static async Task<List<Task<T>>> LinedUpAsync<T>(SqliteWriteQueue queue, Func<int, Task<T>> writer, CancellationToken cancel)
    {
        List<Task<T>> saves;
        using (await queue.EnterAloneAsync(cancel))
        {
            saves = Enumerable.Range(0, Writers).Select(writer).ToList();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (queue.Waiting < Writers)
            {
                Assert.True(DateTime.UtcNow < deadline, $"only {queue.Waiting} of {Writers} writers reached the queue");
                await Task.Delay(10, cancel);
            }
        }

        return saves;
    }

    private async Task AssertChainGaplessAndIntactAsync(CancellationToken cancel)
    {
        await using var check = database.CreateContext();
        var sequences = await check.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(cancel);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
        Assert.True((await AuditVerifier.VerifyAsync(check, cancellationToken: cancel)).Intact);
    }
}
