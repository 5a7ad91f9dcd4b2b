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
}
