using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Storage;
using PacSubmissions.Telemetry;

namespace PacSubmissions.Submissions;

/// <summary>What the poison handler did with one message.</summary>
public enum PoisonOutcome
{
    /// <summary>The upload's row now says it could not be processed, and HQ was e-mailed (once).</summary>
    Recorded,
    /// <summary>A successful run recorded the upload after it was poisoned: nothing to tell.</summary>
    Superseded,
    /// <summary>The blob is gone, carries no upload record, or is not in the reports container: HQ was told what is known.</summary>
    Described,
    /// <summary>The message named no blob: HQ was sent the message itself.</summary>
    Malformed,
    /// <summary>The message is about another function's blob.</summary>
    Ignored,
}

/// <summary>
/// Handles a message on the blob trigger's poison queue: the Functions host gave up on a report blob after host.json's
/// <c>poisonBlobThreshold</c> failures. The upload's row is marked as not processed (the dashboard shows it, with the
/// reason when it can be found), HQ gets one e-mail saying what to do, and the coordinator gets the plain receipt.
/// <para>
/// Only a failure of storage or of SendGrid for now is thrown, for the queue to deliver the message again; every other
/// case (a blob that is gone or not ours, a message that is not JSON) is logged and told to HQ, then done. A second
/// delivery of the same message changes nothing and sends nothing: the row write is idempotent and the ledger sends
/// each e-mail once. Should SendGrid stay down past the queue's last try, the hourly reminder run sends HQ's e-mail
/// from the row (<see cref="Reminders.ReminderPlanner"/>), so it is not lost.
/// </para>
/// </summary>
public sealed partial class PoisonedReports(
    PacStorage storage,
    BlobServiceClient blobs,
    SubmissionStore submissions,
    CentreRegister centres,
    CampaignStore campaigns,
    HqEmails hq,
    CoordinatorEmails coordinators,
    EmailLedger ledger,
    IOptions<MalwareScanningOptions> scanning,
    TimeProvider clock,
    ILogger<PoisonedReports> logger)
{
    private const int MaxQuotedMessageChars = 2_000;
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <param name="message">The message's text (the host's JSON, already base64-decoded by the trigger).</param>
    /// <param name="poisonedAt">When the message was queued, that is when the host gave up; now when unknown.</param>
    /// <param name="processorFunction">The blob-triggered function whose blobs are handled; others' are ignored.</param>
    public async Task<PoisonOutcome> HandleAsync(string message, DateTimeOffset? poisonedAt, string processorFunction, CancellationToken cancellationToken)
    {
        var at = poisonedAt ?? clock.GetUtcNow();
        if (Parse(message) is not { } poison)
        {
            LogMalformed(logger, Quote(message));
            var key = new EmailKey(at.UtcDateTime.Year, EmailKinds.Hq, EmailKinds.ProcessingFailed, "message-" + ShortHash(message));
            await SendToHqAsync(await hq.ProcessingFailedAsync(key, new PoisonedReport(null, null, null, null,
                "The message is not the blob trigger's JSON with a container and a blob name.", at, Quote(message)), null, cancellationToken), cancellationToken);
            return PoisonOutcome.Malformed;
        }

        if (!IsFunction(poison.FunctionId, processorFunction))
        {
            LogIgnored(logger, poison.FunctionId, poison.ContainerName, poison.BlobName);
            return PoisonOutcome.Ignored;
        }

        LogPoisoned(logger, poison.ContainerName!, poison.BlobName!, poison.ETag);
        if (!string.Equals(poison.ContainerName, storage.Reports.Name, StringComparison.Ordinal))
        {
            return await DescribeAsync(poison, null, $"The blob is not in the reports container ({storage.Reports.Name}).", at, cancellationToken);
        }

        var blob = blobs.GetBlobContainerClient(poison.ContainerName).GetBlobClient(poison.BlobName);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return await DescribeAsync(poison, null, "The blob no longer exists: it was deleted after the processor gave up on it.", at, cancellationToken);
        }

        if (SubmissionBlob.FromMetadata(properties.Metadata) is not { } upload)
        {
            return await DescribeAsync(poison, properties.ContentLength, "The blob has no upload record (metadata): it was not written by the upload.", at, cancellationToken);
        }

        // In the upload's trace too, so the upload's trace ends with what became of it.
        using var span = PacTelemetry.StartProcessing("Report processing failed", properties.Metadata)?.SetTag(PacTelemetry.BlobTag, blob.Name);
        var reason = await DiagnoseAsync(blob, upload, cancellationToken);
        span?.SetTag(PacTelemetry.ReasonTag, reason);
        var failed = new Submission(upload.CentreId, upload.Year, upload.SubmissionId, blob.Name, upload.OriginalFileName, properties.ContentLength,
            upload.Sha256, upload.ReceivedAt, upload.Late, clock.GetUtcNow(), Check: null, new ProcessingFailure(at, reason));
        if (!await submissions.RecordFailureAsync(failed, at, cancellationToken))
        {
            LogSuperseded(logger, upload.SubmissionId, upload.CentreId);
            return PoisonOutcome.Superseded;
        }

        var centre = await centres.FindAsync(upload.CentreId, cancellationToken);
        EmailSendException? pending = null;
        try
        {
            await SendToHqAsync(await hq.ProcessingFailedAsync(failed, centre, cancellationToken), cancellationToken);
        }
        catch (EmailSendException exception)
        {
            // SendGrid is failing for now: still try the receipt, then throw for the queue to deliver the message again.
            pending = exception;
        }

        await SendReceiptAsync(failed, centre, cancellationToken);
        LogRecorded(logger, upload.SubmissionId, upload.CentreId, upload.Year, reason);
        if (pending is not null)
        {
            ExceptionDispatchInfo.Throw(pending);
        }

        return PoisonOutcome.Recorded;
    }

    /// <summary>A blob that is gone or not the upload's: HQ is told what its name and the message say; no row is written.</summary>
    private async Task<PoisonOutcome> DescribeAsync(BlobPoisonMessage poison, long? bytes, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        LogDescribed(logger, poison.ContainerName!, poison.BlobName!, reason);
        var (year, centre, submissionId) = NameParts(poison.BlobName!);
        var key = new EmailKey(year ?? at.UtcDateTime.Year, centre ?? EmailKinds.Hq, EmailKinds.ProcessingFailed,
            submissionId ?? "blob-" + ShortHash(poison.ContainerName + "/" + poison.BlobName));
        await SendToHqAsync(await hq.ProcessingFailedAsync(key, new PoisonedReport(poison.ContainerName, poison.BlobName, null, bytes, reason, at), null, cancellationToken), cancellationToken);
        return PoisonOutcome.Described;
    }

    /// <summary>
    /// The processor's own reason that can be seen from outside: a file changed after upload (the same SHA-256 check),
    /// or, with malware scanning on, a file Defender never gave a verdict (the processor waited for it every time).
    /// Anything else was an error while reading it, which the function's logs hold.
    /// </summary>
    private async Task<string> DiagnoseAsync(BlobClient blob, SubmissionBlob upload, CancellationToken cancellationToken)
    {
        if (scanning.Value.Enabled && await MalwareScanVerdict.ReadAsync(blob, cancellationToken) == MalwareScanResult.NotScanned)
        {
            return "Defender for Storage gave this file no malware scan verdict, so it was never opened. Check the storage account's "
                + "Defender for Cloud page (scanning on, monthly cap not reached); once the verdict is on the file, press Check again on this version.";
        }

        var sha256 = await SubmissionProcessor.HashAsync(blob, cancellationToken);
        if (!string.Equals(sha256, upload.Sha256, StringComparison.Ordinal))
        {
            return $"The file in storage does not match the SHA-256 recorded at upload ({upload.Sha256}): it was changed after upload.";
        }

        return "The file is as it was uploaded, but reading it failed every time; the reason is in Application Insights (the ProcessReport failures for this blob).";
    }

    private async Task SendToHqAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await ledger.SendOnceAsync(message, cancellationToken);
        }
        catch (EmailSendException exception) when (exception.Permanent)
        {
            // Refused for good: the ledger has it and the digests show it; delivering the message again would not help.
            LogEmailRefused(logger, message.Key);
        }
    }

    /// <summary>The plain receipt the processor would have sent: the upload did arrive, and the check is HQ's to finish.</summary>
    private async Task SendReceiptAsync(Submission submission, Centre? centre, CancellationToken cancellationToken)
    {
        if (centre is null || !Reports.ContactFacts.IsAddress(centre.CoordinatorEmail))
        {
            return;
        }

        var campaign = await campaigns.FindAsync(submission.Year, cancellationToken);
        try
        {
            await ledger.SendOnceAsync(await coordinators.ReceiptAsync(campaign, submission, centre, reading: null, cancellationToken), cancellationToken);
        }
        catch (EmailSendException exception)
        {
            // The ledger has it; the reminder run sends a pending receipt later (ReminderPlanner).
            LogReceiptPending(logger, submission.SubmissionId, exception.Permanent);
        }
    }

    private static BlobPoisonMessage? Parse(string message)
    {
        try
        {
            var poison = JsonSerializer.Deserialize<BlobPoisonMessage>(message, Json);
            return poison is { ContainerName.Length: > 0, BlobName.Length: > 0 } ? poison : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The host names the function <c>Host.Functions.ProcessReport</c>; the local host does the same.</summary>
    private static bool IsFunction(string? functionId, string function) =>
        functionId is not null
        && (functionId == function || functionId.EndsWith("." + function, StringComparison.Ordinal));

    /// <summary>Year, centre and submission id from an upload's blob name (<c>year/centre/submissionId</c>), each only when it is one.</summary>
    private static (int? Year, string? Centre, string? SubmissionId) NameParts(string blobName)
    {
        var parts = blobName.Split('/');
        int? year = parts.Length > 0 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 9999 ? y : null;
        var centre = parts.Length > 1 && Centres.CentreId.IsValid(parts[1]) ? parts[1] : null;
        var submissionId = parts.Length == 3 && SubmissionBlob.IsValidSubmissionId(parts[2]) ? parts[2] : null;
        return year is null || centre is null ? (year, null, null) : (year, centre, submissionId);
    }

    private static string ShortHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static string Quote(string message) =>
        message.Length <= MaxQuotedMessageChars ? message : message[..MaxQuotedMessageChars] + $"… ({message.Length} characters in all)";

    /// <summary>The blob trigger's poison message, as the Functions host writes it.</summary>
    private sealed record BlobPoisonMessage(string? Type, string? FunctionId, string? BlobType, string? ContainerName, string? BlobName, string? ETag);

    [LoggerMessage(Level = LogLevel.Error, Message = "The blob trigger gave up on blob {BlobName} in {Container} (ETag {ETag})")]
    private static partial void LogPoisoned(ILogger logger, string container, string blobName, string? eTag);

    [LoggerMessage(Level = LogLevel.Error, Message = "Submission {SubmissionId} from {Centre} for {Year} could not be processed: {Reason}. HQ was told")]
    private static partial void LogRecorded(ILogger logger, string submissionId, string centre, int year, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {SubmissionId} from {Centre} was processed after it was poisoned; nothing to tell")]
    private static partial void LogSuperseded(ILogger logger, string submissionId, string centre);

    [LoggerMessage(Level = LogLevel.Error, Message = "Poisoned blob {BlobName} in {Container} cannot be recorded: {Reason}. HQ was told what is known")]
    private static partial void LogDescribed(ILogger logger, string container, string blobName, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A poison queue message names no blob; HQ was sent it: {Message}")]
    private static partial void LogMalformed(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poison message of function {FunctionId} for {Container}/{BlobName} is not about reports; ignored")]
    private static partial void LogIgnored(ILogger logger, string? functionId, string? container, string? blobName);

    [LoggerMessage(Level = LogLevel.Error, Message = "SendGrid refused HQ's e-mail {Key} for good; the ledger and the digests show it")]
    private static partial void LogEmailRefused(ILogger logger, EmailKey key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The receipt for poisoned submission {SubmissionId} was not sent now (permanent: {Permanent}); the ledger has it")]
    private static partial void LogReceiptPending(ILogger logger, string submissionId, bool permanent);
}
