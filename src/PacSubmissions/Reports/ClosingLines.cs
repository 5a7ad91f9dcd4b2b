using System.Text.RegularExpressions;

namespace PacSubmissions.Reports;

/// <summary>
/// Text around the questions that belongs to no answer: the form's closing instructions ("Add additional resources and
/// pictures…", "Bitte ergänzen Sie …"), the "prepared by" line, and a covering letter's greeting and sign-off. The
/// phrases come from the form definition.
/// </summary>
internal static partial class ClosingLines
{
    /// <summary>An instruction is short; a long paragraph that happens to say "please send" is someone's answer.</summary>
    private const int MaxInstructionWords = 45;

    /// <summary>The "prepared by" words open the line; further in, they are part of an answer ("a guide prepared by …").</summary>
    private const int MaxPreparedByOffset = 60;

    /// <summary>A name on its own line under a "Prepared by" label is short.</summary>
    private const int MaxNameWords = 8;

    /// <summary>A greeting or sign-off is a line of its own, not a sentence that contains "regards".</summary>
    private const int MaxLetterLineWords = 8;

    public static bool IsInstruction(string text, FormRules rules)
    {
        var folded = TextCleaner.Fold(text);
        return rules.Instructions.Any(i => folded.Contains(i, StringComparison.Ordinal)) && TextCleaner.CountWords(text) <= MaxInstructionWords;
    }

    /// <summary>"Dear colleagues," opening a covering letter.</summary>
    public static bool IsGreeting(string text, FormRules rules)
    {
        var folded = TextCleaner.Fold(text);
        return TextCleaner.CountWords(text) <= MaxLetterLineWords
            && rules.Greetings.Any(g => folded.StartsWith(g, StringComparison.Ordinal) && (folded.Length == g.Length || !char.IsLetter(folded[g.Length])));
    }

    /// <summary>"Yours sincerely," / "С уважением," closing a letter: what follows is a signature.</summary>
    public static bool IsSignOff(string text, FormRules rules) =>
        TextCleaner.CountWords(text) <= MaxLetterLineWords && rules.SignOffs.Contains(FormRules.Bare(text));

    /// <summary>Whether the text is a "prepared by" line, and if so the name it gives (null when it is only the label).</summary>
    public static bool TryPreparedBy(string text, FormRules rules, out string? name)
    {
        name = null;
        var folded = TextCleaner.Fold(text);
        foreach (var marker in rules.PreparedByLabels)
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

    /// <summary>The name a line under a "Prepared by" label gives, or null when the line is something else.</summary>
    public static string? NameOnItsOwn(string text) =>
        TextCleaner.CountWords(text) is > 0 and <= MaxNameWords && !text.Contains('@', StringComparison.Ordinal) ? NameIn(text) : null;

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

    [GeneratedRegex(@"\s[-–—]\s")]
    private static partial Regex DashSeparator();

    /// <summary>A clause ends at a comma, bracket or sentence end, but not at the full stop of a title ("Dr. Jane Smith", "Mag. Katharina Berger").</summary>
    [GeneratedRegex(@"[,;(，、（،]|(?<!\b(?:Dr|Drs|Mag|Prof|Mr|Mrs|Ms|Mme|Mlle|Sr|Sra|Srta|Ing|Dipl|Dott|Univ|Hon|St|Ph\.D|[A-Z]))\.\s|\s[-–—]\s")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"\p{Lu}[\p{L}\p{M}'’.-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)+")]
    private static partial Regex CapitalisedRun();
}
