using System.Globalization;
using PacSubmissions.Storage;

namespace PacSubmissions.Submissions;

/// <summary>
/// A submission as the <c>submissions</c> table keeps it: the upload's receipt, its check (<see cref="SubmissionCheckColumns"/>)
/// and, for an upload that could not be processed, its failure. Columns a row written before they existed lacks read as
/// null. The names are the ones the table has always had; existing rows and <c>pac backup</c> files read unchanged.
/// </summary>
internal sealed record SubmissionRow : TableRow
{
    public string? Centre { get; set; }

    public string? SubmissionId { get; set; }

    public string? BlobName { get; set; }

    public string? OriginalFileName { get; set; }

    public long? Bytes { get; set; }

    public string? Sha256 { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    public bool? Late { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>The <see cref="Reports.ReportStatus"/> as stored (<c>valid</c>, <c>incomplete</c>, <c>unreadable</c>); no column before a check.</summary>
    public string? CheckStatus { get; set; }

    public string? Format { get; set; }

    /// <summary>The problems as JSON, cut to stay far below Table storage's 64 KiB per string.</summary>
    public string? CheckProblems { get; set; }

    /// <summary>The question keys found, comma-separated.</summary>
    public string? SectionsFound { get; set; }

    /// <summary>The question keys answered, comma-separated; the Answered… flags say the same, one column per question, for filtering.</summary>
    public string? SectionsAnswered { get; set; }

    public bool? AnsweredCentre { get; set; }

    public bool? AnsweredInternationalCooperation { get; set; }

    public bool? AnsweredLocalCooperation { get; set; }

    public bool? AnsweredWorkshops { get; set; }

    public bool? AnsweredIflaInitiatives { get; set; }

    public bool? AnsweredSuggestions { get; set; }

    public bool? AnsweredStandards { get; set; }

    public bool? AnsweredOtherComments { get; set; }

    public string? Institution { get; set; }

    public string? CentreName { get; set; }

    public string? PreparedBy { get; set; }

    /// <summary>The addresses the report gives, space-separated.</summary>
    public string? Emails { get; set; }

    /// <summary>The telephone numbers the report gives, as a JSON list (they hold spaces and commas).</summary>
    public string? Phones { get; set; }

    public int? Pages { get; set; }

    public int? Words { get; set; }

    public bool? NeedsReview { get; set; }

    public DateTimeOffset? ProcessingFailedAt { get; set; }

    public string? ProcessingFailure { get; set; }

    public static string Partition(int year) => year.ToString(CultureInfo.InvariantCulture);

    public static string Key(string centreId, string submissionId) => $"{centreId}_{submissionId}";

    public static SubmissionRow From(Submission submission)
    {
        var row = new SubmissionRow
        {
            PartitionKey = Partition(submission.Year),
            RowKey = Key(submission.CentreId, submission.SubmissionId),
            Centre = submission.CentreId,
            SubmissionId = submission.SubmissionId,
            BlobName = submission.BlobName,
            OriginalFileName = submission.OriginalFileName,
            Bytes = submission.Bytes,
            Sha256 = submission.Sha256,
            ReceivedAt = submission.ReceivedAt,
            Late = submission.Late,
            ProcessedAt = submission.ProcessedAt,
        };
        if (submission.Check is { } check)
        {
            SubmissionCheckColumns.Write(row, check);
        }

        if (submission.Failure is { } failure)
        {
            row.RecordFailure(failure);
        }

        return row;
    }

    public void RecordFailure(ProcessingFailure failure)
    {
        ProcessingFailedAt = failure.At;
        ProcessingFailure = failure.Reason;
    }

    public Submission ToSubmission() => new(
        Centre ?? "",
        int.Parse(PartitionKey, CultureInfo.InvariantCulture),
        SubmissionId ?? "",
        BlobName ?? "",
        OriginalFileName ?? "",
        Bytes ?? 0,
        Sha256 ?? "",
        ReceivedAt ?? default,
        Late ?? false,
        ProcessedAt ?? default,
        SubmissionCheckColumns.Read(this),
        ProcessingFailure is { } reason ? new ProcessingFailure(ProcessingFailedAt ?? default, reason) : null);
}
