namespace PacSubmissions.Upload;

/// <summary>What an API caller gets back for an accepted upload.</summary>
public sealed record UploadAccepted(
    string SubmissionId,
    string Centre,
    int Year,
    DateTimeOffset ReceivedAt,
    bool Late,
    string FileName,
    long Bytes,
    string Sha256)
{
    public static UploadAccepted From(SubmissionBlob blob) =>
        new(blob.SubmissionId, blob.CentreId, blob.Year, blob.ReceivedAt, blob.Late, blob.OriginalFileName, blob.Bytes, blob.Sha256);
}
