using System.Text.RegularExpressions;

namespace PacSubmissions.Reports;

/// <summary>A question recognised in a block: its key, and whether only loose similarity found it (then HQ should look).</summary>
internal sealed record QuestionMatch(string Key, bool Loose);

/// <summary>
/// Recognises one of the form's questions in a block of text, however it is numbered, shortened or bracketed:
/// "3. Local Cooperation", "Local Cooperation (highlight activities …)", "Coopération locale :", "三、本地合作".
/// First by the definition's short forms, then by how many of its words the block shares with the question's text
/// (with or without its hint) in any language, which survives reworded and retyped questions.
/// </summary>
internal static partial class QuestionMatcher
{
    /// <summary>Words allowed after the matched phrase in a bold or heading question ("Suggestions to IFLA HQ on improvements to …").</summary>
    private const int EmphasizedRemainder = 14;

    /// <summary>Plain text must read as the question itself, not an answer that starts with the same word.</summary>
    private const int PlainRemainder = 3;

    /// <summary>Shares nearly all its words with the question: the question, whatever the layout.</summary>
    private const double CloseSimilarity = 0.8;

    /// <summary>Shares most of its words: a reworded question when it stands out as a heading; HQ is asked to look.</summary>
    private const double LooseSimilarity = 0.6;

    /// <summary>Longer blocks are answers; comparing them would cost time and find nothing.</summary>
    private const int MaxQuestionWords = 60;

    public static QuestionMatch? Match(string text, bool emphasized, FormRules rules, IReadOnlySet<string> seen)
    {
        var head = Head(text);
        if (head.Length == 0)
        {
            return null;
        }

        foreach (var (key, pattern) in rules.Patterns)
        {
            if (seen.Contains(key) || pattern.Match(head) is not { Success: true } match)
            {
                continue;
            }

            var remainder = TextCleaner.CountWords(head[match.Length..]);
            var sentence = head.EndsWith('.') || head.EndsWith('。');
            if (emphasized ? remainder <= EmphasizedRemainder && !(sentence && remainder > PlainRemainder) : remainder <= PlainRemainder && !sentence)
            {
                return new QuestionMatch(key, Loose: false);
            }
        }

        return Similar(text, emphasized, rules, seen);
    }

    private static QuestionMatch? Similar(string text, bool emphasized, FormRules rules, IReadOnlySet<string> seen)
    {
        var withoutNumber = Numbering().Replace(TextCleaner.Fold(text), "");
        if (!emphasized && (withoutNumber.EndsWith('.') || withoutNumber.EndsWith('。')))
        {
            // Plain text that ends a sentence is someone's answer ("Local cooperation.").
            return null;
        }

        var tokens = FormRules.Tokens(withoutNumber);
        if (tokens.Count < 2 || tokens.Count > MaxQuestionWords)
        {
            return null;
        }

        var headTokens = FormRules.Tokens(Head(text));
        var best = (Key: (string?)null, Score: 0.0);
        foreach (var wording in rules.Wordings)
        {
            if (seen.Contains(wording.Key))
            {
                continue;
            }

            // With its hint only when the question's own words are there: hints alone resemble each other ("highlight activities …").
            var full = Covers(tokens, wording.Text) ? FormRules.Similarity(tokens, wording.Full) : 0;
            var score = Math.Max(full, Math.Max(FormRules.Similarity(tokens, wording.Text), FormRules.Similarity(headTokens, wording.Text)));
            if (score > best.Score)
            {
                best = (wording.Key, score);
            }
        }

        return best.Key is { } key && (best.Score >= CloseSimilarity || (emphasized && best.Score >= LooseSimilarity))
            ? new QuestionMatch(key, Loose: best.Score < CloseSimilarity)
            : null;
    }

    private static bool Covers(IReadOnlySet<string> tokens, IReadOnlySet<string> question) =>
        question.Count > 0 && question.Count(tokens.Contains) >= 0.75 * question.Count;

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
