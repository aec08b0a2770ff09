using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Commonweal.Procurement.Ocds;

/// <summary>
/// What an imported release must have for Commonweal to keep it and serve it again: the fields
/// OCDS requires of every release, ids on what is merged by id, and values with an amount and a
/// currency. Anything else (other languages, other currencies, extensions) is kept as it is.
/// Each fault names its JSON path.
/// </summary>
public static partial class OcdsValidation
{
    public static readonly IReadOnlySet<string> ReleaseTags = new HashSet<string>(StringComparer.Ordinal)
    {
        "planning", "planningUpdate", "tender", "tenderAmendment", "tenderUpdate", "tenderCancellation", "award", "awardUpdate",
        "awardCancellation", "contract", "contractUpdate", "contractAmendment", "implementation", "implementationUpdate", "contractTermination",
    };

    public static List<(string Path, string Reason)> Validate(JsonNode? node, string path)
    {
        var errors = new List<(string, string)>();
        if (node is not JsonObject release)
        {
            errors.Add((path, "a release must be a JSON object"));
            return errors;
        }

        Text(release, "ocid", path, OcdsProcess.OcidMaxLength, "every release needs an ocid (the contracting process's id)", errors);
        Text(release, "id", path, OcdsRelease.ReleaseIdMaxLength, "every release needs an id", errors);
        if (release["date"] is not JsonValue date || !date.TryGetValue<string>(out var d) || ParseDate(d) is null)
        {
            errors.Add(($"{path}.date", release["date"] is null ? "every release needs a date" : "the date must be an ISO 8601 date and time, such as 2026-03-01T09:00:00Z"));
        }

        if (release["tag"] is not JsonArray tags || tags.Count == 0)
        {
            errors.Add(($"{path}.tag", "every release needs a tag: a list of one or more release tags"));
        }
        else
        {
            for (var i = 0; i < tags.Count; i++)
            {
                if (tags[i] is not JsonValue t || !t.TryGetValue<string>(out var s) || !ReleaseTags.Contains(s))
                {
                    errors.Add(($"{path}.tag[{i}]", $"'{tags[i]?.ToJsonString()}' is not a release tag of OCDS 1.1"));
                }
            }
        }

        if (release["initiationType"] is { } initiation && (initiation is not JsonValue iv || !iv.TryGetValue<string>(out _)))
        {
            errors.Add(($"{path}.initiationType", "must be text"));
        }

        if (release["language"] is { } language && (language is not JsonValue lv || !lv.TryGetValue<string>(out var l) || l.Length > 35))
        {
            errors.Add(($"{path}.language", "must be a language tag such as en or es"));
        }

        Identified(release, "parties", path, errors);
        Identified(release, "awards", path, errors);
        Identified(release, "contracts", path, errors);
        if (release["contracts"] is JsonArray contracts)
        {
            for (var i = 0; i < contracts.Count; i++)
            {
                if (contracts[i] is JsonObject c && !IsId(c["awardID"]))
                {
                    errors.Add(($"{path}.contracts[{i}].awardID", "every contract needs the id of the award it follows"));
                }
            }
        }

        if (release["tender"] is { } tender && tender is not JsonObject)
        {
            errors.Add(($"{path}.tender", "must be an object"));
        }

        Values(release, path, errors);
        return errors;
    }

    public static DateTimeOffset? ParseDate(string? value) =>
        value is not null && value.Length >= 10 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    public static bool IsId(JsonNode? node) =>
        node is JsonValue v && ((v.TryGetValue<string>(out var s) && s.Length > 0) || v.TryGetValue<double>(out _));

    private static void Text(JsonObject o, string name, string path, int max, string missing, List<(string, string)> errors)
    {
        if (o[name] is not JsonValue v || !v.TryGetValue<string>(out var s) || string.IsNullOrWhiteSpace(s))
        {
            errors.Add(($"{path}.{name}", o[name] is null ? $"missing: {missing}" : "must be text"));
        }
        else if (s.Length > max)
        {
            errors.Add(($"{path}.{name}", $"must be {max} characters or fewer"));
        }
    }

    private static void Identified(JsonObject o, string name, string path, List<(string, string)> errors)
    {
        if (o[name] is null)
        {
            return;
        }

        if (o[name] is not JsonArray items)
        {
            errors.Add(($"{path}.{name}", "must be a list"));
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item)
            {
                errors.Add(($"{path}.{name}[{i}]", "must be an object"));
            }
            else if (!IsId(item["id"]))
            {
                errors.Add(($"{path}.{name}[{i}].id", "missing: each one needs an id, by which releases are merged"));
            }
        }
    }

    /// <summary>Every OCDS Value (value, minValue, anywhere in the release) has a numeric amount and a currency.</summary>
    private static void Values(JsonNode node, string path, List<(string, string)> errors)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    var childPath = $"{path}.{name}";
                    if (name is "value" or "minValue" && child is JsonObject value)
                    {
                        Money(value, childPath, errors);
                    }
                    else if (child is not null)
                    {
                        Values(child, childPath, errors);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item)
                    {
                        Values(item, $"{path}[{i}]", errors);
                    }
                }

                break;
        }
    }

    private static void Money(JsonObject value, string path, List<(string, string)> errors)
    {
        if (value["amount"] is null)
        {
            errors.Add(($"{path}.amount", "missing: a value needs an amount"));
        }
        else if (value["amount"] is not JsonValue amount || !amount.TryGetValue<decimal>(out _))
        {
            errors.Add(($"{path}.amount", "the amount must be a number"));
        }

        if (value["currency"] is null)
        {
            errors.Add(($"{path}.currency", "missing: a value needs a currency (ISO 4217, such as GBP or EUR)"));
        }
        else if (value["currency"] is not JsonValue currency || !currency.TryGetValue<string>(out var c) || !CurrencyCode().IsMatch(c))
        {
            errors.Add(($"{path}.currency", "the currency must be a three-letter ISO 4217 code, such as GBP or EUR"));
        }
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
