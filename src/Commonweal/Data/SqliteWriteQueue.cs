using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Commonweal.Data;

/// <summary>
/// The one queue of audited writers to a SQLite database in this process, with group commit.
/// <para>
/// SQLite allows one writer at a time. Left to themselves, concurrent writers are refused with
/// SQLITE_BUSY and Microsoft.Data.Sqlite retries each after sleeping 150 ms, so writers wait here,
/// in turn, instead.
/// </para>
/// <para>
/// Each commit is a sync of the write-ahead log to disk, a few milliseconds, and commits cannot
/// overlap. Writers that arrive while others are ahead of them therefore share a transaction: each
/// saves its own changes (and its own audit entries, linked to the chain) inside a savepoint of a
/// batch transaction held on the queue's connection, and the last writer in the queue commits the
/// batch with one sync. Nobody's save returns before the batch holding it is durable, so a request
/// never answers with something a crash could lose. A save that fails rolls back to its savepoint
/// and fails alone. PostgreSQL needs none of this: it commits concurrent writers together itself.
/// </para>
/// </summary>
internal sealed class SqliteWriteQueue
{
    /// <summary>A bound on one batch, so that a steady stream of writers still sees commits.</summary>
    private const int MaxBatch = 64;

    private static readonly ConcurrentDictionary<string, SqliteWriteQueue> Queues = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly string connectionString;
    private int waiting;
    private Batch? open;

    private long commits;

    private SqliteWriteQueue(string connectionString) => this.connectionString = connectionString;

    /// <summary>Writers waiting for their turn (for tests that line writers up).</summary>
    internal int Waiting => Volatile.Read(ref waiting);

    /// <summary>Batches committed so far.</summary>
    internal long Commits => Interlocked.Read(ref commits);

    /// <summary>This database's queue; null for other engines.</summary>
    public static SqliteWriteQueue? For(DatabaseFacade database) =>
        database.IsSqlite()
            ? Queues.GetOrAdd(database.GetDbConnection().DataSource, _ => new SqliteWriteQueue(database.GetConnectionString()!))
            : null;

    /// <summary>
    /// A turn of one's own, for work that runs its own transaction (imports, seeds): any open batch
    /// is committed first, so that this writer's transaction can take SQLite's write lock.
    /// </summary>
    public async Task<IDisposable> EnterAloneAsync(CancellationToken cancellationToken)
    {
        await WaitTurnAsync(cancellationToken);
        try
        {
            await CommitOpenBatchAsync();
        }
        catch
        {
            turn.Release();
            throw;
        }

        return new Turn(turn);
    }

    /// <summary>
    /// Saves a context's changes in the current batch and waits until the batch is durable.
    /// <paramref name="save"/> runs with the context on the batch's connection and transaction; it
    /// links the audit entries after the chain head it is given and returns the new head.
    /// </summary>
    public async Task<int> SaveInBatchAsync(
        DbContext context, Func<ChainHead, Task<(int Written, ChainHead Head)>> save, CancellationToken cancellationToken)
    {
        await WaitTurnAsync(cancellationToken);
        Batch batch;
        int written;
        try
        {
            batch = open ??= await Batch.BeginAsync(connectionString, context, cancellationToken);
            var ownConnectionString = context.Database.GetConnectionString();
            context.Database.SetDbConnection(batch.Connection, contextOwnsConnection: false);
            try
            {
                await context.Database.UseTransactionAsync(batch.Transaction, cancellationToken);
                (written, batch.Head) = await save(batch.Head);
                batch.Members++;
            }
            finally
            {
                await context.Database.UseTransactionAsync(null, CancellationToken.None);
                // Back to a connection of its own, made from its connection string when next needed.
                context.Database.SetDbConnection(null, contextOwnsConnection: true);
                context.Database.SetConnectionString(ownConnectionString);
            }

            if (Volatile.Read(ref waiting) == 0 || batch.Members >= MaxBatch)
            {
                await CommitOpenBatchAsync();
            }
        }
        catch
        {
            // Savepoint rolled back (by EF Core); whoever writes next still commits the batch, and
            // if nobody is waiting this writer does it, so that the others are not left hanging.
            if (Volatile.Read(ref waiting) == 0)
            {
                await CommitOpenBatchAsync();
            }

            turn.Release();
            throw;
        }

        turn.Release();
        await batch.Durable;
        return written;
    }

    private async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref waiting);
        try
        {
            await turn.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    /// <summary>Called only while holding the turn.</summary>
    private async Task CommitOpenBatchAsync()
    {
        var batch = open;
        open = null;
        if (batch is not null && await batch.CommitAsync())
        {
            Interlocked.Increment(ref commits);
        }
    }

    /// <summary>The last link of the audit chain: the next entry follows it.</summary>
    public readonly record struct ChainHead(long Sequence, string Hash)
    {
        /// <summary>
        /// Reads the head by a plain command: it is read before every audited save, and as a LINQ query it
        /// was often a command's first, costing a tenth of a second of EF Core setting up its queries.
        /// </summary>
        public static async Task<ChainHead> ReadAsync(DbContext context, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
        {
            var audit = context.Model.FindEntityType(typeof(Audit.AuditEvent))!;
            await using var last = connection.CreateCommand();
            last.Transaction = transaction;
            last.CommandText = $"SELECT \"Sequence\", \"Hash\" FROM \"{audit.GetTableName()}\" ORDER BY \"Sequence\" DESC LIMIT 1";
            await using var reader = await last.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new ChainHead(reader.GetInt64(0), reader.GetString(1))
                : new ChainHead(0, Audit.AuditChain.Genesis);
        }
    }

    private sealed class Batch
    {
        private readonly TaskCompletionSource durable = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Batch(SqliteConnection connection, DbTransaction transaction, ChainHead head)
        {
            Connection = connection;
            Transaction = transaction;
            Head = head;
        }

        public SqliteConnection Connection { get; }
        public DbTransaction Transaction { get; }
        public ChainHead Head { get; set; }
        public int Members { get; set; }
        public Task Durable => durable.Task;

        public static async Task<Batch> BeginAsync(string connectionString, DbContext context, CancellationToken cancellationToken)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using (var pragma = connection.CreateCommand())
                {
                    pragma.CommandText = "PRAGMA foreign_keys = ON;";
                    await pragma.ExecuteNonQueryAsync(cancellationToken);
                }

                // Microsoft.Data.Sqlite begins IMMEDIATE: the write lock is taken here, so the chain
                // head read next cannot move until this batch commits.
                var transaction = await connection.BeginTransactionAsync(cancellationToken);
                return new Batch(connection, transaction, await ChainHead.ReadAsync(context, connection, transaction, cancellationToken));
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        /// <summary>Commits, if anyone saved; whatever happens, every member hears of it.</summary>
        public async Task<bool> CommitAsync()
        {
            try
            {
                if (Members > 0)
                {
                    await Transaction.CommitAsync();
                }

                durable.SetResult();
                return Members > 0;
            }
            catch (Exception e)
            {
                durable.SetException(e);
                return false;
            }
            finally
            {
                await Transaction.DisposeAsync();
                await Connection.DisposeAsync();
            }
        }

    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
