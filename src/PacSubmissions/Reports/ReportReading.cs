using System.Text.Json.Serialization;
using PacSubmissions.Forms;

namespace PacSubmissions.Reports;

/// <summary>What reading one report found: whether it answers the form, the answers, the contact facts, and any problems.</summary>
public sealed record ReportReading(
    string Format,
    long Bytes,
    string Sha256,
    ReportStatus Status,
    IReadOnlyList<ReportProblem> Problems,
    IReadOnlyList<ReportSection> Sections,
    string? Institution,
    string? CentreName,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    string? PreparedBy,
    int Pages,
    int Words)
{
    /// <summary>The form definition the report was read against (<see cref="FormDefinitions"/>); null for a file that could not be read.</summary>
    public string? FormVersion { get; init; }

    /// <summary>Why a person should check this reading: questions found only loosely, answers unusually short or long, a layout the reader does not know.</summary>
    public IReadOnlyList<ReviewReason> ReviewReasons { get; init; } = [];

    /// <summary>The reader is unsure of this reading (see <see cref="ReviewReasons"/>): HQ should look before trusting the status.</summary>
    public bool NeedsReview => ReviewReasons.Count > 0;

    /// <summary>The answer's text to one question, null when it has none; a question found more than once (a form pasted twice) keeps every answered part.</summary>
    public string? AnswerTo(string key)
    {
        var parts = Sections.Where(s => s.Key == key && s.Answered && !string.IsNullOrWhiteSpace(s.Text)).Select(s => s.Text.Trim()).ToList();
        return parts.Count > 0 ? string.Join("\n\n", parts) : null;
    }

    /// <summary>The same reading with one more problem that leaves its status as its answers make it (a page skipped, active content).</summary>
    internal ReportReading WithProblem(ReportProblem problem) => this with { Problems = [.. Problems, problem] };
}

/// <summary>Why a reading is unsure: a <see cref="Code"/> from <see cref="ReviewCodes"/>, a sentence for HQ, and the question where one applies.</summary>
public sealed record ReviewReason(string Code, string Message, string? Section = null);

internal static class ReviewCodes
{
    public const string LooseQuestion = "loose-question";
    public const string ShortAnswer = "short-answer";
    public const string LooseNonAnswer = "loose-non-answer";
    public const string LongAnswer = "long-answer";
    public const string UnknownLayout = "unknown-layout";
}

[JsonConverter(typeof(JsonStringEnumConverter<ReportStatus>))]
public enum ReportStatus
{
    /// <summary>Every required question answered.</summary>
    [JsonStringEnumMemberName("valid")] Valid,

    /// <summary>A required question missing, or answered only with "-", "N/A", "None." and the like.</summary>
    [JsonStringEnumMemberName("incomplete")] Incomplete,

    /// <summary>Not a report that can be read; the problems say why.</summary>
    [JsonStringEnumMemberName("unreadable")] Unreadable,
}

/// <summary>One question of the form as the document has it: <see cref="Question"/> as written, <see cref="Text"/> the answer.</summary>
public sealed record ReportSection(string Key, string Question, bool Answered, int Words, string Text);

/// <summary>A problem with a report: a <see cref="Code"/> from <see cref="ProblemCodes"/>, a message for a person, and the section where one applies.</summary>
public sealed record ReportProblem(string Code, string Message, string? Section = null);

internal static class ProblemCodes
{
    public const string UnsupportedFormat = "unsupported-format";
    public const string EmptyFile = "empty-file";
    public const string Corrupt = "corrupt";
    public const string Encrypted = "encrypted";
    public const string MacroEnabled = "macro-enabled";
    public const string SuspiciousArchive = "suspicious-archive";
    public const string TooLarge = "too-large";
    public const string NoText = "no-text";

    /// <summary>A page of a PDF that could not be read was left out; the rest was read.</summary>
    public const string PageSkipped = "page-skipped";
    public const string MissingSection = "missing-section";
    public const string UnansweredSection = "unanswered-section";

    /// <summary>Defender for Storage's malware scan marked the file malicious; the processor never opens it.</summary>
    public const string Malicious = "malicious";

    /// <summary>The file carries content that acts when it is opened (<see cref="Reports.ActiveContent"/>); its answers were still read.</summary>
    public const string ActiveContent = "active-content";

    /// <summary>Stands for the problems a stored check left off because there were too many to keep on its row.</summary>
    public const string MoreProblems = "more-problems";
}

/// <summary>The keys of the current form's questions, for code that names one; the list, order and required flags come from its definition.</summary>
internal static class FormSections
{
    public const string Centre = "centre";
    public const string InternationalCooperation = "international-cooperation";
    public const string LocalCooperation = "local-cooperation";
    public const string Workshops = "workshops";
    public const string IflaInitiatives = "ifla-initiatives";
    public const string Suggestions = "suggestions";
    public const string Standards = "standards";
    public const string OtherComments = "other-comments";

    public static IReadOnlyList<string> All => FormDefinitions.Current.Keys;

    /// <summary>The questions that must be answered for a report to be valid.</summary>
    public static IReadOnlyList<string> Required => FormDefinitions.Current.RequiredKeys;
}
