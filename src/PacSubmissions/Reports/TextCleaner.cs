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

    /// <summary>
    /// CJK radicals and compatibility ideographs as the ordinary ideographs they stand for: browsers' PDFs map some glyphs
    /// of CJK fonts to the Kangxi radical (U+2F00–U+2FDF) or compatibility (U+F900–U+FAFF) code points that share them.
    /// NFKC maps those; the radicals supplement (U+2E80–U+2EFF) it mostly leaves, so a table gives the full characters.
    /// </summary>
    public static string NormalizeIdeographs(string text)
    {
        if (!text.Any(c => c is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF'))
        {
            return text;
        }

        var normalized = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            normalized.Append(c switch
            {
                >= '\u2E80' and <= '\u2EFF' when RadicalSupplement.TryGetValue(c, out var ideograph) => ideograph,
                >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF' => c.ToString().Normalize(NormalizationForm.FormKC),
                _ => c.ToString(),
            });
        }

        return normalized.ToString();
    }

    /// <summary>The radicals supplement's simplified and variant forms that are characters of their own, as those characters.</summary>
    private static readonly Dictionary<char, string> RadicalSupplement = new()
    {
        ['\u2E8C'] = "小", ['\u2E8D'] = "小", ['\u2E95'] = "彐", ['\u2E9C'] = "日", ['\u2E9F'] = "母", ['\u2EA0'] = "民", ['\u2EA4'] = "爫",
        ['\u2EA6'] = "丬", ['\u2EAA'] = "疋", ['\u2EAE'] = "竹", ['\u2EB7'] = "羊", ['\u2EBC'] = "肉", ['\u2EC4'] = "西", ['\u2EC5'] = "见",
        ['\u2EC6'] = "角", ['\u2EC8'] = "讠", ['\u2EC9'] = "贝", ['\u2ECB'] = "车", ['\u2ECF'] = "阝", ['\u2ED1'] = "長", ['\u2ED3'] = "长",
        ['\u2ED4'] = "门", ['\u2ED6'] = "阝", ['\u2ED8'] = "青", ['\u2EDA'] = "页", ['\u2EDB'] = "风", ['\u2EDC'] = "飞", ['\u2EDD'] = "食",
        ['\u2EDF'] = "飠", ['\u2EE0'] = "饣", ['\u2EE2'] = "马", ['\u2EE3'] = "骨", ['\u2EE4'] = "鬼", ['\u2EE5'] = "鱼", ['\u2EE6'] = "鸟",
        ['\u2EE8'] = "麦", ['\u2EE9'] = "黄", ['\u2EEB'] = "斉", ['\u2EEC'] = "齐", ['\u2EED'] = "歯", ['\u2EEE'] = "齿", ['\u2EEF'] = "竜",
        ['\u2EF0'] = "龙", ['\u2EF2'] = "亀", ['\u2EF3'] = "龟",
    };

    /// <summary>The addresses of a mailto: link ("mailto:a@b.org,c@d.org?subject=…"), unescaped; nothing for other links.</summary>
    public static IEnumerable<string> MailtoAddresses(string target)
    {
        var trimmed = target.Trim();
        if (!trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var addresses = trimmed["mailto:".Length..].Split('?')[0];
        return Uri.UnescapeDataString(addresses).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(ContactFacts.IsAddress);
    }

    /// <summary>The words themselves, by the same rule as <see cref="CountWords"/>, with their positions.</summary>
    public static MatchCollection WordsOf(string text) => Words().Matches(text);

    [GeneratedRegex(@"[\s\u00A0\u200B\uFEFF]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]|[\p{L}\p{N}\p{M}-[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]]+")]
    private static partial Regex Words();
}
