using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commonweal.Data;
using Commonweal.Importing;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// Imports Open Referral HSDS 3.0 data: a JSON file (one document, a list, a page or a package),
/// or a folder of JSON files and/or the HSDS CSV table set. Each file (and the CSV set as a whole)
/// is one transaction: if any of its documents is rejected, nothing from it is written.
/// Ids are the publisher's UUIDs, so importing the same data again changes nothing. A file is
/// audited as one event carrying its SHA-256 and counts; a record it changes or removes is audited
/// one event each with its old values.
/// </summary>
public sealed class HsdsImport(CommonwealDbContext db)
{
    /// <summary>
    /// Documents per batch: loaded together, saved together, then forgotten to keep the change tracker
    /// small. Small batches leave less alive for the collector to copy (500 rather than 2,000: a tenth
    /// faster and 70 MB smaller at 50,000 services).
    /// </summary>
    private const int BatchSize = 500;

    private static readonly JsonSerializerOptions Options = new() { MaxDepth = 256, Converters = { new HsdsNodeConverter() } };

    public async Task<ImportReport> ImportAsync(string path, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        var sources = HsdsSources.Find(path);
        for (var i = 0; i < sources.Count; i++)
        {
            await ImportSourceAsync(sources[i], report, cancellationToken);
            progress?.Report((i + 1) * 100 / sources.Count);
        }

        return report;
    }

