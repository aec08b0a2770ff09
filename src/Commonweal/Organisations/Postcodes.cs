using System.Text.RegularExpressions;

namespace Commonweal.Organisations;

/// <summary>UK postcode format checks and normalisation ("e3 2ab" becomes "E3 2AB").</summary>
public static partial class Postcodes
{
    public static string? Normalise(string? value)
    {
        var compact = (value ?? "").Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        return FullPostcode().IsMatch(compact) ? $"{compact[..^3]} {compact[^3..]}" : null;
    }

    /// <summary>The outward code (district), e.g. E14 from "E14 9AB".</summary>
    public static string? Outcode(string? postcode) => Normalise(postcode)?.Split(' ')[0];

    [GeneratedRegex("^(GIR0AA|[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2})$")]
    private static partial Regex FullPostcode();
}
