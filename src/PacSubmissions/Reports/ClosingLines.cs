using System.Text.RegularExpressions;

namespace PacSubmissions.Reports;

/// <summary>
/// The form's own closing instructions ("Add additional resources and pictures…", "Kindly submit to … before 15 July")
/// and the "prepared by" line: text that belongs to no answer.
/// </summary>
internal static partial class ClosingLines
{
    /// <summary>An instruction is short; a long paragraph that happens to say "please send" is someone's answer.</summary>
    private const int MaxInstructionWords = 45;

    /// <summary>The "prepared by" words open the line; further in, they are part of an answer ("a guide prepared by …").</summary>
    private const int MaxPreparedByOffset = 60;

    private static readonly string[] Instructions = Fold(
    [
        "add additional resources", "kindly submit", "please submit", "please send", "submit your report", "submit to",
        "ajoutez des ressources", "ajouter des ressources", "veuillez soumettre", "veuillez envoyer", "merci d'envoyer", "merci de soumettre",
        "añada recursos", "agregue recursos", "añadir recursos", "envíe su informe", "por favor envíe", "favor de enviar",
        "добавьте дополнительные", "просим направить", "пожалуйста, отправьте", "присылайте", "отправьте отчет",
        "fügen sie", "bitte senden", "bitte reichen", "bitte schicken",
        "أضف موارد", "أضيفوا موارد", "يرجى إرسال", "يرجى تقديم", "الرجاء إرسال",
        "添加其他资源", "附加资源", "请将报告", "请于", "请在",
    ]);

    private static readonly string[] PreparedByMarkers = Fold(
    [
        "prepared by", "compiled by", "completed by", "written by", "report by",
        "préparé par", "préparée par", "rédigé par", "établi par", "preparado por", "elaborado por", "redactado por",
        "подготовил", "подготовила", "подготовлено", "составил", "составила", "erstellt von", "verfasst von", "ausgefüllt von",
        "أعده", "أعدته", "إعداد", "编写人", "填报人", "撰写人", "报告人", "编写：", "编写:",
    ]);

    public static bool IsInstruction(string text)
    {
        var folded = TextCleaner.Fold(text);
        return Instructions.Any(i => folded.Contains(i, StringComparison.Ordinal)) && TextCleaner.CountWords(text) <= MaxInstructionWords;
    }

    /// <summary>Whether the text is a "prepared by" line, and if so the name it gives (null when it names no one).</summary>
    public static bool TryPreparedBy(string text, out string? name)
    {
        name = null;
        var folded = TextCleaner.Fold(text);
        foreach (var marker in PreparedByMarkers)
        {
            var at = folded.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || at > MaxPreparedByOffset)
            {
                continue;
            }

            // Folding keeps lengths for the scripts on the form; the clamp guards the rare letter that changes length.
            var start = Math.Min(text.Length, at + marker.Length);
            name = NameIn(text[start..]);
            return true;
        }

        return false;
    }

    private static string? NameIn(string rest)
    {
        var clause = rest.TrimStart(' ', ':', '：', '-', '–', '—', '\t');
        var firstComma = clause.IndexOfAny([',', ';', '，', '、', '،']);
        var dash = DashSeparator().Match(clause);
        if (dash.Success && (firstComma < 0 || dash.Index < firstComma))
        {
            // "prepared by the coordinator of the centre - Jane Doe, head of …": the name follows the dash.
            clause = clause[(dash.Index + dash.Length)..];
        }

        clause = ClauseEnd().Split(clause, 2)[0].Trim().TrimEnd('.', '。');
        if (clause.Length == 0)
        {
            return null;
        }

        if (char.IsLower(clause[0]) && CapitalisedRun().Match(clause) is { Success: true } run)
        {
            return run.Value;
        }

        return clause.Length <= 80 ? clause : null;
    }

    /// <summary>Folded, longest first, so "подготовила" wins over its prefix "подготовил".</summary>
    private static string[] Fold(string[] phrases) => phrases.Select(TextCleaner.Fold).OrderByDescending(p => p.Length).ToArray();

    [GeneratedRegex(@"\s[-–—]\s")]
    private static partial Regex DashSeparator();

    [GeneratedRegex(@"[,;(，、（،]|\.\s|\s[-–—]\s")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)+")]
    private static partial Regex CapitalisedRun();
}
