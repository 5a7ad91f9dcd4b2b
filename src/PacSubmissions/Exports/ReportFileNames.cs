using PacSubmissions.Submissions;

namespace PacSubmissions.Exports;

/// <summary>A report's name in exports: <c>CENTRE-YEAR.ext</c>, the extension from the format the reader found.</summary>
internal static class ReportFileNames
{
    public static string Of(Submission submission) =>
        FormattableString.Invariant($"{submission.CentreId}-{submission.Year}.{submission.FormatExtension()}");
}
