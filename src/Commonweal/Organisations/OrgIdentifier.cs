using System.Text.RegularExpressions;

namespace Commonweal.Organisations;

/// <summary>
/// An org-id.guide organisation identifier: a register prefix and the organisation's number in that
/// register. Validation follows each register's own number format, so that a typo is caught at entry
/// rather than when a funder tries to match records later.
/// </summary>
public static partial class OrgIdentifier
{
    public sealed record Scheme(string Prefix, string Register, string Hint);

    public static readonly IReadOnlyList<Scheme> Schemes =
    [
        new("GB-CHC", "Charity Commission for England and Wales", "6 or 7 digits, for example 1123456"),
        new("GB-COH", "Companies House", "8 characters: 8 digits, or 2 letters and 6 digits, for example 01234567 or SC123456"),
        new("GB-NHS", "NHS Organisation Data Service (ODS)", "3 to 6 letters and numbers, for example A81001 or RWK"),
        new("GB-SC", "Scottish Charity Regulator", "SC followed by 6 digits, for example SC012345"),
        new("GB-NIC", "Charity Commission for Northern Ireland", "6 digits, for example 100123"),
        new("GB-MPR", "Mutuals Public Register (co-operative and community benefit societies)", "1 to 6 digits, optionally followed by R, for example 30187R"),
        new("GB-LAE", "Local authorities in England", "3 or 4 capital letters, for example TWH"),
    ];

    /// <summary>Longest prefix first, so a prefix that begins another (none today) cannot take its identifiers.</summary>
    private static readonly Scheme[] SchemesLongestFirst = [.. Schemes.OrderByDescending(s => s.Prefix.Length)];

    /// <summary>Company numbers with a letter prefix (Scotland, Northern Ireland, LLPs and others).</summary>
    private static readonly HashSet<string> CompanyPrefixes =
        ["SC", "NI", "OC", "SO", "NC", "R0", "IP", "SP", "RS", "NP", "IC", "CE", "CS", "FC", "GE", "LP", "SL", "NL", "SE", "SG", "SF", "SR", "NO", "NV", "NR"];

    /// <summary>A loop over the array: an import validates two identifiers for every grant, and LINQ over the list allocated three objects each time.</summary>
    public static Scheme? FindScheme(string prefix)
    {
        foreach (var scheme in SchemesLongestFirst)
        {
            if (string.Equals(scheme.Prefix, prefix, StringComparison.OrdinalIgnoreCase))
            {
                return scheme;
            }
        }

        return null;
    }

    /// <summary>Validates a register number under a scheme and returns the full identifier, or an error message.</summary>
    public static (string? Identifier, string? Error) Create(string? prefix, string? number)
    {
        var scheme = prefix is null ? null : FindScheme(prefix.Trim());
        if (scheme is null)
        {
            return (null, "Select the register the organisation is on");
        }

        var raw = (number ?? "").Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (raw.Length == 0)
        {
            return (null, $"Enter the {scheme.Register} number");
        }

        var normalised = scheme.Prefix switch
        {
            "GB-CHC" => CharityNumber().IsMatch(raw) ? raw : null,
            "GB-COH" => NormaliseCompanyNumber(raw),
            "GB-NHS" => OdsCode().IsMatch(raw) ? raw : null,
            "GB-SC" => ScottishCharity().IsMatch(raw) ? raw : null,
            "GB-NIC" => NiCharity().IsMatch(raw) ? raw : null,
            "GB-MPR" => MutualNumber().IsMatch(raw) ? raw : null,
            "GB-LAE" => LocalAuthorityCode().IsMatch(raw) ? raw : null,
            _ => null,
        };

        return normalised is null
            ? (null, $"Enter a valid {scheme.Register} number: {scheme.Hint}")
            : ($"{scheme.Prefix}-{normalised}", null);
    }

    /// <summary>Validates a full identifier such as GB-CHC-1123456 (as found in 360Giving and OCDS data).</summary>
    public static (string? Identifier, string? Error) Parse(string? identifier)
    {
        var value = (identifier ?? "").Trim();
        var scheme = SchemeOf(value, StringComparison.OrdinalIgnoreCase);
        if (scheme is null)
        {
            return (null, $"'{value}' does not start with a known register prefix ({string.Join(", ", Schemes.Select(s => s.Prefix))})");
        }

        return Create(scheme.Prefix, value[(scheme.Prefix.Length + 1)..]);
    }

    public static (string Prefix, string Number)? Split(string? identifier)
    {
        if (identifier is null)
        {
            return null;
        }

        var scheme = SchemeOf(identifier, StringComparison.Ordinal);
        return scheme is null ? null : (scheme.Prefix, identifier[(scheme.Prefix.Length + 1)..]);
    }

    /// <summary>The scheme whose prefix and a hyphen begin the identifier. Imports ask this of every grant, so it builds no strings.</summary>
    private static Scheme? SchemeOf(string identifier, StringComparison comparison)
    {
        foreach (var scheme in SchemesLongestFirst)
        {
            var length = scheme.Prefix.Length;
            if (identifier.Length > length && identifier[length] == '-' && identifier.StartsWith(scheme.Prefix, comparison))
            {
                return scheme;
            }
        }

        return null;
    }

    private static string? NormaliseCompanyNumber(string raw)
    {
        // Companies House numbers are often written without their leading zeros.
        if (raw.All(char.IsAsciiDigit) && raw.Length is >= 1 and <= 8)
        {
            return raw.PadLeft(8, '0');
        }

        return raw.Length == 8 && CompanyPrefixes.Contains(raw[..2]) && raw[2..].All(char.IsAsciiDigit) ? raw : null;
    }

    [GeneratedRegex("^[1-9][0-9]{5,6}$")]
    private static partial Regex CharityNumber();

    [GeneratedRegex("^[A-Z0-9]{3,6}$")]
    private static partial Regex OdsCode();

    [GeneratedRegex("^SC[0-9]{6}$")]
    private static partial Regex ScottishCharity();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex NiCharity();

    [GeneratedRegex("^[0-9]{1,6}R?$")]
    private static partial Regex MutualNumber();

    [GeneratedRegex("^[A-Z]{3,4}$")]
    private static partial Regex LocalAuthorityCode();
}
