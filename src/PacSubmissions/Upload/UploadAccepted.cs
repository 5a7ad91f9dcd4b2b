using PacSubmissions.Submissions;

namespace PacSubmissions.Upload;

/// <summary>What an API caller gets back for an accepted upload; <see cref="StatusUrl"/> answers with the check once it is done.</summary>
public sealed record UploadAccepted(
    string SubmissionId,
    string Centre,
    int Year,
    DateTimeOffset ReceivedAt,
    bool Late,
    string FileName,
    long Bytes,
    string Sha256,
    string StatusUrl)
{
    public static UploadAccepted From(SubmissionBlob blob, string statusUrl) =>
        new(blob.SubmissionId, blob.CentreId, blob.Year, blob.ReceivedAt, blob.Late, blob.OriginalFileName, blob.Bytes, blob.Sha256, statusUrl);
}
