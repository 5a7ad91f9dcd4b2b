using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Storage;
using PacSubmissions.Upload;

namespace PacSubmissions.Submissions;

/// <summary>
/// HQ's operations on a centre's uploaded versions, the same for the dashboard and <c>pac</c>: check one again, choose
/// the one that counts. Each refuses bad input with an <see cref="OperationRefusedException"/> (changing and recording
/// nothing) and otherwise writes one <see cref="AuditLog"/> entry naming who did it.
/// </summary>
public sealed class VersionOperations(
    SubmissionStore submissions,
    SubmissionProcessor processor,
    PacStorage storage,
    AuditLog audit,
    TimeProvider clock)
{
    public const string Rechecked = "recheck";
    public const string Chosen = "choose-version";

    /// <summary>Reads the version again with today's reader and form.</summary>
    /// <returns>What HQ is told: the file and its new status.</returns>
    public async Task<string> RecheckAsync(Campaign campaign, Centre centre, string? submissionId, string who, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(campaign, centre, submissionId, cancellationToken);
        try
        {
            await processor.ProcessAsync(storage.Reports.GetBlobClient(version.BlobName), cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            // The stored blob itself is wrong (no upload metadata, changed after upload): HQ needs the reason, not a 500.
            throw new OperationRefusedException($"{version.OriginalFileName} could not be checked again: {exception.Message}");
        }

        var checkedAgain = await submissions.FindAsync(campaign.Year, centre.Id, version.SubmissionId, cancellationToken) ?? version;
        var status = checkedAgain.Check?.Status.ToString() ?? "not checked";
        await audit.RecordAsync(campaign.Year, centre.Id, Rechecked, $"version {version.SubmissionId} ({version.OriginalFileName}): {status}", who, cancellationToken);
        return $"{version.OriginalFileName} was checked again: {status}.";
    }

    /// <summary>Makes the version the one that counts, until the centre sends a readable version after this choice.</summary>
    /// <returns>What HQ is told: which file now counts, and until when.</returns>
    public async Task<string> ChooseAsync(Campaign campaign, Centre centre, string? submissionId, string who, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(campaign, centre, submissionId, cancellationToken);
        if (version.MarkedMalicious())
        {
            throw new OperationRefusedException($"{version.OriginalFileName} was marked malicious by the malware scan; it cannot be the version that counts.");
        }

        await submissions.ChooseAsync(version, clock.GetUtcNow(), cancellationToken);
        var received = CampaignSettings.Show(version.ReceivedAt, campaign.TimeZone);
        await audit.RecordAsync(campaign.Year, centre.Id, Chosen, $"version {version.SubmissionId} ({version.OriginalFileName}, received {received}) counts", who, cancellationToken);
        return $"{version.OriginalFileName} (received {received}) now counts for {centre.Name}, until the centre sends a readable version after this choice.";
    }

    /// <summary>The centre's version <paramref name="submissionId"/> names, or the reason it names none of this centre's.</summary>
    private async Task<Submission> VersionAsync(Campaign campaign, Centre centre, string? submissionId, CancellationToken cancellationToken) =>
        submissionId is not null && SubmissionBlob.IsValidSubmissionId(submissionId)
        && await submissions.FindAsync(campaign.Year, centre.Id, submissionId, cancellationToken) is { } version
            ? version
            : throw new OperationRefusedException($"{centre.Name} has no version '{submissionId}' in {campaign.Year}.");
}
