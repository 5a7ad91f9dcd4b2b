using System.Text.RegularExpressions;

namespace PacSubmissions.Reports;

/// <summary>Answers that say nothing: "-", "N/A", "None.", "Nil", "Néant", "Нет", "无" and the like.</summary>
internal static partial class NonAnswers
{
    private static readonly HashSet<string> Phrases = new[]
    {
        "n a", "na", "none", "nil", "no", "nothing", "not applicable", "no comment", "no comments", "nothing to report", "none so far",
        "tbd", "to be completed", "neant", "rien", "aucun", "aucune", "sans objet", "pas de commentaires", "pas de commentaire", "non applicable",
        "ninguno", "ninguna", "nada", "no aplica", "sin comentarios", "no procede", "нет", "не имеется", "отсутствует", "нет комментариев",
        "не применимо", "keine", "keiner", "keines", "nichts", "entfallt", "keine kommentare", "keine anmerkungen", "nicht zutreffend",
        "لا يوجد", "لا شيء", "لا", "无", "没有", "暂无", "无意见", "不适用",
    }.Select(TextCleaner.Fold).ToHashSet(StringComparer.Ordinal);

    public static bool IsNonAnswer(string text)
    {
        var bare = TextCleaner.Collapse(Punctuation().Replace(TextCleaner.Fold(text), " "));
        return bare.Length == 0 || Phrases.Contains(bare);
    }

    [GeneratedRegex(@"[\p{P}\p{S}]")]
    private static partial Regex Punctuation();
}
