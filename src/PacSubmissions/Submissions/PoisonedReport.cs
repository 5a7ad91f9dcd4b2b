
namespace PacSubmissions.Submissions;

/// <summary>
/// What is known about a report the blob trigger gave up on, for HQ's e-mail: the blob, its upload metadata when it
/// has any, and the reason when it could be found. <see cref="Message"/> is set only for a message that named no blob.
/// </summary>
public sealed record PoisonedReport(
    string? Container,
    string? BlobName,
    SubmissionBlob? Upload,
    long? Bytes,
    string Reason,
    DateTimeOffset PoisonedAt,
    string? Message = null);
