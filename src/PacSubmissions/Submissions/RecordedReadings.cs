using System.Text.Json;
using PacSubmissions.Reports;

namespace PacSubmissions.Submissions;

/// <summary>
/// The check of a submission already recorded, for an e-mail sent after the processor (the hourly run's catch-up):
/// the archived full reading when there is one, else the summary on the row, so a catch-up e-mail never says the check
/// has not finished when it has.
/// </summary>
public sealed class RecordedReadings(ReadingArchive archive)
{
    public async Task<ReportReading?> FindAsync(Submission submission, CancellationToken cancellationToken)
    {
        try
        {
            return await archive.FindAsync(submission.BlobName, cancellationToken) ?? FromRow(submission);
        }
        catch (JsonException)
        {
            // An archived reading that no longer parses must not stop the run's other e-mails: the row still has the check.
            return FromRow(submission);
        }
    }

    /// <summary>The row's summary as a reading: every question's key and whether it was answered, without the answers' text.</summary>
    private static ReportReading? FromRow(Submission submission) => submission.Check is not { } check ? null : new ReportReading(
        check.Format,
        submission.Bytes,
        submission.Sha256,
        check.Status,
        check.Problems,
        [.. check.SectionsFound.Select(key => new ReportSection(key, SectionTitles.Of(key), check.SectionsAnswered.Contains(key), 0, ""))],
        check.Institution,
        check.CentreName,
        check.Emails,
        check.Phones,
        check.PreparedBy,
        check.Pages,
        check.Words);
}
