using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PacSubmissions.Reports;

/// <summary>Whitespace, comparison and word counting rules shared by every format.</summary>
internal static partial class TextCleaner
{
    /// <summary>Collapses every run of whitespace (tabs, no-break spaces, line breaks) to one space and trims.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Lower case without accents, so "Coopération" matches "cooperation" and "Vorschläge" matches "vorschlage".</summary>
    public static string Fold(string text)
    {
        // The form analysis asks for the same block's fold many times in a row (closing line? question? hint?): keep the last one.
        if (ReferenceEquals(text, lastFolded.Text))
        {
            return lastFolded.Folded;
        }

        var result = FoldUncached(text);
        lastFolded = (text, result);
        return result;
    }

    [ThreadStatic]
    private static (string? Text, string Folded) lastFolded;

    private static string FoldUncached(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c switch { '’' or '‘' => '\'', '–' or '—' or '‐' => '-', 'ё' => 'е', _ => c });
            }
        }

        return Collapse(folded.ToString().Normalize(NormalizationForm.FormC));
    }

    /// <summary>Words, counting each Chinese/Japanese ideograph as one since those scripts do not separate words.</summary>
    public static int CountWords(string text) => Words().Count(text);

    /// <summary>The words themselves, by the same rule as <see cref="CountWords"/>, with their positions.</summary>
    public static MatchCollection WordsOf(string text) => Words().Matches(text);

    [GeneratedRegex(@"[\s\u00A0\u200B\uFEFF]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]|[\p{L}\p{N}\p{M}-[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]]+")]
    private static partial Regex Words();
}
