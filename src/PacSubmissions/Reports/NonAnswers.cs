namespace PacSubmissions.Reports;

/// <summary>How surely a piece of an answer reports nothing.</summary>
internal enum NonAnswerKind
{
    /// <summary>It reports something.</summary>
    Answer,

    /// <summary>A known non-answer: "-", "N/A", "None at this stage.", "Néant", a placeholder.</summary>
    Sure,

    /// <summary>A negation with a word or two ("No activities this year."): counted as no answer, and HQ is asked to look.</summary>
    Loose,
}

/// <summary>
/// Answers that report nothing: "-", "N/A", "None at this stage.", "Nothing to report this year.", "Néant", "Нет",
/// "无", a control's placeholder, "See attached." (the upload is one file, so nothing is attached). A phrase of the
/// definition's list, alone or with a qualifier such as "this year" or "pour le moment" before or after it; or, less
/// surely, a negation with at most <see cref="MaxNegatedWords"/> words after it ("Keine Veranstaltungen").
/// </summary>
internal static class NonAnswers
{
    /// <summary>"No activities", "Aucune activité cette année": more words than this after "no" are a sentence that reports something.</summary>
    private const int MaxNegatedWords = 2;

    /// <summary>"无重大活动": ideographs after the negation, which has no spaces to count words by.</summary>
    private const int MaxNegatedIdeographs = 4;

    public static bool IsNonAnswer(string text, FormRules rules) => Classify(text, rules) != NonAnswerKind.Answer;

    public static NonAnswerKind Classify(string text, FormRules rules)
    {
        var bare = FormRules.Bare(text);
        if (bare.Length == 0 || rules.Placeholders.Contains(bare))
        {
            return NonAnswerKind.Sure;
        }

        // Qualifiers may pile up ("none so far this year"); each pass takes one off either end.
        for (var pass = 0; pass < 3; pass++)
        {
            if (rules.NonAnswerPhrases.Contains(bare))
            {
                return NonAnswerKind.Sure;
            }

            var stripped = StripQualifier(bare, rules);
            if (stripped == bare)
            {
                break;
            }

            bare = stripped;
        }

        if (rules.NonAnswerPhrases.Contains(bare))
        {
            return NonAnswerKind.Sure;
        }

        return IsNegatedFewWords(bare, rules) ? NonAnswerKind.Loose : NonAnswerKind.Answer;
    }

    /// <summary>A placeholder a content control shows until someone types ("Click or tap here to enter text."): no one's answer.</summary>
    public static bool IsPlaceholder(string text, FormRules rules) => rules.Placeholders.Contains(FormRules.Bare(text));

    private static bool IsNegatedFewWords(string bare, FormRules rules)
    {
        foreach (var negation in rules.Negations)
        {
            var word = negation;
            if (IsIdeographic(word[0]) && bare.StartsWith(word, StringComparison.Ordinal))
            {
                return bare.Length - word.Length is > 0 and <= MaxNegatedIdeographs && !bare.Contains(' ', StringComparison.Ordinal);
            }

            if (bare.StartsWith(word + " ", StringComparison.Ordinal))
            {
                return TextCleaner.CountWords(bare[(word.Length + 1)..]) <= MaxNegatedWords;
            }
        }

        return false;
    }

    private static string StripQualifier(string bare, FormRules rules)
    {
        foreach (var qualifier in rules.Qualifiers)
        {
            if (bare.EndsWith(" " + qualifier, StringComparison.Ordinal))
            {
                return bare[..^(qualifier.Length + 1)];
            }

            if (bare.StartsWith(qualifier + " ", StringComparison.Ordinal))
            {
                return bare[(qualifier.Length + 1)..];
            }

            // Ideographs are not spaced: "目前无".
            if (bare.Length > qualifier.Length && IsIdeographic(qualifier[0]) && bare.StartsWith(qualifier, StringComparison.Ordinal))
            {
                return bare[qualifier.Length..];
            }
        }

        return bare;
    }

    private static bool IsIdeographic(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
