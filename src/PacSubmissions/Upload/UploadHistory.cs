using Azure.Storage.Blobs.Models;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;

namespace PacSubmissions.Upload;

/// <summary>
/// A centre's uploads for one campaign, newest first, each with its check result when there is one and whether it is
/// the version that counts.
/// </summary>
public sealed class UploadHistory(PacStorage storage, SubmissionChecks checks)
{
    public async Task<IReadOnlyList<UploadStatus>> ListAsync(int year, string centreId, CancellationToken cancellationToken)
    {
        var uploads = new List<SubmissionBlob>();
        var prefix = SubmissionBlob.NameFor(year, centreId, "");
        await foreach (var item in storage.Reports.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken))
        {
            if (SubmissionBlob.FromMetadata(item.Metadata) is { } upload && upload.CentreId == centreId && upload.Year == year)
            {
                uploads.Add(upload);
            }
        }

        var statuses = new List<(UploadStatus Status, Submissions.Submission? Recorded)>();
        foreach (var upload in uploads.OrderByDescending(u => u.ReceivedAt).ThenByDescending(u => u.SubmissionId, StringComparer.Ordinal))
        {
            statuses.Add(await StatusOfAsync(upload, cancellationToken));
        }

        // Only recorded uploads can count: one still being checked is neither the report that counts nor "does not count".
        var counting = Submissions.CountingVersion.Of(statuses.Select(s => s.Recorded).OfType<Submissions.Submission>());
        return [.. statuses.Select(s => s.Status with { Counts = s.Status.SubmissionId == counting?.SubmissionId })];
    }

    public async Task<UploadStatus?> FindAsync(int year, string centreId, string submissionId, CancellationToken cancellationToken)
    {
        if (!SubmissionBlob.IsValidSubmissionId(submissionId))
        {
            return null;
        }

        var blob = storage.Reports.GetBlobClient(SubmissionBlob.NameFor(year, centreId, submissionId));
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            return SubmissionBlob.FromMetadata(properties.Value.Metadata) is { } upload ? (await StatusOfAsync(upload, cancellationToken)).Status : null;
        }
        catch (Azure.RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    private async Task<(UploadStatus Status, Submissions.Submission? Recorded)> StatusOfAsync(SubmissionBlob upload, CancellationToken cancellationToken)
    {
        var (state, status, problems, recorded) = await checks.FindAsync(upload, cancellationToken);
        return (new UploadStatus(upload.SubmissionId, upload.CentreId, upload.Year, upload.ReceivedAt, upload.Late, upload.OriginalFileName,
            upload.Bytes, upload.Sha256, state, status, problems), recorded);
    }
}
