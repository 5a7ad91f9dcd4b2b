namespace PacSubmissions.Reports;

/// <summary>
/// Answers that report nothing: "-", "N/A", "None at this stage.", "Nothing to report this year.", "Néant", "Нет",
/// "无", a control's placeholder, "See attached." (the upload is one file, so nothing is attached). A phrase of the
/// definition's list, alone or with a qualifier such as "this year" or "pour le moment" before or after it.
/// </summary>
internal static class NonAnswers
{
    public static bool IsNonAnswer(string text, FormRules rules)
    {
        var bare = FormRules.Bare(text);
        if (bare.Length == 0 || rules.Placeholders.Contains(bare))
        {
            return true;
        }

        // Qualifiers may pile up ("none so far this year"); each pass takes one off either end.
        for (var pass = 0; pass < 3; pass++)
        {
            if (rules.NonAnswerPhrases.Contains(bare))
            {
                return true;
            }

            var stripped = StripQualifier(bare, rules);
            if (stripped == bare)
            {
                return false;
            }

            bare = stripped;
        }

        return rules.NonAnswerPhrases.Contains(bare);
    }

    /// <summary>A placeholder a content control shows until someone types ("Click or tap here to enter text."): no one's answer.</summary>
    public static bool IsPlaceholder(string text, FormRules rules) => rules.Placeholders.Contains(FormRules.Bare(text));

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
            if (bare.Length > qualifier.Length && qualifier.Any(char.IsLetter) && IsIdeographic(qualifier[0]) && bare.StartsWith(qualifier, StringComparison.Ordinal))
            {
                return bare[qualifier.Length..];
            }
        }

        return bare;
    }

    private static bool IsIdeographic(char c) => c is >= '\u4E00' and <= '\u9FFF';
}
