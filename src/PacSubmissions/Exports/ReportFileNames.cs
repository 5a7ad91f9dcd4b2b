using PacSubmissions.Submissions;
using PacSubmissions.Upload;

namespace PacSubmissions.Exports;

/// <summary>A report's name in exports: <c>CENTRE-YEAR.ext</c>, the extension from the format the reader found.</summary>
internal static class ReportFileNames
{
    public static string Of(Submission submission) =>
        FormattableString.Invariant($"{submission.CentreId}-{submission.Year}.{Extension(submission.Check?.Format)}");

    private static string Extension(string? format) => format switch
    {
        ReportFormat.Docx or ReportFormat.Pdf or ReportFormat.Odt => format,
        _ => "bin",
    };
}
