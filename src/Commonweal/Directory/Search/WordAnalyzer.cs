using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Commonweal.Directory.Search;

/// <summary>
/// Words as the database's own full-text index reads them (SQLite's "porter unicode61"): runs of
/// letters and digits, lower-cased, accents folded, Porter-stemmed, no stop words.
/// </summary>
internal sealed class WordAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The stems of the text's words, in order.</summary>
    public IReadOnlyList<string> Stems(string text)
    {
        var stems = new List<string>();
        using var stream = GetTokenStream("", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            stems.Add(term.ToString());
        }

        stream.End();
        return stems;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var words = new WordTokenizer(reader);
        return new TokenStreamComponents(words, new PorterStemFilter(new ASCIIFoldingFilter(new LowerCaseFilter(Version, words))));
    }

    private sealed class WordTokenizer(TextReader reader) : CharTokenizer(Version, reader)
    {
        protected override bool IsTokenChar(int c) =>
            Rune.IsValid(c) && Rune.GetUnicodeCategory(new Rune(c)) is
                UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }
}
