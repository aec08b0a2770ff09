namespace Commonweal.Importing;

/// <summary>A rejected input row: its 1-based line number and why it was left out.</summary>
public sealed record ImportRejection(int Row, string Reason)
{
    public override string ToString() => $"row {Row}: {Reason}";
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
}