    private async Task ImportSourceAsync(HsdsSource source, ImportReport report, CancellationToken cancellationToken)
    {
        var (rejectedBefore, readBefore) = (report.Rejected.Count, report.Read);
        var created = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var found = source.IsCsvSet ? HsdsCsvSet.Read(source.Path).ToAsyncEnumerable() : ReadJsonAsync(source.Path, cancellationToken);
        // The file's hash, for the audit event, is taken meanwhile, as the 360Giving import's is.
        var hashing = Task.Run(() => HashAsync(source, cancellationToken), cancellationToken);
        var written = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.BulkInserts = true;
        db.AuditsAddedRowsAsOneEvent = true;
        // Reading and checking run a batch ahead of writing, on another thread (they touch neither the
        // context nor the report), starting while the import sets up; what they found is reported
        // here, in file order. The ids the valid documents name are gathered there too, off the
        // writing thread, which is the one an import waits for.
        var validator = new HsdsValidator(db.Model);
        CheckedBatch Check((HsdsDocument?, string?, string?)[] documents)
        {
            var ids = new HsdsIds();
            var checkedDocuments = Array.ConvertAll(documents, f => new CheckedDocument(f.Item1, f.Item2, f.Item3, f.Item1 is null ? null : validator.Validate(f.Item1)));
            foreach (var (document, _, _, errors) in checkedDocuments)
            {
                if (document is not null && errors!.Count == 0)
                {
                    ids.Collect(document.Kind, document.Node);
                }
            }

            return new CheckedBatch(checkedDocuments, ids);
        }

        await using var readAhead = ReadAhead.Start(found, BatchSize, Check, cancellationToken);
        await using var pageCache = await ImportPageCache.RaiseAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Disposed before the transaction and the connection: it keeps the inserts' prepared statements.
        using var writer = new HsdsWriter(db, report.Reject);
        var searchIndex = new SearchIndexPause(db);
        await searchIndex.BeginAsync(cancellationToken);
        await writer.BeginAsync(cancellationToken);
        var servicesTable = db.Model.FindEntityType(typeof(Service))!.GetTableName()!;
        var servicesBefore = await TableRows.CountAsync(db, typeof(Service), cancellationToken);
        List<SqliteSetAside>? indexes = null;

        try
        {
            await foreach (var batch in readAhead.BatchesAsync(cancellationToken))
            {
                await WriteBatchAsync(batch);
                // Once the file has brought more services than the table held, the indexes of services and
                // places are built afresh at the end (SQLite). The import looks both up by id only, and
                // rebuilding the search index reads neither: those indexes are back before it runs.
                if (indexes is null && created.GetValueOrDefault(servicesTable) > servicesBefore)
                {
                    await writer.WrittenAsync();
                    indexes = [await SqliteSetAside.IndexesAsync<Service>(db, cancellationToken), await SqliteSetAside.IndexesAsync<Location>(db, cancellationToken)];
                    // Into an empty directory, the links to places and the schedules are all new too. Their
                    // indexes serve loading a stored service's links and schedules, which this import does
                    // only for a service it has itself inserted and then finds named again.
                    if (servicesBefore == 0)
                    {
                        indexes.Add(await SqliteSetAside.IndexesAsync<ServiceAtLocation>(db, cancellationToken));
                        indexes.Add(await SqliteSetAside.IndexesAsync<Schedule>(db, cancellationToken));
                    }
                }
            }

            await writer.WrittenAsync();
        }
        catch
        {
            // The last batch's rows may still be being written: the rollback waits for them to stop.
            await writer.SettleAsync();
            throw;
        }

        if (report.Rejected.Count > rejectedBefore)
        {
            await transaction.RollbackAsync(cancellationToken);
            return;
        }

        foreach (var setAside in indexes ?? [])
        {
            await setAside.RestoreAsync(cancellationToken);
        }

        await searchIndex.EndAsync(onlyNewServices: servicesBefore == 0, cancellationToken);

        // The rows created are audited as this one event; changed and removed rows were audited as they were saved.
        var name = Path.GetFileName(source.Path);
        db.RecordAudit("Directory.HsdsImported", source.IsCsvSet ? "HsdsCsvSet" : "HsdsFile", name, new
        {
            file = name,
            format = source.IsCsvSet ? "HSDS 3.0 CSV" : "HSDS 3.0 JSON",
            sha256 = await hashing,
            read = report.Read - readBefore,
            written,
            created,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        for (var i = 0; i < written; i++)
        {
            report.CountWritten();
        }

        async Task WriteBatchAsync(CheckedBatch batch)
        {
            var valid = new List<HsdsDocument>(batch.Documents.Length);
            foreach (var (document, where, error, errors) in batch.Documents)
            {
                report.CountRead();
                if (document is null)
                {
                    report.Reject(where!, error!);
                    continue;
                }

                foreach (var (path, reason) in errors!)
                {
                    report.Reject(document.Where(path), reason);
                }

                if (errors.Count == 0)
                {
                    valid.Add(document);
                }
            }

            // Each document is let go once applied (below), so that a collection meanwhile does not copy it.
            Array.Clear(batch.Documents);

            // Once the file is spoilt nothing of it will be kept: only finding the other faults is worth the time.
            if (report.Rejected.Count > rejectedBefore)
            {
                return;
            }

            await writer.PrepareAsync(batch.Ids, cancellationToken);
            for (var i = 0; i < valid.Count; i++)
            {
                if (await writer.ApplyAsync(valid[i], cancellationToken))
                {
                    written++;
                }

                valid[i] = null!;
            }

            if (report.Rejected.Count == rejectedBefore)
            {
                // New records first, so that the changes saved after them may refer to them.
                await writer.InsertNewAsync(created, searchIndex, cancellationToken);
                writer.TrackChanged();
                // Only a batch that changes or removes stored records has anything to save (a first import has none).
                if (db.ChangeTracker.Entries().Any())
                {
                    await writer.WrittenAsync();
                    await db.SaveChangesAsync(cancellationToken);
                }
            }

            db.ChangeTracker.Clear();
            writer.Clear();
        }
    }

    /// <summary>A document found in the input with what the validator said of it, or what was found instead of one.</summary>
    private readonly record struct CheckedDocument(HsdsDocument? Document, string? Where, string? Error, List<(string Path, string Reason)>? Errors);

    /// <summary>A batch of checked documents, with the ids of every record its valid documents name.</summary>
    private sealed record CheckedBatch(CheckedDocument[] Documents, HsdsIds Ids);

    /// <summary>The file's SHA-256; for a CSV table set, each table's, by file name.</summary>
    private static async Task<object> HashAsync(HsdsSource source, CancellationToken cancellationToken)
    {
        if (!source.IsCsvSet)
        {
            return await FileHash.Sha256Async(source.Path, cancellationToken);
        }

        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.GetFiles(source.Path, "*.csv"))
        {
            hashes[Path.GetFileName(file)] = await FileHash.Sha256Async(file, cancellationToken);
        }

        return hashes;
    }

    private static async IAsyncEnumerable<(HsdsDocument?, string?, string?)> ReadJsonAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        await using var stream = File.OpenRead(path);
        var isList = await StartsWithListAsync(stream, cancellationToken);
        stream.Position = 0;
        if (!isList)
        {
            foreach (var found in await ReadWholeAsync(stream, name, cancellationToken))
            {
                yield return found;
            }

            yield break;
        }

        // A bare list, the shape of large exports, is read one record at a time, so that memory
        // stays flat however long the file is.
        await using var items = JsonSerializer.DeserializeAsyncEnumerable<JsonNode>(stream, Options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        for (var i = 0; ; i++)
        {
            (HsdsDocument? Document, string? Where, string? Error) found;
            var malformed = false;
            try
            {
                if (!await items.MoveNextAsync())
                {
                    yield break;
                }

                found = HsdsDocuments.Item(items.Current, $"$[{i}]", name);
                if (found.Document is null)
                {
                    found.Where = $"{name} {found.Where}";
                }
            }
            catch (JsonException e)
            {
                (found, malformed) = ((null, name, Malformed(e)), true);
            }

            yield return found;
            if (malformed)
            {
                yield break;
            }
        }
    }

    private static async Task<IEnumerable<(HsdsDocument?, string?, string?)>> ReadWholeAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        JsonNode? root;
        try
        {
            root = await JsonSerializer.DeserializeAsync<JsonNode>(stream, Options, cancellationToken);
        }
        catch (JsonException e)
        {
            return [(null, name, Malformed(e))];
        }

        return HsdsDocuments.Find(root, name).Select(f => f.Document is null ? (f.Document, $"{name} {f.Path}", f.Error) : f);
    }

    private static async Task<bool> StartsWithListAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer, cancellationToken) == 1)
        {
            // Skip a byte order mark and white space.
            if (buffer[0] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF))
            {
                return buffer[0] == (byte)'[';
            }
        }

        return false;
    }

    private static string Malformed(JsonException e) =>
        $"malformed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message.Split(" Path:")[0]}";
}
