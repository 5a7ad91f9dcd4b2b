using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PacSubmissions.Forms;

namespace PacSubmissions.Reports;

/// <summary>
/// A <see cref="FormDefinition"/> made ready for reading: its phrases folded (accent- and case-free), the short forms
/// compiled into one pattern per question, and each question's words (with and without its hint, in every language)
/// for recognising it by similarity. Built once per definition.
/// </summary>
internal sealed partial class FormRules
{
    private static readonly ConditionalWeakTable<FormDefinition, FormRules> Compiled = [];

    /// <summary>Letters that would make a phrase match only part of a word ("events" in "eventsxyz"); CJK needs no boundary.</summary>
    private const string WordBoundary = @"(?![a-z0-9а-яß\p{IsArabic}])";

    private const string WholeSuffix = @"(?:\s+(?:information|details|contacts?(?:\s+information)?|profile))?$";

    private FormRules(FormDefinition form)
    {
        Form = form;
        Patterns = [.. form.Questions.Select(q => (q.Key, new Regex(
            "^(?:" + string.Join("|", q.ShortForms.Concat(q.Text.Values).Select(TextCleaner.Fold).Distinct().OrderByDescending(p => p.Length)
                .Select(p => ToPattern(p, q.MatchWhole))) + ")" + (q.MatchWhole ? WholeSuffix : ""),
            RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1))))];
        Wordings = [.. form.Questions.SelectMany(q => q.Text.Select(text => new QuestionWording(
            q.Key,
            Tokens(text.Value),
            q.HintIn(text.Key) is { } hint ? Tokens(hint) : [],
            q.HintIn(text.Key) is { } withHint ? Tokens(text.Value + " " + withHint) : Tokens(text.Value))))];
        Placeholders = form.Placeholders.Select(Bare).ToHashSet(StringComparer.Ordinal);
        NonAnswerPhrases = form.NonAnswers.Phrases.Select(Bare).ToHashSet(StringComparer.Ordinal);
        Qualifiers = [.. form.NonAnswers.Qualifiers.Select(Bare).OrderByDescending(q => q.Length)];
        Negations = [.. form.NonAnswers.Negations.Select(Bare).Where(n => n.Length > 0).Distinct().OrderByDescending(n => n.Length)];
        Instructions = FoldLongestFirst(form.ClosingInstructions);
        PreparedByLabels = FoldLongestFirst(form.PreparedByLabels);
        Greetings = FoldLongestFirst(form.LetterLines.Greetings);
        SignOffs = form.LetterLines.SignOffs.Select(Bare).ToHashSet(StringComparer.Ordinal);
    }

    public static FormRules Current => For(FormDefinitions.Current);

    public static FormRules For(FormDefinition form) => Compiled.GetValue(form, static f => new FormRules(f));

    public FormDefinition Form { get; }

    /// <summary>Per question, how its heading starts: any short form or the question's text, folded.</summary>
    public IReadOnlyList<(string Key, Regex Pattern)> Patterns { get; }

    /// <summary>Per question and language, its words alone, its hint's words, and both together.</summary>
    public IReadOnlyList<QuestionWording> Wordings { get; }

    public IReadOnlySet<string> Placeholders { get; }

    public IReadOnlySet<string> NonAnswerPhrases { get; }

    /// <summary>Longest first, so "at this stage" is stripped whole before "stage" could be considered.</summary>
    public IReadOnlyList<string> Qualifiers { get; }

    /// <summary>Bare like the answers they are compared with ("pas d'" is "pas d"), longest first.</summary>
    public IReadOnlyList<string> Negations { get; }

    public IReadOnlyList<string> Instructions { get; }

    public IReadOnlyList<string> PreparedByLabels { get; }

    public IReadOnlyList<string> Greetings { get; }

    public IReadOnlySet<string> SignOffs { get; }

    /// <summary>Folded, without punctuation or symbols, spaces collapsed: how short phrases are compared.</summary>
    public static string Bare(string text) => TextCleaner.Collapse(Punctuation().Replace(TextCleaner.Fold(text), " "));

    /// <summary>The folded words of a text (each ideograph a word), as a set for similarity.</summary>
    public static HashSet<string> Tokens(string text) =>
        TextCleaner.WordsOf(TextCleaner.Fold(text)).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Dice's coefficient of two word sets: 1 for the same words, 0 for none in common.</summary>
    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var common = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return 2.0 * common / (a.Count + b.Count);
    }

    /// <summary>A phrase with "…" ends in a word stem ("инициатив" for "инициативах"), so it needs no boundary after it.</summary>
    private static string ToPattern(string phrase, bool whole) =>
        string.Join(".{0,80}?", phrase.Split('…').Select(Regex.Escape))
            + (whole || phrase.Contains('…', StringComparison.Ordinal) ? "" : WordBoundary);

    private static string[] FoldLongestFirst(IEnumerable<string> phrases) =>
        [.. phrases.Select(TextCleaner.Fold).Distinct().OrderByDescending(p => p.Length)];

    [GeneratedRegex(@"[\p{P}\p{S}]")]
    private static partial Regex Punctuation();
}

/// <summary>One question's words in one language: <see cref="Text"/>, its <see cref="Hint"/>, and <see cref="Full"/> (both).</summary>
internal sealed record QuestionWording(string Key, IReadOnlySet<string> Text, IReadOnlySet<string> Hint, IReadOnlySet<string> Full);
