using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;

namespace Commonweal.Insight.Giving;

/// <summary>
/// One grant as read, as the bytes of its JSON whichever the file (a CSV row is written out in the
/// JSON shape), with a way to name where a fault is. Parsing is left to <see cref="Parse"/>, so that
/// the importer parses grants in parallel rather than the reader parsing them one after another.
/// </summary>
public sealed class ReadGrant
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    private readonly byte[] json;
    private readonly string file;
    private readonly int index;
    private readonly Dictionary<string, string>? columns;

    /// <summary>Grant <paramref name="index"/> of a JSON file's list.</summary>
    public ReadGrant(byte[] json, string file, int index, int percent)
    {
        (this.json, this.file, this.index, Percent) = (json, file, index, percent);
    }

    /// <summary>A CSV row, and the column each JSON path it set came from.</summary>
    public ReadGrant(byte[] json, string file, int row, Dictionary<string, string> columns, int percent)
    {
        (this.json, this.file, index, this.columns, Percent) = (json, file, row, columns, percent);
    }

    public int Percent { get; }

    /// <summary>The grant as a whole: "grants.json $.grants[3]" or "grants.csv row 4".</summary>
    public string Where => columns is null ? $"{file} $.grants[{index}]" : $"{file} row {index}";

    /// <summary>Where a path within the grant (".amountAwarded") is: in a CSV, its column when it had one.</summary>
    public string Locate(string path) =>
        columns is null ? Where + path
        : columns.TryGetValue(path, out var column) ? $"{Where}, column '{column}'"
        : $"{Where} ({path.TrimStart('.')})";

    /// <summary>The grant's bytes, as its JSON (a CSV row written out in that shape).</summary>
    public ReadOnlySpan<byte> Json => json;

    /// <summary>The grant, parsed anew on each call rather than kept, so a batch waiting to be checked holds only bytes.</summary>
    public JsonDocument Parse() => JsonDocument.Parse(json, Options);
}

