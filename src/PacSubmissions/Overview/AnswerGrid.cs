using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Overview;

/// <summary>What one centre's report that counts says to one question of the form.</summary>
public enum AnswerMark
{
    Answered,
    /// <summary>The question is in the report, with no answer (empty, "None", "N/A" and the like).</summary>
    NotAnswered,
    /// <summary>The question is not in the report at all.</summary>
    Missing,
    /// <summary>The reader was unsure of this question (found only by likeness, an answer of a word or two or of thousands).</summary>
    NeedsReview,
}

/// <summary>One centre's row of the campaign's centre × question grid; <see cref="Marks"/> null when it has no readable report.</summary>
public sealed record AnswerGridRow(CentreOverview Centre, IReadOnlyList<AnswerMark>? Marks)
{
    /// <summary>
    /// The row for <paramref name="centre"/>, one mark per key of <paramref name="questions"/>, from its check and (for
    /// what needs review, which only the full reading names per question) its archived reading when there is one.
    /// </summary>
    public static AnswerGridRow Of(CentreOverview centre, ReportReading? reading, IReadOnlyList<string> questions) =>
        centre.Counting is { Check: { } check } counting && CountingVersion.IsReadable(counting)
            ? new AnswerGridRow(centre, [.. questions.Select(key => MarkOf(key, check, reading))])
            : new AnswerGridRow(centre, null);

    private static AnswerMark MarkOf(string key, SubmissionCheck check, ReportReading? reading) =>
        reading?.ReviewReasons.Any(r => r.Section == key) == true ? AnswerMark.NeedsReview
        : check.SectionsAnswered.Contains(key) ? AnswerMark.Answered
        : check.SectionsFound.Contains(key) ? AnswerMark.NotAnswered
        : AnswerMark.Missing;
}
