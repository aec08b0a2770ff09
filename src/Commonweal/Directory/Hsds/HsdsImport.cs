using System.Text.Json;
using System.Text.Json.Nodes;
using Commonweal.Data;
using Commonweal.Importing;

namespace Commonweal.Directory.Hsds;

/// <summary>
/// Imports Open Referral HSDS 3.0 data: a JSON file (one document, a list, a page or a package),
/// or a folder of JSON files and/or the HSDS CSV table set. Each file (and the CSV set as a whole)
/// is one transaction: if any of its documents is rejected, nothing from it is written.
/// Ids are the publisher's UUIDs, so importing the same data again changes nothing.
/// </summary>
public sealed class HsdsImport(CommonwealDbContext db)
{
    /// <summary>Documents per batch: loaded together, saved together, then forgotten to keep the change tracker small.</summary>
    private const int BatchSize = 2_000;

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
        var rejectedBefore = report.Rejected.Count;
        var found = source.IsCsvSet ? HsdsCsvSet.Read(source.Path) : ReadJson(source.Path);
        var validator = new HsdsValidator(db.Model);
        var writer = new HsdsWriter(db, report.Reject);
        var written = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.BulkInserts = true;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var batch in found.Chunk(BatchSize))
        {
            var valid = new List<HsdsDocument>();
            foreach (var (document, where, error) in batch)
            {
                report.CountRead();
                if (document is null)
                {
                    report.Reject(where!, error!);
                    continue;
                }

                var errors = validator.Validate(document);
                foreach (var (path, reason) in errors)
                {
                    report.Reject(document.Where(path), reason);
                }

                if (errors.Count == 0)
                {
                    valid.Add(document);
                }
            }

            // Once the file is spoilt nothing of it will be kept: only finding the other faults is worth the time.
            if (report.Rejected.Count > rejectedBefore)
            {
                continue;
            }

            await writer.PrepareAsync(valid, cancellationToken);
            foreach (var document in valid)
            {
                if (await writer.ApplyAsync(document, cancellationToken))
                {
                    written++;
                }
            }

            if (report.Rejected.Count == rejectedBefore)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            writer.Clear();
        }

        if (report.Rejected.Count > rejectedBefore)
        {
            await transaction.RollbackAsync(cancellationToken);
            return;
        }

        await transaction.CommitAsync(cancellationToken);
        for (var i = 0; i < written; i++)
        {
            report.CountWritten();
        }
    }

    private static IEnumerable<(HsdsDocument?, string?, string?)> ReadJson(string path)
    {
        var name = Path.GetFileName(path);
        JsonNode? root;
        try
        {
            using var stream = File.OpenRead(path);
            root = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            return [(null, name, $"malformed JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message.Split(" Path:")[0]}")];
        }

        return HsdsDocuments.Find(root, name).Select(f => f.Document is null ? (f.Document, $"{name} {f.Path}", f.Error) : f);
    }
}
