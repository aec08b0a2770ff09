namespace Commonweal.Importing;

/// <summary>
/// A rejected input row: its 1-based line number and why it was left out. Documents that are not
/// rows (JSON) name where they are instead: a file and a JSON path, or a CSV file and row.
/// </summary>
public sealed record ImportRejection(int Row, string Reason, string? Where = null)
{
    public override string ToString() => Where is null ? $"row {Row}: {Reason}" : $"{Where}: {Reason}";
}

/// <summary>
/// What an import did, in the words every importer reports: rows read, rows written (created or
/// actually changed) and rows rejected with their reasons.
/// </summary>
public sealed class ImportReport
{
    private readonly List<ImportRejection> rejected = [];

    public int Read { get; private set; }
    public int Written { get; private set; }
    public IReadOnlyList<ImportRejection> Rejected => rejected;

    public string SummaryLine => $"read {Read}, written {Written}, rejected {Rejected.Count}";

    public void CountRead() => Read++;

    public void CountWritten() => Written++;

    public void Reject(int row, string reason) => rejected.Add(new ImportRejection(row, reason));

    public void Reject(string where, string reason) => rejected.Add(new ImportRejection(0, reason, where));
}
