using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;

namespace PacSubmissions.Email;

/// <summary>
/// Uploads of one centre that come in quick succession are one burst: the first upload, and every later one received
/// within <see cref="EmailOptions.UploadBurstWindow"/> of it. The first is told at once (HQ's notice, the coordinator's
/// receipt); the others are gathered: once the window is over, the reminder run sends HQ one notice naming them all
/// (<see cref="EmailKinds.UploadBurst"/>) and the coordinator the receipt of the newest, so fifty uploads in two seconds
/// give HQ two e-mails, not fifty. Bursts are worked out from the uploads' received times alone, which never change, so
/// the processor and the run, and every retry of either, agree on them.
/// </summary>
public sealed class UploadBursts(PacStorage storage, EmailLedger ledger, IOptions<EmailOptions> options)
{
    /// <summary>
    /// The first upload of the burst each upload belongs to, by submission id: itself for a burst's first. The window is
    /// fixed at the first upload, so a steady trickle makes a new burst every window rather than one that never ends.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FirstOfBurst(IEnumerable<(string SubmissionId, DateTimeOffset ReceivedAt)> uploads, TimeSpan window)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        (string Id, DateTimeOffset At)? opened = null;
        foreach (var (id, at) in uploads.OrderBy(u => u.ReceivedAt).ThenBy(u => u.SubmissionId, StringComparer.Ordinal))
        {
            if (opened is not { } burst || at >= burst.At + window)
            {
                opened = (id, at);
            }

            first[id] = opened.Value.Id;
        }

        return first;
    }

    /// <summary>
    /// The first upload of the burst <paramref name="submission"/> is gathered into, or null when its own e-mails go now:
    /// it opens a burst, bursts are off, or the burst's notice has already gone (this upload was processed late), so it
    /// would be in no notice at all. Read from the committed blobs of the centre, which every upload has before it is processed.
    /// </summary>
    public async Task<string?> GatheredIntoAsync(Submission submission, CancellationToken cancellationToken)
    {
        var window = options.Value.UploadBurstWindow;
        if (window <= TimeSpan.Zero)
        {
            return null;
        }

        var uploads = new List<(string, DateTimeOffset)>();
        await foreach (var blob in storage.Reports.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None,
            SubmissionBlob.CentrePrefix(submission.Year, submission.CentreId), cancellationToken))
        {
            if (SubmissionBlob.FromMetadata(blob.Metadata) is { } stored && stored.ReceivedAt <= submission.ReceivedAt)
            {
                uploads.Add((stored.SubmissionId, stored.ReceivedAt));
            }
        }

        uploads.Add((submission.SubmissionId, submission.ReceivedAt));
        var first = FirstOfBurst(uploads.Distinct(), window)[submission.SubmissionId];
        return first == submission.SubmissionId
            || await ledger.HoldsAsync(new EmailKey(submission.Year, submission.CentreId, EmailKinds.UploadBurst, first), cancellationToken)
            ? null
            : first;
    }
}
