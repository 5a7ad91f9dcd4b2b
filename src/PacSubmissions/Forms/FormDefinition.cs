namespace PacSubmissions.Forms;

/// <summary>
/// One version of the IFLA PAC Centre annual report form, as data: its questions in order (key, required flag, text
/// and hint in the seven languages, known short forms) and the words the reader needs to tell the form's own text from
/// a coordinator's answers. Loaded from JSON by <see cref="FormDefinitions"/>; next year's changed form is a new file.
/// </summary>
public sealed record FormDefinition(
    string Version,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyList<FormQuestion> Questions,
    IReadOnlyList<string> Placeholders,
    IReadOnlyList<string> ClosingInstructions,
    IReadOnlyList<string> PreparedByLabels,
    FormNonAnswers NonAnswers,
    FormLetterLines LetterLines,
    FormTemplateTexts Template)
{
    /// <summary>IFLA's languages, which every text of the form is given in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "es", "ru", "de", "ar", "zh"];

    public IReadOnlyList<string> Keys => [.. Questions.Select(q => q.Key)];

    public IReadOnlyList<string> RequiredKeys => [.. Questions.Where(q => q.Required).Select(q => q.Key)];

    public FormQuestion? Question(string key) => Questions.FirstOrDefault(q => q.Key == key);

    /// <summary>The question's name as pages, e-mails and exports show it: its text in the language, English when missing, the key for an unknown one.</summary>
    public string TitleOf(string key, string language = "en") =>
        Question(key) is { } question ? question.TextIn(language) : key;
}

/// <summary>One question of the form. <see cref="MatchWhole"/>: the short forms must be the whole heading ("Centre" also starts many titles).</summary>
public sealed record FormQuestion(
    string Key,
    bool Required,
    IReadOnlyDictionary<string, string> Text,
    IReadOnlyList<string> ShortForms,
    IReadOnlyDictionary<string, string>? Hint = null,
    bool MatchWhole = false)
{
    public string TextIn(string language) => Text.TryGetValue(language, out var text) ? text : Text.GetValueOrDefault("en", Key);

    public string? HintIn(string language) => Hint is null ? null : Hint.TryGetValue(language, out var hint) ? hint : Hint.GetValueOrDefault("en");
}

/// <summary>
/// Answers that report nothing: <see cref="Phrases"/> said alone ("None", "Néant", "无"), optionally with one of the
/// <see cref="Qualifiers"/> before or after ("None at this stage", "Nothing to report this year"); and, less surely,
/// one of the <see cref="Negations"/> with a word or two ("No activities this year", "Keine Veranstaltungen", "无重大活动").
/// </summary>
public sealed record FormNonAnswers(IReadOnlyList<string> Phrases, IReadOnlyList<string> Qualifiers, IReadOnlyList<string> Negations);

/// <summary>A covering letter's greeting and sign-off: text around the form that answers no question.</summary>
public sealed record FormLetterLines(IReadOnlyList<string> Greetings, IReadOnlyList<string> SignOffs);

/// <summary>The words <c>pac form template</c> writes besides the questions: a control's placeholder where a question has no hint, and the "prepared by" label.</summary>
public sealed record FormTemplateTexts(IReadOnlyDictionary<string, string> Placeholder, IReadOnlyDictionary<string, string> PreparedBy);
