using System.Text.RegularExpressions;

namespace PacSubmissions.Reports;

/// <summary>
/// Recognises one of the form's questions in a block of text, however it is numbered, shortened or bracketed:
/// "3. Local Cooperation", "Local Cooperation (highlight activities …)", "Coopération locale :", "三、本地合作".
/// </summary>
internal static partial class QuestionMatcher
{
    /// <summary>Words allowed after the matched phrase in a bold or heading question ("Suggestions to IFLA HQ on improvements to …").</summary>
    private const int EmphasizedRemainder = 14;

    /// <summary>Plain text must read as the question itself, not an answer that starts with the same word.</summary>
    private const int PlainRemainder = 3;

    public static string? Match(string text, bool emphasized)
    {
        var head = Head(text);
        if (head.Length == 0)
        {
            return null;
        }

        foreach (var (key, pattern) in QuestionPhrases.Patterns)
        {
            var match = pattern.Match(head);
            if (!match.Success)
            {
                continue;
            }

            var remainder = TextCleaner.CountWords(head[match.Length..]);
            var sentence = head.EndsWith('.') || head.EndsWith('。');
            if (emphasized ? remainder <= EmphasizedRemainder && !(sentence && remainder > PlainRemainder) : remainder <= PlainRemainder && !sentence)
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>The question's own words: folded, without numbering ("3.", "III)", "Q3:", "一、") or the explanation in brackets.</summary>
    internal static string Head(string text)
    {
        var folded = Numbering().Replace(TextCleaner.Fold(text), "");
        var bracket = folded.IndexOfAny(['(', '（', '[']);
        if (bracket >= 0)
        {
            folded = folded[..bracket];
        }

        return folded.Trim().TrimEnd(':', '：', ';', '?', '？', '-', ' ', '*').Trim();
    }

    [GeneratedRegex(@"^\s*(?:[•●▪*#]\s*)?(?:(?:question|q|вопрос|frage|pregunta|سؤال|问题)\s*)?(?:\d{1,2}(?:\.\d{1,2})?|[ivx]{1,4}|[a-h]|[一二三四五六七八九十]{1,2})\s*(?:[.)\]:、．-]\s*|\s+)")]
    private static partial Regex Numbering();
}
