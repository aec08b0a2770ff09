using System.Globalization;
using System.Text;

namespace Commonweal.Importing;

/// <summary>
/// Turns the capitals of official registers ("THE DENSHAM SURGERY") into the case people write
/// ("The Densham Surgery"), keeping short joining words low and known initialisms high.
/// </summary>
public static class TitleCase
{
    private static readonly HashSet<string> JoiningWords =
        new(["and", "at", "by", "de", "du", "for", "in", "la", "le", "of", "on", "the", "to", "upon", "with"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Initialisms =
        new(["NHS", "GP", "GPS", "PCN", "UK", "HMP", "HMYOI", "CIC", "LLP", "PLC", "UTC"], StringComparer.OrdinalIgnoreCase);

    public static string Apply(string text)
    {
        var result = new StringBuilder(text.Length);
        var word = new StringBuilder();
        var wordIndex = 0;
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                result.Append(CaseWord(word.ToString(), wordIndex++ == 0));
                word.Clear();
            }

            result.Append(c);
        }

        return result.ToString(0, result.Length - 1);
    }

    private static string CaseWord(string word, bool first)
    {
        if (Initialisms.Contains(word))
        {
            return word.ToUpperInvariant();
        }

        var lower = word.ToLower(CultureInfo.InvariantCulture);
        if (!first && JoiningWords.Contains(word))
        {
            return lower;
        }

        // "O'BRIEN" becomes "O'Brien", but "LYONS'" stays "Lyons'".
        var cased = new StringBuilder(lower);
        cased[0] = char.ToUpperInvariant(cased[0]);
        var apostrophe = lower.IndexOf('\'', StringComparison.Ordinal);
        if (apostrophe == 1 && lower.Length > 2)
        {
            cased[2] = char.ToUpperInvariant(cased[2]);
        }

        return cased.ToString();
    }
}