/// <summary>
/// Streams grants from a 360Giving JSON package ({"grants": [...]}, or a bare list) or from a
/// 360Giving CSV (the standard's column titles, "Recipient Org:Identifier" and so on), one at a
/// time so memory stays flat however long the file is.
/// </summary>
public static class GrantReader
{
    /// <summary>CSV column titles of the standard's flattened form, and where each goes in the JSON shape.</summary>
    private static readonly Dictionary<string, string> CsvColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Identifier"] = "id",
        ["Title"] = "title",
        ["Description"] = "description",
        ["Currency"] = "currency",
        ["Amount Applied For"] = "amountAppliedFor",
        ["Amount Awarded"] = "amountAwarded",
        ["Amount Disbursed"] = "amountDisbursed",
        ["Award Date"] = "awardDate",
        ["URL"] = "url",
        ["Planned Dates:Start Date"] = "plannedDates[0].startDate",
        ["Planned Dates:End Date"] = "plannedDates[0].endDate",
        ["Planned Dates:Duration (months)"] = "plannedDates[0].duration",
        ["Recipient Org:Identifier"] = "recipientOrganization[0].id",
        ["Recipient Org:Name"] = "recipientOrganization[0].name",
        ["Recipient Org:Charity Number"] = "recipientOrganization[0].charityNumber",
        ["Recipient Org:Company Number"] = "recipientOrganization[0].companyNumber",
        ["Recipient Org:Postal Code"] = "recipientOrganization[0].postalCode",
        ["Funding Org:Identifier"] = "fundingOrganization[0].id",
        ["Funding Org:Name"] = "fundingOrganization[0].name",
        ["Grant Programme:Code"] = "grantProgramme[0].code",
        ["Grant Programme:Title"] = "grantProgramme[0].title",
        ["Last modified"] = "dateModified",
        ["Data Source"] = "dataSource",
    };

    public static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static IAsyncEnumerable<ReadGrant> ReadAsync(string path, CancellationToken cancellationToken) =>
        IsCsv(path) ? ReadCsvAsync(path, cancellationToken) : ReadJsonAsync(path, cancellationToken);

    /// <summary>
    /// Finds each grant's bytes with System.Text.Json's reader over a buffer that is refilled as it
    /// goes (so memory stays flat), without building the grant: parsing is left to <see cref="ReadGrant.Parse"/>.
    /// </summary>
    private static async IAsyncEnumerable<ReadGrant> ReadJsonAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var length = stream.Length;
        var buffer = new byte[1 << 20];
        int start = 0, end = 0;
        long offset = 0;
        var final = false;
        var scan = new JsonScan();
        var grants = new List<(int Start, int End)>();
        var index = 0;
        if (length == 0)
        {
            throw new InvalidDataException($"{name} is empty.");
        }

        while (scan.Phase != JsonPhase.Done)
        {
            if (!final)
            {
                // Keep the unread bytes, growing the buffer when one grant does not fit in it.
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    offset += start;
                    (start, end) = (0, end - start);
                }

                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
                end += read;
                final = read == 0;
            }

            grants.Clear();
            int consumed;
            try
            {
                consumed = Scan(buffer.AsSpan(start, end - start), final, scan, grants);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{name} is not valid JSON near line {e.LineNumber + 1}: {e.Message}", e);
            }

            if (final && consumed == 0 && scan.Phase != JsonPhase.Done)
            {
                throw new InvalidDataException(scan.Phase == JsonPhase.InPackage
                    ? $"{name} is not a 360Giving package: $.grants (a list of grants) is required."
                    : $"{name} ends before its list of grants does.");
            }

            var percent = (int)(100 * (offset + start + consumed) / length);
            foreach (var (from, to) in grants)
            {
                yield return new ReadGrant(buffer[(start + from)..(start + to)], name, index++, percent);
            }

            start += consumed;
        }
    }

    private enum JsonPhase
    {
        Start,
        InPackage,
        InList,
        Done,
    }

    private sealed class JsonScan
    {
        public JsonReaderState State = new(new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        public JsonPhase Phase = JsonPhase.Start;
    }

    /// <summary>
    /// Reads as far as the data allows: the package's opening, its other properties (skipped), and
    /// each whole grant of the list, whose start and end it adds to <paramref name="grants"/>. Returns
    /// the bytes used up to the last whole step; the rest is read again once more data has come.
    /// </summary>
    private static int Scan(ReadOnlySpan<byte> data, bool final, JsonScan scan, List<(int Start, int End)> grants)
    {
        var reader = new Utf8JsonReader(data, final, scan.State);
        var used = 0;
        while (scan.Phase != JsonPhase.Done && reader.Read())
        {
            switch (scan.Phase)
            {
                case JsonPhase.Start:
                    scan.Phase = reader.TokenType switch
                    {
                        JsonTokenType.StartObject => JsonPhase.InPackage,
                        JsonTokenType.StartArray => JsonPhase.InList,
                        _ => throw new InvalidDataException("The file is not a 360Giving package: expected an object with a grants list."),
                    };
                    break;
                case JsonPhase.InPackage when reader.TokenType == JsonTokenType.EndObject:
                    throw new InvalidDataException("The file is not a 360Giving package: $.grants (a list of grants) is required.");
                case JsonPhase.InPackage when reader.ValueTextEquals("grants"u8):
                    if (!reader.Read())
                    {
                        return used;
                    }

                    scan.Phase = reader.TokenType == JsonTokenType.StartArray
                        ? JsonPhase.InList
                        : throw new InvalidDataException("The file is not a 360Giving package: $.grants must be a list of grants.");
                    break;
                case JsonPhase.InPackage:
                    // Other properties of the package (publisher, version) are skipped.
                    if (!reader.TrySkip())
                    {
                        return used;
                    }

                    break;
                case JsonPhase.InList when reader.TokenType == JsonTokenType.EndArray:
                    scan.Phase = JsonPhase.Done;
                    break;
                case JsonPhase.InList:
                    var from = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        return used;
                    }

                    grants.Add((from, (int)reader.BytesConsumed));
                    break;
            }

            used = (int)reader.BytesConsumed;
            scan.State = reader.CurrentState;
        }

        return used;
    }

    private static async IAsyncEnumerable<ReadGrant> ReadCsvAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        var name = Path.GetFileName(path);
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { HasHeader = false });
        if (!csv.Read())
        {
            throw new InvalidDataException($"{name} has no header row.");
        }

        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
        var columns = header.Select((h, i) => (Index: i, Title: h.Trim(), Target: CsvColumns.GetValueOrDefault(h.Trim())))
            .Where(c => c.Target is not null).ToList();
        var row = 1;
        while (csv.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            row++;
            var grant = new JsonObject();
            var columnOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (index, title, target) in columns)
            {
                var value = index < csv.FieldCount ? csv.GetString(index) : "";
                if (string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                Set(grant, target!, value.Trim());
                columnOf["." + target!] = title;
            }

            yield return new ReadGrant(JsonSerializer.SerializeToUtf8Bytes(grant), name, row, columnOf, Percent(stream));
        }
    }

    private static int Percent(Stream stream) => stream.Length == 0 ? 100 : (int)(100 * stream.Position / stream.Length);

    /// <summary>Sets "a[0].b" style paths, making the lists and objects on the way.</summary>
    private static void Set(JsonObject root, string path, string value)
    {
        var node = root;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var part = parts[i];
            var list = part[..part.IndexOf('[', StringComparison.Ordinal)];
            if (node[list] is not JsonArray items)
            {
                node[list] = items = [new JsonObject()];
            }

            node = (JsonObject)items[0]!;
        }

        node[parts[^1]] = value;
    }
}
