using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Upload;

namespace PacSubmissions.Submissions;

/// <summary>
/// Runs for every report blob: checks it, records the submission, and tells HQ. Safe to run twice for one blob
/// (the blob trigger delivers at least once): the row is replaced, and the e-mail ledger sends each e-mail once.
/// </summary>
public sealed partial class SubmissionProcessor(
    CentreRegister centres,
    SubmissionStore submissions,
    SubmissionNotifications notifications,
    TimeProvider clock,
    ILogger<SubmissionProcessor> logger)
{
    public async Task ProcessAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        var uploaded = SubmissionBlob.FromMetadata(properties.Metadata)
            ?? throw new InvalidDataException(
                $"Blob {blob.Name} has no upload metadata: it was not written by the upload function. Remove it from the container.");

        // Hash what storage holds, not what the upload said: this is the file HQ will open.
        string sha256;
        await using (var content = await blob.OpenReadAsync(cancellationToken: cancellationToken))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        }

        if (!string.Equals(sha256, uploaded.Sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Blob {blob.Name} does not match the SHA-256 recorded at upload ({uploaded.Sha256}); it was changed after upload.");
        }

        var submission = new Submission(uploaded.CentreId, uploaded.Year, uploaded.SubmissionId, blob.Name, uploaded.OriginalFileName,
            properties.ContentLength, sha256, uploaded.ReceivedAt, uploaded.Late, clock.GetUtcNow());
        await submissions.SaveAsync(submission, cancellationToken);
        LogRecorded(logger, submission.CentreId, submission.Year, submission.SubmissionId, submission.Late);

        var centre = await centres.FindAsync(submission.CentreId, cancellationToken);
        await notifications.SendAsync(submission, centre, reading: null, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded submission {SubmissionId} from {Centre} for {Year} (late: {Late})")]
    private static partial void LogRecorded(ILogger logger, string centre, int year, string submissionId, bool late);
}
