namespace PacSubmissions.Submissions;

/// <summary>
/// One uploaded version of a centre's report, as recorded once the processor has checked it. <see cref="Check"/> is null
/// only for rows written before the report reader existed, and for an upload that could not be processed, which carries
/// its <see cref="Failure"/> instead.
/// </summary>
public sealed record Submission(
    string CentreId,
    int Year,
    string SubmissionId,
    string BlobName,
    string OriginalFileName,
    long Bytes,
    string Sha256,
    DateTimeOffset ReceivedAt,
    bool Late,
    DateTimeOffset ProcessedAt,
    SubmissionCheck? Check = null,
    ProcessingFailure? Failure = null)
{
    /// <summary>
    /// When HQ chose this version as the one that counts (a dashboard action), null when it did not. Kept on a row of its
    /// own beside the centre's submissions (<see cref="SubmissionStore.ChooseAsync"/>), so a re-check never loses it.
    /// </summary>
    public DateTimeOffset? ChosenByHqAt { get; init; }

    /// <summary>Defender for Storage marked the file malicious: it is kept in storage but never offered for download or in a ZIP.</summary>
    public bool MarkedMalicious() => Check?.Problems.Any(p => p.Code == Reports.ProblemCodes.Malicious) == true;

    /// <summary>
    /// The name every download gives the file, <c>CENTRE-YEAR-ID.ext</c>, chosen by the server: the centre's own name
    /// (<c>Annual report.pdf.cmd</c>) is a label only, so no name a sender picks decides what HQ's computer does with it.
    /// </summary>
    public string DownloadName() => FormattableString.Invariant($"{CentreId}-{Year}-{SubmissionId}.{FormatExtension()}");

    /// <summary>The extension of the format the reader found in the file; <c>bin</c> when it found none of the report formats.</summary>
    public string FormatExtension() =>
        Check?.Format is Reports.ReportFormats.Docx or Reports.ReportFormats.Pdf or Reports.ReportFormats.Odt ? Check.Format : "bin";

    /// <summary>The reader found active content in the file (<see cref="Reports.ProblemCodes.ActiveContent"/>): HQ is told before opening it.</summary>
    public bool CarriesActiveContent() => Check?.Problems.Any(p => p.Code == Reports.ProblemCodes.ActiveContent) == true;
}
