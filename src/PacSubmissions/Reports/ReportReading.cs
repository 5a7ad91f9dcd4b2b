using System.Text.Json.Serialization;

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
    int Words);

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

public static class ProblemCodes
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
}

/// <summary>The IFLA PAC Centre annual report form's questions, by key, in the form's order.</summary>
public static class FormSections
{
    public const string Centre = "centre";
    public const string InternationalCooperation = "international-cooperation";
    public const string LocalCooperation = "local-cooperation";
    public const string Workshops = "workshops";
    public const string IflaInitiatives = "ifla-initiatives";
    public const string Suggestions = "suggestions";
    public const string Standards = "standards";
    public const string OtherComments = "other-comments";

    public static readonly IReadOnlyList<string> All =
        [Centre, InternationalCooperation, LocalCooperation, Workshops, IflaInitiatives, Suggestions, Standards, OtherComments];

    /// <summary>The first five questions must be answered for a report to be valid.</summary>
    public static readonly IReadOnlyList<string> Required =
        [Centre, InternationalCooperation, LocalCooperation, Workshops, IflaInitiatives];
}
