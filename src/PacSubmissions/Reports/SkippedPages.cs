namespace PacSubmissions.Reports;

/// <summary>Names the pages a reader had to leave out in a problem of the reading, so HQ knows what it did not see.</summary>
internal static class SkippedPages
{
    public static ReportReading Note(DocumentText document, ReportReading reading) =>
        document.SkippedPages.Count == 0
            ? reading
            : reading.WithProblem(new ReportProblem(ProblemCodes.PageSkipped,
                $"{(document.SkippedPages.Count == 1 ? "Page" : "Pages")} {string.Join(", ", document.SkippedPages)} of the PDF could not be read and {(document.SkippedPages.Count == 1 ? "was" : "were")} left out; the rest was read. If answers are on {(document.SkippedPages.Count == 1 ? "that page" : "those pages")}, please save the PDF again from the original document and upload it."));
}
