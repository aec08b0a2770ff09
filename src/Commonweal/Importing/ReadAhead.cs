using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Commonweal.Importing;

/// <summary>
/// Reading and checking an import's input a batch ahead of writing it, on another thread: the batch
/// after the one being written is read and checked meanwhile, and at most one waits, so memory stays
/// flat. Batches come out in input order, so rejections are still reported in file order. The check
/// must touch nothing the writing side uses (not the context, not the report).
/// </summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<TChecked[]> BatchesAsync<TRead, TChecked>(
        IAsyncEnumerable<TRead> input, int batchSize, Func<TRead[], TChecked[]> check, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var checkedBatches = Channel.CreateBounded<TChecked[]>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
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

        var finished = false;
        try
        {
            await foreach (var batch in checkedBatches.Reader.ReadAllAsync(cancellationToken))
            {
                yield return batch;
            }

            finished = true;
        }
        finally
        {
            if (!finished)
            {
                // The writing side failed or stopped: stop the reading too, whose cancellation is no news.
                await stop.CancelAsync();
                await reading.ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        // A failed read (a file that is not JSON, say) is thrown here, as the reading threw it.
        await reading;
    }
}
