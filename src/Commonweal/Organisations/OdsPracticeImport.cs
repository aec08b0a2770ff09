using Commonweal.Data;
using Commonweal.Importing;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Organisations;

/// <summary>
/// Imports the NHS ODS list of GP practices (epraccur.csv), creating or updating one organisation
/// per practice by its GB-NHS identifier. The whole file is one transaction: if it cannot be read
/// to the end or the database refuses a write, nothing is kept.
/// </summary>
public sealed class OdsPracticeImport(CommonwealDbContext db)
{
    /// <summary>Rows read per save inside the transaction, so that progress can be shown while writing.</summary>
    private const int SaveEvery = 2_000;

    /// <summary>Imports the file, reporting to <paramref name="progress"/> the percentage done.</summary>
    public async Task<ImportReport> ImportAsync(string path, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        var malformedLines = new HashSet<long>();
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Separator = ',',
            // Every ODS record is one line: a stray quote must spoil that line, not swallow the rest of the file.
            AllowLineBreaksInQuotes = false,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformedLines.Add(record.LineNumber),
        };
        await using var csv = CsvReader.Create(file, options, leaveOpen: true);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Organisations
            .Where(o => o.Identifier != null && o.Identifier.StartsWith(OdsPractice.IdentifierPrefix))
            .ToDictionaryAsync(o => o.Identifier!, cancellationToken);
        var firstRowOf = new Dictionary<string, int>();
        var report = new ImportReport();
        while (await csv.ReadAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = (int)csv.LineNumber;
            report.CountRead();
            var (practice, error) = malformedLines.Contains(row)
                ? (null, "the row's quotation marks are not closed or are misplaced")
                : OdsPractice.Parse(Fields(csv));
            if (practice is null)
            {
                report.Reject(row, error!);
            }
            else if (!firstRowOf.TryAdd(practice.Code, row))
            {
                report.Reject(row, $"ODS code {practice.Code} appears again (first on row {firstRowOf[practice.Code]})");
            }
            else if (Upsert(practice, existing))
            {
                report.CountWritten();
            }

            if (report.Read % SaveEvery == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                progress?.Report(PercentRead(csv.ByteOffset, file.Length));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress?.Report(100);
        return report;
    }

    private bool Upsert(OdsPractice practice, Dictionary<string, Organisation> existing)
    {
        if (existing.TryGetValue(practice.Identifier, out var organisation))
        {
            if (practice.Matches(organisation))
            {
                return false;
            }
        }
        else
        {
            organisation = new Organisation { Name = practice.Name };
            existing.Add(practice.Identifier, organisation);
            db.Organisations.Add(organisation);
        }

        practice.ApplyTo(organisation);
        return true;
    }

    private static string[] Fields(CsvReader csv)
    {
        var fields = new string[csv.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = csv.GetString(i);
        }

        return fields;
    }

    private static int PercentRead(long position, long length) =>
        length == 0 ? 100 : (int)Math.Min(99, position * 100 / length);
}
