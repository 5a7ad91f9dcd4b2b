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

    /// <summary>Reads the version again with today's reader and form; returns it as recorded after the new check.</summary>
    public async Task<Submission> RecheckAsync(Campaign campaign, Centre centre, string? submissionId, string who, CancellationToken cancellationToken)
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
        await audit.RecordAsync(campaign.Year, centre.Id, Rechecked,
            $"version {version.SubmissionId} ({version.OriginalFileName}): {StatusOf(checkedAgain)}", who, cancellationToken);
        return checkedAgain;
    }

    /// <summary>Makes the version the one that counts, until the centre sends a readable version after this choice.</summary>
    public async Task<Submission> ChooseAsync(Campaign campaign, Centre centre, string? submissionId, string who, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(campaign, centre, submissionId, cancellationToken);
        if (version.MarkedMalicious())
        {
            throw new OperationRefusedException($"{version.OriginalFileName} was marked malicious by the malware scan; it cannot be the version that counts.");
        }

        await submissions.ChooseAsync(version, clock.GetUtcNow(), cancellationToken);
        await audit.RecordAsync(campaign.Year, centre.Id, Chosen,
            $"version {version.SubmissionId} ({version.OriginalFileName}, received {CampaignSettings.Show(version.ReceivedAt, campaign.TimeZone)}) counts", who, cancellationToken);
        return version;
    }

    /// <summary>The check's status as HQ reads it, or "not checked" while there is none.</summary>
    public static string StatusOf(Submission version) => version.Check?.Status.ToString() ?? "not checked";

    /// <summary>The centre's version <paramref name="submissionId"/> names, or the reason it names none of this centre's.</summary>
    private async Task<Submission> VersionAsync(Campaign campaign, Centre centre, string? submissionId, CancellationToken cancellationToken) =>
        submissionId is not null && SubmissionBlob.IsValidSubmissionId(submissionId)
        && await submissions.FindAsync(campaign.Year, centre.Id, submissionId, cancellationToken) is { } version
            ? version
            : throw new OperationRefusedException($"{centre.Name} has no version '{submissionId}' in {campaign.Year}.");
}
