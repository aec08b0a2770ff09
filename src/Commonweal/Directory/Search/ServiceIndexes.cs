using Commonweal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commonweal.Directory.Search;

/// <summary>
/// Keeps a <see cref="ServiceIndex"/> of the directory for the web server and says when it may answer:
/// only when it is as new as the database (<see cref="DirectoryVersion"/>), so a search never shows
/// yesterday's directory. When the database has moved on, a new index is built once for everyone; a
/// directory of up to <see cref="IndexWhileWaitingUpTo"/> services is indexed while the search waits,
/// a larger one in the background while the database's own full-text index answers.
/// </summary>
public sealed class ServiceIndexes(IServiceScopeFactory scopes, ILogger<ServiceIndexes> log)
{
    private readonly Lock gate = new();
    private volatile ServiceIndex? current;
    private Task<ServiceIndex?>? building;

    /// <summary>
    /// The directory's size before any index holds it, counted once: while a large directory's first
    /// index is built, every search would otherwise count 250,000 services again.
    /// </summary>
    private int? sizeBeforeFirstIndex;

    /// <summary>Well under a second's indexing.</summary>
    public int IndexWhileWaitingUpTo { get; init; } = 20_000;

    /// <summary>The index, if it holds the directory as the database does now; otherwise null, and a new one is on its way.</summary>
    public async Task<ServiceIndex?> ForSearchAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        var version = await DirectoryVersion.ReadAsync(db, cancellationToken);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (current is { } index && index.Version >= version)
            {
                return index;
            }

            var build = Build();
            var size = current?.Count ?? (sizeBeforeFirstIndex ??= await db.Services.CountAsync(cancellationToken));
            if (size > IndexWhileWaitingUpTo)
            {
                return null;
            }

            // A build that had started before this version was read may finish older than it: then once more.
            await build.WaitAsync(cancellationToken);
        }

        return current is { } built && built.Version >= version ? built : null;
    }

    private Task<ServiceIndex?> Build()
    {
        lock (gate)
        {
            return building ??= Task.Run(BuildAsync);
        }
    }

    private async Task<ServiceIndex?> BuildAsync()
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
            var started = TimeProvider.System.GetTimestamp();
            var index = await ServiceIndexBuilder.BuildAsync(db, CancellationToken.None);
            if (current is null || index.Version > current.Version)
            {
                current = index;
            }

            var before = GC.GetTotalMemory(false);
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            log.LogInformation("Directory search index: {Count} services at version {Version}, built in {Elapsed} heap {Before} -> {After}",
                index.Count, index.Version, TimeProvider.System.GetElapsedTime(started), before / 1048576, GC.GetTotalMemory(true) / 1048576);
            return index;
        }
        catch (Exception e)
        {
            // The database's full-text index goes on answering; the next search tries again.
            log.LogError(e, "Directory search index could not be built");
            return null;
        }
        finally
        {
            lock (gate)
            {
                building = null;
            }
        }
    }
}
