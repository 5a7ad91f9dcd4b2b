using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Forms;
using PacSubmissions.Reports;
using PacSubmissions.Reports.Isolation;
using PacSubmissions.Storage;
using PacSubmissions.Telemetry;

namespace PacSubmissions.Submissions;

/// <summary>
/// Runs for every report blob: reads and checks it, records the submission with its check, keeps the full reading, and
/// sends HQ's e-mail and the coordinator's receipt. Safe to run twice for one blob (the blob trigger delivers at least
/// once): the row and the reading are replaced, and the e-mail ledger sends each e-mail once.
/// </summary>
public sealed partial class SubmissionProcessor(
    CentreRegister centres,
    CampaignStore campaigns,
    SubmissionStore submissions,
    IsolatedReportReader reader,
    ReadingArchive readings,
    SubmissionNotifications notifications,
    MalwareScanGate malwareScan,
    TimeProvider clock,
    ILogger<SubmissionProcessor> logger)
{
    public async Task ProcessAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        // In the upload's trace, from the context the upload wrote on the blob: the check and the e-mails join it.
        using var span = PacTelemetry.StartProcessing("Process report", properties.Metadata);
        span?.SetTag(PacTelemetry.BlobTag, blob.Name);
        try
        {
            await ProcessAsync(blob, properties, cancellationToken);
        }
        catch (Exception exception) when (PacTelemetry.Failed(span, exception))
        {
            throw;
        }
    }

    private async Task ProcessAsync(BlobClient blob, BlobProperties properties, CancellationToken cancellationToken)
    {
        var uploaded = SubmissionBlob.FromMetadata(properties.Metadata)
            ?? throw new InvalidDataException(
                $"Blob {blob.Name} has no upload metadata: it was not written by the upload function. Remove it from the container.");

        // The campaign's own form: a report is read against the questions its year asked.
        var campaign = await campaigns.FindAsync(uploaded.Year, cancellationToken);
        var form = campaign?.Form() ?? FormDefinitions.Current;
        ReportReading reading;
        using (PacTelemetry.Source.StartActivity("Read report"))
        {
            reading = await ReadAsync(blob, properties.ContentLength, form, cancellationToken);
        }

        // Check what storage holds, not what the upload said: this is the file HQ will open.
        if (!string.Equals(reading.Sha256, uploaded.Sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Blob {blob.Name} does not match the SHA-256 recorded at upload ({uploaded.Sha256}); it was changed after upload.");
        }

        var submission = new Submission(uploaded.CentreId, uploaded.Year, uploaded.SubmissionId, blob.Name, uploaded.OriginalFileName,
            properties.ContentLength, reading.Sha256, uploaded.ReceivedAt, uploaded.Late, clock.GetUtcNow(), SubmissionCheck.From(reading));
        using (PacTelemetry.Source.StartActivity("Record submission")?.SetTag(PacTelemetry.OutcomeTag, reading.Status.ToString()))
        {
            await readings.SaveAsync(blob.Name, reading, cancellationToken);
            await submissions.SaveAsync(submission, cancellationToken);
        }

        LogRecorded(logger, submission.CentreId, submission.Year, submission.SubmissionId, submission.Late, reading.Status);

        var centre = await centres.FindAsync(submission.CentreId, cancellationToken);
        var outcome = await notifications.SendAsync(submission, centre, reading, cancellationToken);
        // The line that shows a blob delivered twice: the second delivery finds its e-mails handled elsewhere.
        LogNotified(logger, submission.SubmissionId, outcome.Sent, outcome.AlreadyHandled, outcome.InFlight, outcome.Pending);
    }

    /// <summary>
    /// The report's reading; a report Defender for Storage marked malicious is not opened at all, and with scanning on
    /// none is opened before its verdict (<see cref="MalwareScanGate"/>). The reader leaves the hash empty only when it
    /// stopped early (a file over its limit), so then the hash is taken on its own.
    /// </summary>
    private async Task<ReportReading> ReadAsync(BlobClient blob, long bytes, FormDefinition form, CancellationToken cancellationToken)
    {
        if (await malwareScan.VerdictAsync(blob, cancellationToken) == MalwareScanResult.Malicious)
        {
            LogMalicious(logger, blob.Name);
            return Malicious(bytes, await HashAsync(blob, cancellationToken));
        }

        ReportReading reading;
        await using (var content = await blob.OpenReadAsync(cancellationToken: cancellationToken))
        {
            reading = await reader.ReadAsync(content, form, cancellationToken);
        }

        return reading.Sha256.Length > 0 ? reading : reading with { Sha256 = await HashAsync(blob, cancellationToken) };
    }

    /// <summary>The SHA-256 of what storage holds for the blob, read as a stream.</summary>
    internal static async Task<string> HashAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        await using var content = await blob.OpenReadAsync(cancellationToken: cancellationToken);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
    }

    private static ReportReading Malicious(long bytes, string sha256) => new(
        "unknown", bytes, sha256, ReportStatus.Unreadable,
        [new ReportProblem(ProblemCodes.Malicious, "The malware scan found a threat in this file, so it was not opened. Please send a clean copy.")],
        [], null, null, [], [], null, 0, 0);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded submission {SubmissionId} from {Centre} for {Year} (late: {Late}, check: {Status})")]
    private static partial void LogRecorded(ILogger logger, string centre, int year, string submissionId, bool late, ReportStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed submission {SubmissionId}: e-mails {Sent} sent, {AlreadyHandled} handled before, {InFlight} being sent by another delivery, {Pending} left for the reminder run")]
    private static partial void LogNotified(ILogger logger, string submissionId, int sent, int alreadyHandled, int inFlight, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob {BlobName} was marked malicious by the malware scan; it is recorded unread")]
    private static partial void LogMalicious(ILogger logger, string blobName);
}
