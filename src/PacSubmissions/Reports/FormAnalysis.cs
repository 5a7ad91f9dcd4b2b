namespace PacSubmissions.Reports;

/// <summary>What the form analysis found in a document's blocks: the questions with their answers and the contact facts.</summary>
internal sealed record FormAnalysis(
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<ReportProblem> Problems,
    string? Institution,
    string? CentreName,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> Phones,
    string? PreparedBy,
    int Words,
    IReadOnlyList<ReviewReason> Review,
    string FormVersion)
{
    public ReportStatus Status => Problems.Count == 0 ? ReportStatus.Valid : ReportStatus.Incomplete;
}
