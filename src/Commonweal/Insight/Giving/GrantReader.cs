using System.Runtime.CompilerServices;
using CsvHelper;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Commonweal.Insight.Giving;

/// <summary>One grant as read, in the JSON shape whichever the file, with a way to name where a fault is.</summary>
public sealed record ReadGrant(JObject Grant, string Where, Func<string, string> Locate, int Percent);

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

    private static async IAsyncEnumerable<ReadGrant> ReadJsonAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        using var text = new StreamReader(path);
        // Dates stay text: the schema checks them as the publisher wrote them.
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidDataException($"{name} is empty.");
        }

        if (reader.TokenType == JsonToken.StartObject)
        {
            // A package: find its "grants" list; other properties (publisher, version) are skipped.
            var found = false;
            while (await reader.ReadAsync(cancellationToken) && reader.TokenType == JsonToken.PropertyName)
            {
                if ((string?)reader.Value == "grants")
                {
                    await reader.ReadAsync(cancellationToken);
                    found = reader.TokenType == JsonToken.StartArray;
                    break;
                }

                await reader.ReadAsync(cancellationToken);
                await reader.SkipAsync(cancellationToken);
            }

            if (!found)
            {
                throw new InvalidDataException($"{name} is not a 360Giving package: $.grants (a list of grants) is required.");
            }
        }
        else if (reader.TokenType != JsonToken.StartArray)
        {
            throw new InvalidDataException($"{name} is not a 360Giving package: expected an object with a grants list.");
        }

        var index = 0;
        while (await reader.ReadAsync(cancellationToken) && reader.TokenType != JsonToken.EndArray)
        {
            var where = $"{name} $.grants[{index++}]";
            var token = await JToken.ReadFromAsync(reader, cancellationToken);
            var grant = token as JObject ?? [];
            if (token is not JObject)
            {
                grant["__notAnObject"] = true;
            }

            yield return new ReadGrant(grant, where, p => where + p, Percent(text.BaseStream));
        }
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
            var grant = new JObject();
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

            var where = $"{name} row {row}";
            yield return new ReadGrant(grant, where, p => columnOf.TryGetValue(p, out var column)
                ? $"{where}, column '{column}'"
                : $"{where} ({p.TrimStart('.')})", Percent(stream));
        }
    }

    private static int Percent(Stream stream) => stream.Length == 0 ? 100 : (int)(100 * stream.Position / stream.Length);

    /// <summary>Sets "a[0].b" style paths, making the lists and objects on the way.</summary>
    private static void Set(JObject root, string path, string value)
    {
        JObject node = root;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var list = part[..bracket];
            if (node[list] is not JArray)
            {
                node[list] = new JArray(new JObject());
            }

            node = (JObject)((JArray)node[list]!)[0];
        }

        node[parts[^1]] = value;
    }
}
