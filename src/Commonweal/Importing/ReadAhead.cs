using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Commonweal.Importing;

/// <summary>
/// Reading and checking an import's input a batch ahead of writing it, on another thread: the batch
/// after the one being written is read and checked meanwhile, and at most one waits, so memory stays
/// flat. What is alive when the collector runs is what is in these few batches, so small batches
/// (hundreds of rows) cost far less collecting than large ones. Reading starts as soon as it is
/// started, so the first batch is read while the importer loads what is already stored. Batches come
/// out in input order, so rejections are still reported in file order. The check turns the rows read
/// into a <typeparamref name="TBatch"/> (what it found of each, and whatever else the writing side can
/// be spared); it must touch nothing the writing side uses (not the context, not the report).
/// </summary>
public sealed class ReadAhead<TBatch> : IAsyncDisposable
{
    private readonly Channel<TBatch> checkedBatches;
    private readonly CancellationTokenSource stop;
    private readonly Task reading;

    private ReadAhead(Channel<TBatch> checkedBatches, CancellationTokenSource stop, Task reading) =>
        (this.checkedBatches, this.stop, this.reading) = (checkedBatches, stop, reading);

    public static ReadAhead<TBatch> Start<TRead>(
        IAsyncEnumerable<TRead> input, int batchSize, Func<TRead[], TBatch> check, CancellationToken cancellationToken)
    {
        var checkedBatches = Channel.CreateBounded<TBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var batch in input.Chunk(batchSize).WithCancellation(stop.Token))
                    {
                        await checkedBatches.Writer.WriteAsync(check(batch), stop.Token);
                    }
                }
                finally
                {
                    checkedBatches.Writer.TryComplete();
                }
            },
            CancellationToken.None);
        return new ReadAhead<TBatch>(checkedBatches, stop, reading);
    }

    /// <summary>The checked batches in input order; a failed read (a file that is not JSON, say) is thrown at the end, as the reading threw it.</summary>
    public async IAsyncEnumerable<TBatch> BatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in checkedBatches.Reader.ReadAllAsync(cancellationToken))
        {
            yield return batch;
        }

        await reading;
    }

    /// <summary>Stops the reading if the writing side failed or stopped early; its cancellation is no news then.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!reading.IsCompleted)
        {
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        stop.Dispose();
    }
}

/// <summary>Starts a <see cref="ReadAhead{TBatch}"/>, its types inferred from the check.</summary>
public static class ReadAhead
{
    public static ReadAhead<TBatch> Start<TRead, TBatch>(
        IAsyncEnumerable<TRead> input, int batchSize, Func<TRead[], TBatch> check, CancellationToken cancellationToken) =>
        ReadAhead<TBatch>.Start(input, batchSize, check, cancellationToken);
}
