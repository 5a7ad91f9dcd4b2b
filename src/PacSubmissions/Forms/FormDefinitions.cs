using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PacSubmissions.Forms;

/// <summary>
/// The form definitions shipped with the app (embedded <c>Forms/*.json</c>), the current one, and the checks that
/// make a definition fit to read reports with (<c>pac form check</c> runs them on a file).
/// </summary>
public static partial class FormDefinitions
{
    /// <summary>The form a campaign uses unless it names another.</summary>
    public const string CurrentVersion = "pac-annual-report-2020";

    private const string ResourcePrefix = "PacSubmissions.Forms.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly ConcurrentDictionary<string, FormDefinition?> Shipped = new(StringComparer.Ordinal);

    public static FormDefinition Current => Find(CurrentVersion)
        ?? throw new InvalidOperationException($"The form definition {CurrentVersion} is not embedded in the app.");

    /// <summary>The shipped definition of that version, or null when the app has none by that name.</summary>
    public static FormDefinition? Find(string version) => Shipped.GetOrAdd(version, static v =>
    {
        using var stream = typeof(FormDefinitions).Assembly.GetManifestResourceStream(ResourcePrefix + v + ".json");
        if (stream is null)
        {
            return null;
        }

        var (form, problems) = Load(stream);
        return form is not null && problems.Count == 0
            ? form
            : throw new InvalidOperationException($"The embedded form definition {v} is not valid: {string.Join(" ", problems)}");
    });

    /// <summary>The versions shipped with the app.</summary>
    public static IReadOnlyList<string> Versions =>
        [.. typeof(FormDefinitions).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>Reads a definition and checks it: the form, or null when the JSON cannot be read, and one sentence per problem.</summary>
    public static (FormDefinition? Form, IReadOnlyList<string> Problems) Load(Stream json)
    {
        FormDefinition? form;
        try
        {
            form = JsonSerializer.Deserialize<FormDefinition>(json, Json);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1})" : "";
            return (null, [$"The definition is not valid JSON for a form{where}: {exception.Message}"]);
        }

        return form is null ? (null, ["The definition is empty (null)."]) : (form, Validate(form));
    }

    /// <summary>Every way the definition falls short of what the reader, the pages and the template need.</summary>
    public static IReadOnlyList<string> Validate(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = new List<string>();
        if (!VersionName().IsMatch(form.Version))
        {
            problems.Add($"version \"{form.Version}\" must be lower-case letters, digits and dashes (it names the file and is stored with each campaign).");
        }

        MissingLanguages("title", form.Title, problems);
        if (form.Questions.Count == 0)
        {
            problems.Add("questions: the form has no question.");
        }
        else if (!form.Questions.Any(q => q.Required))
        {
            problems.Add("questions: no question is required, so every report would be valid.");
        }

        foreach (var duplicate in form.Questions.GroupBy(q => q.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"questions: the key \"{duplicate.Key}\" is used {duplicate.Count()} times.");
        }

        foreach (var question in form.Questions)
        {
            if (!KeyName().IsMatch(question.Key))
            {
                problems.Add($"questions: the key \"{question.Key}\" must be lower-case words joined by dashes.");
            }

            MissingLanguages($"question {question.Key}: text", question.Text, problems);
            if (question.Hint is not null)
            {
                MissingLanguages($"question {question.Key}: hint", question.Hint, problems);
            }

            if (question.ShortForms.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"question {question.Key}: a short form is empty.");
            }
        }

        var shortForms = form.Questions.SelectMany(q => q.ShortForms.Select(s => (q.Key, Form: Fold(s)))).ToList();
        foreach (var clash in shortForms.GroupBy(s => s.Form, StringComparer.Ordinal).Where(g => g.Select(s => s.Key).Distinct().Count() > 1))
        {
            problems.Add($"short form \"{clash.Key}\" belongs to more than one question ({string.Join(", ", clash.Select(s => s.Key).Distinct())}).");
        }

        NotEmpty("placeholders", form.Placeholders, problems);
        NotEmpty("closingInstructions", form.ClosingInstructions, problems);
        NotEmpty("preparedByLabels", form.PreparedByLabels, problems);
        NotEmpty("nonAnswers.phrases", form.NonAnswers.Phrases, problems);
        NotEmpty("nonAnswers.qualifiers", form.NonAnswers.Qualifiers, problems);
        NotEmpty("nonAnswers.negations", form.NonAnswers.Negations, problems);
        NotEmpty("letterLines.greetings", form.LetterLines.Greetings, problems);
        NotEmpty("letterLines.signOffs", form.LetterLines.SignOffs, problems);
        MissingLanguages("template.placeholder", form.Template.Placeholder, problems);
        MissingLanguages("template.preparedBy", form.Template.PreparedBy, problems);
        foreach (var (language, label) in form.Template.PreparedBy.Where(l => !form.PreparedByLabels.Any(p => Fold(l.Value).StartsWith(Fold(p), StringComparison.Ordinal))))
        {
            problems.Add($"template.preparedBy ({language}) \"{label}\" does not start with one of preparedByLabels, so the reader would not find the name the template writes after it.");
        }

        foreach (var (language, placeholder) in form.Template.Placeholder.Where(l => !form.Placeholders.Any(p => Fold(p) == Fold(l.Value))))
        {
            problems.Add($"template.placeholder ({language}) \"{placeholder}\" is not one of placeholders, so the reader would take it for an answer.");
        }
        var questionWords = shortForms.Select(s => s.Form).ToHashSet(StringComparer.Ordinal);
        foreach (var phrase in form.NonAnswers.Phrases.Where(p => questionWords.Contains(Fold(p))))
        {
            problems.Add($"nonAnswers.phrases: \"{phrase}\" is also a question's short form.");
        }

        return problems;
    }

    private static void MissingLanguages(string where, IReadOnlyDictionary<string, string> texts, List<string> problems)
    {
        var missing = FormDefinition.Languages.Where(l => !texts.TryGetValue(l, out var text) || string.IsNullOrWhiteSpace(text)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{where} is missing in {string.Join(", ", missing)}.");
        }

        foreach (var unknown in texts.Keys.Except(FormDefinition.Languages, StringComparer.Ordinal))
        {
            problems.Add($"{where} has the language \"{unknown}\", which is not one of IFLA's ({string.Join(", ", FormDefinition.Languages)}).");
        }
    }

    private static void NotEmpty(string where, IReadOnlyList<string> list, List<string> problems)
    {
        if (list.Count == 0)
        {
            problems.Add($"{where}: the list is empty.");
        }
        else if (list.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{where}: an entry is empty.");
        }
    }

    private static string Fold(string text) => Reports.TextCleaner.Fold(text);

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex VersionName();

    [GeneratedRegex("^[a-z]+(?:-[a-z]+)*$")]
    private static partial Regex KeyName();
}
