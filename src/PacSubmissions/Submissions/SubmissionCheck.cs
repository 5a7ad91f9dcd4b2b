using PacSubmissions.Reports;

namespace PacSubmissions.Submissions;

/// <summary>
/// The summary of a report's check that travels with its submission row: what HQ's table, the coordinator's page and the
/// e-mails show. The full text of every answer is kept apart, in the readings container (<see cref="ReadingArchive"/>).
/// </summary>
public sealed record SubmissionCheck(
    ReportStatus Status,
    string Format,
    IReadOnlyList<ReportProblem> Problems,
    IReadOnlyList<string> SectionsFound,
    IReadOnlyList<string> SectionsAnswered,
    string? Institution,
    string? CentreName,
    string? PreparedBy,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    int Pages,
    int Words)
{
    /// <summary>The reader was unsure of the reading (<see cref="ReportReading.ReviewReasons"/>): HQ's table marks it for a look.</summary>
    public bool NeedsReview { get; init; }

    public static SubmissionCheck From(ReportReading reading) => new(
        reading.Status,
        reading.Format,
        reading.Problems,
        [.. reading.Sections.Select(s => s.Key).Distinct()],
        [.. reading.Sections.Where(s => s.Answered).Select(s => s.Key).Distinct()],
        reading.Institution,
        reading.CentreName,
        reading.PreparedBy,
        reading.Emails,
        reading.Phones,
        reading.Pages,
        reading.Words)
    {
        NeedsReview = reading.NeedsReview,
    };
}
