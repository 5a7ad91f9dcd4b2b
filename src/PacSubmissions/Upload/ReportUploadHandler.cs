using System.Globalization;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using MinDataRate = Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PacSubmissions.Campaigns;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Telemetry;
using PacSubmissions.Upload.Page;

namespace PacSubmissions.Upload;

/// <summary>Takes a report posted to a centre's link and streams it into the reports container as a new version.</summary>
public sealed partial class ReportUploadHandler(
    UploadAccess access,
    UploadResponses responses,
    PacStorage storage,
    UploadLimits limits,
    IOptions<UploadOptions> options,
    IOptions<LinkOptions> links,
    TimeProvider clock,
    ILogger<ReportUploadHandler> logger)
{
    public const string FileField = "file";

    /// <summary>Room for the multipart boundaries and part headers around the file itself.</summary>
    private const long MultipartOverhead = 64 * 1024;

    /// <summary>How long a caller is asked to wait (Retry-After) when storage cannot be reached.</summary>
    public static readonly TimeSpan StorageRetryAfter = TimeSpan.FromMinutes(1);

    public async Task<IActionResult> HandleAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        // The trace's first span of its own: the blob the upload writes carries it on to the check and the e-mails.
        using var span = PacTelemetry.Source.StartActivity("Upload report");
        try
        {
            return await StoreAsync(request, token, cancellationToken);
        }
        catch (Exception exception) when (StorageFailures.IsUnavailable(exception, cancellationToken))
        {
            // Nothing is visible until the block list is committed, so an upload cut here left nothing behind.
            LogStorageUnavailable(logger, exception);
            PacTelemetry.RecordFailure(span, exception);
            return await StorageUnavailableAsync(request, cancellationToken);
        }
    }

    private async Task<IActionResult> StoreAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var upload = await access.ResolveAsync(token, cancellationToken);
        if (upload is null)
        {
            return await responses.LinkInvalidAsync(request, token, cancellationToken);
        }

        var receivedAt = clock.GetUtcNow();
        var window = upload.WindowAt(receivedAt);
        if (window is UploadWindow.NotYetOpen or UploadWindow.Closed)
        {
            return await WindowClosedAsync(request, upload, token, window, cancellationToken);
        }

        var maxBytes = options.Value.MaxBytes;
        if (request.ContentLength > maxBytes + MultipartOverhead)
        {
            return await TooLargeAsync(request, upload, token, cancellationToken);
        }

        // The server's own limit (Kestrel's 30 MB default in the local host) must not decide first: where it is lower, it is
        // raised to just above ours, which counts the file while streaming and never reads more than one block past the
        // limit. It is never lowered: after an early answer Kestrel drains the rest of the body only within that limit, and
        // a body it cannot drain reaches the client as a reset instead of the answer (the worker's limit is the host's).
        var readLimit = maxBytes + BlockUpload.BlockSize + MultipartOverhead;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false, MaxRequestBodySize: { } serverLimit } feature
            && serverLimit < readLimit)
        {
            feature.MaxRequestBodySize = readLimit;
        }

        TolerateStalls(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Length is 0 or > 200)
        {
            return await NoFileAsync(request, upload, token, cancellationToken);
        }

        // Counted and reserved before a byte of the body is stored, so a flood or a full campaign stores nothing.
        var submissionId = SubmissionBlob.NewSubmissionId(receivedAt);
        var allowance = await limits.TakeAsync(upload, submissionId, request.ContentLength ?? 0, cancellationToken);
        if (allowance.Refusal is { } limited)
        {
            return await LimitRefusedAsync(request, upload, token, limited, cancellationToken);
        }

        var blobName = SubmissionBlob.NameFor(upload.Campaign.Year, upload.Centre.Id, submissionId);
        using var staged = new BlockUpload(storage.Reports.GetBlockBlobClient(blobName), Math.Min(maxBytes, allowance.RemainingBytes));
        try
        {
            return await StageAndCommitAsync(request, upload, token, contentType, staged, submissionId, receivedAt, cancellationToken);
        }
        finally
        {
            await DiscardAsync(staged, upload);
            await ReleaseAsync(upload, submissionId);
        }
    }

    /// <summary>Reads the multipart body into <paramref name="staged"/> and commits its one file, or answers why not.</summary>
    private async Task<IActionResult> StageAndCommitAsync(HttpRequest request, UploadContext upload, string token, MediaTypeHeaderValue contentType,
        BlockUpload staged, string submissionId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(contentType.Boundary).ToString(), request.Body);
        string? fileName = null;
        MultipartSection? section;
        try
        {
            while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
            {
                var disposition = section.GetContentDispositionHeader();
                if (disposition is null || !disposition.IsFileDisposition()
                    || !HeaderUtilities.RemoveQuotes(disposition.Name).Equals(FileField, StringComparison.Ordinal))
                {
                    continue;
                }

                if (fileName is not null)
                {
                    return await responses.RefusedAsync(request, upload, token, StatusCodes.Status400BadRequest, "More than one file", t => t.ErrorTwoFiles,
                        cancellationToken);
                }

                fileName = ClientFileName(disposition);
                if (await RefusalAsync(request, upload, token, await staged.StageAsync(section.Body, fileName, cancellationToken), staged, fileName,
                    cancellationToken) is { } refusal)
                {
                    return refusal;
                }
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return await TooLargeAsync(request, upload, token, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            // Kestrel's verdict on a body slower than the minimum rate after the stall tolerance: a trickle, or a link gone.
            return await UnfinishedAsync(request, upload, token, "Upload too slow", exception, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            // The multipart reader's verdict on a broken part header (no colon, over its length limits).
            return await UnfinishedAsync(request, upload, token, "Malformed upload", exception, cancellationToken);
        }
        catch (IOException exception)
        {
            // The body ended before its closing boundary: cut off by the client, or a boundary that never came.
            return await UnfinishedAsync(request, upload, token, "Upload incomplete", exception, cancellationToken);
        }

        if (fileName is null)
        {
            return await NoFileAsync(request, upload, token, cancellationToken);
        }

        return await CommitAsync(request, upload, token, staged, submissionId, receivedAt, fileName, NoExtraMetadata, cancellationToken);
    }

    private static readonly IReadOnlyDictionary<string, string> NoExtraMetadata = new Dictionary<string, string>();

    /// <summary>
    /// Kestrel cuts a body that averages under 240 B/s once 5 s have passed, which loses an upload whose link stalls
    /// for a few seconds near its start. Its average is kept, over a longer grace: a stall of a minute survives, a trickle does not.
    /// </summary>
    internal void TolerateStalls(HttpRequest request)
    {
        if (request.HttpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minimumRate)
        {
            minimumRate.MinDataRate = new MinDataRate(UploadOptions.MinBytesPerSecond, options.Value.StallTolerance);
        }
    }

    /// <summary>
    /// Stores a whole report read from <paramref name="body"/> as a new version, with the checks, the metadata and the
    /// answer of a POST: the resumable upload's commit feeds its assembled file through here.
    /// </summary>
    internal async Task<IActionResult> StoreVersionAsync(HttpRequest request, UploadContext upload, string token, DateTimeOffset receivedAt,
        string fileName, Stream body, IReadOnlyDictionary<string, string> extraMetadata, CancellationToken cancellationToken)
    {
        var submissionId = SubmissionBlob.NewSubmissionId(receivedAt);
        using var staged = new BlockUpload(storage.Reports.GetBlockBlobClient(SubmissionBlob.NameFor(upload.Campaign.Year, upload.Centre.Id, submissionId)),
            options.Value.MaxBytes);
        try
        {
            var outcome = await staged.StageAsync(body, fileName, cancellationToken);
            return await RefusalAsync(request, upload, token, outcome, staged, fileName, cancellationToken)
                ?? await CommitAsync(request, upload, token, staged, submissionId, receivedAt, fileName, extraMetadata, cancellationToken);
        }
        finally
        {
            await DiscardAsync(staged, upload);
        }
    }

    /// <summary>Deletes what a body that was not committed staged; a failure here only leaves blocks storage discards within a week.</summary>
    private async Task DiscardAsync(BlockUpload staged, UploadContext upload)
    {
        try
        {
            if (await staged.DiscardAsync())
            {
                LogDiscarded(logger, upload.Centre.Id, upload.Campaign.Year, staged.Bytes);
            }
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException || StorageFailures.IsUnavailable(exception, CancellationToken.None))
        {
            LogDiscardFailed(logger, exception, upload.Centre.Id, upload.Campaign.Year);
        }
    }

    /// <summary>Ends the upload's byte reservation: stored, its bytes are a version now; refused, they never were.</summary>
    internal async Task ReleaseAsync(UploadContext upload, string reservationId)
    {
        try
        {
            await limits.ReleaseAsync(upload, reservationId, CancellationToken.None);
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException || StorageFailures.IsUnavailable(exception, CancellationToken.None))
        {
            // The reservation lapses by itself after UploadLimits.ReservationLifetime.
            LogReleaseFailed(logger, exception, upload.Centre.Id, upload.Campaign.Year);
        }
    }

    /// <summary>
    /// A refusal by a per-link limit: 429 with Retry-After (the seconds until an upload of the hour ages out) for the
    /// uploads an hour, 413 with HQ's address for a campaign's bytes (waiting does not free room), 503 when the count
    /// could not be written for contention.
    /// </summary>
    internal async Task<IActionResult> LimitRefusedAsync(HttpRequest request, UploadContext upload, string token, LimitRefusal refusal,
        CancellationToken cancellationToken)
    {
        LogLimited(logger, upload.Centre.Id, upload.Campaign.Year, refusal.Kind);
        switch (refusal.Kind)
        {
            case LimitKind.UploadsPerHour:
                var retryAt = refusal.RetryAt!.Value;
                var seconds = Math.Max(1, (long)Math.Ceiling((retryAt - clock.GetUtcNow()).TotalSeconds));
                request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return await responses.RefusedAsync(request, upload, token, StatusCodes.Status429TooManyRequests, "Too many uploads",
                    t => UploadPage.Format(t.ErrorTooManyUploads, options.Value.UploadsPerHour, UploadPage.Local(t, retryAt, upload.Centre.TimeZone)),
                    cancellationToken);
            case LimitKind.CampaignBytes:
                var hq = responses.Page(request, token, null).HqAddress;
                return await responses.RefusedAsync(request, upload, token, StatusCodes.Status413PayloadTooLarge, "Campaign storage limit reached",
                    t => UploadPage.Format(t.ErrorCampaignFull, options.Value.MaxCampaignBytes / (1024 * 1024), hq), cancellationToken);
            default:
                return await StorageUnavailableAsync(request, cancellationToken);
        }
    }

    /// <summary>The answer to a body whose staging stopped early (too large, not a report, a name not its format's); null when it was staged whole.</summary>
    private async Task<IActionResult?> RefusalAsync(HttpRequest request, UploadContext upload, string token, StageOutcome outcome,
        BlockUpload staged, string fileName, CancellationToken cancellationToken) => (outcome, staged.Format) switch
    {
        // Over the room left in the campaign, not over the largest report: the campaign's limit says so.
        (StageOutcome.TooLarge, _) when staged.Bytes <= options.Value.MaxBytes =>
            await LimitRefusedAsync(request, upload, token, new LimitRefusal(LimitKind.CampaignBytes, null), cancellationToken),
        (StageOutcome.TooLarge, _) => await TooLargeAsync(request, upload, token, cancellationToken),
        (StageOutcome.NotAReport, _) => await NotAReportAsync(request, upload, token, cancellationToken),
        (StageOutcome.NameNotFormat, var format) => await responses.RefusedAsync(request, upload, token, StatusCodes.Status415UnsupportedMediaType, "File name does not fit its content",
            t => UploadPage.Format(t.ErrorNameNotFormat, ReportFormat.NameExtension(fileName)!, ReportFormat.ExtensionOf(format!)), cancellationToken),
        _ => null,
    };

    /// <summary>Commits a staged report with its metadata, making it the new version the blob trigger checks, and answers as accepted.</summary>
    private async Task<IActionResult> CommitAsync(HttpRequest request, UploadContext upload, string token, BlockUpload staged, string submissionId,
        DateTimeOffset receivedAt, string fileName, IReadOnlyDictionary<string, string> extraMetadata, CancellationToken cancellationToken)
    {
        if (staged.Bytes == 0)
        {
            return await EmptyAsync(request, upload, token, cancellationToken);
        }

        if (!staged.IsWhole)
        {
            // Cut short in saving or sending: its end is not there, so nothing is committed and nothing is stored.
            return await responses.RefusedAsync(request, upload, token, StatusCodes.Status400BadRequest, "Incomplete file", t => t.ErrorIncompleteFile, cancellationToken);
        }

        var submission = new SubmissionBlob(upload.Centre.Id, upload.Campaign.Year, submissionId, receivedAt, upload.WindowAt(receivedAt) == UploadWindow.Late,
            fileName, staged.Bytes, staged.Sha256);
        var metadata = submission.ToMetadata();
        foreach (var (key, value) in extraMetadata)
        {
            metadata[key] = value;
        }

        PacTelemetry.WriteTraceContext(metadata);
        PacTelemetry.Current?.SetTag(PacTelemetry.CentreTag, submission.CentreId).SetTag(PacTelemetry.BlobTag, submission.BlobName);
        await staged.CommitAsync(metadata, cancellationToken);
        LogStored(logger, upload.Centre.Id, upload.Campaign.Year, submission.BlobName, submission.Bytes, submission.Late);
        return await AcceptedAsync(request, upload, token, submission, cancellationToken);
    }

    internal async Task<IActionResult> AcceptedAsync(HttpRequest request, UploadContext upload, string token, SubmissionBlob submission,
        CancellationToken cancellationToken)
    {
        if (UploadResponses.WantsHtml(request))
        {
            var page = responses.Page(request, token, upload.Centre.Language);
            var receipt = new UploadStatus(submission.SubmissionId, submission.CentreId, submission.Year, submission.ReceivedAt, submission.Late,
                submission.OriginalFileName, submission.Bytes, submission.Sha256, UploadState.Checking, null, []);
            return await responses.HtmlAsync<ReceivedPage>(StatusCodes.Status202Accepted, new Dictionary<string, object?>
            {
                [nameof(ReceivedPage.Page)] = page,
                [nameof(ReceivedPage.Receipt)] = receipt,
                [nameof(ReceivedPage.CentreZone)] = upload.Centre.TimeZone,
            }, cancellationToken);
        }

        // From the configured address, never the request's Host header, which any caller (or a proxy in between) sets.
        var statusUrl = RouteUrl.Absolute(links.Value.PublicBaseUrl, UploadRoutes.StatusPath(token, submission.SubmissionId)).ToString();
        return new ObjectResult(UploadAccepted.From(submission, statusUrl)) { StatusCode = StatusCodes.Status202Accepted };
    }

    /// <summary>Storage is down: the centre and campaign may be unknown, so the page has no way back to the link's page.</summary>
    internal Task<IActionResult> StorageUnavailableAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.RetryAfter = ((int)StorageRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return responses.RefusedAsync(request, responses.Page(request, null, null), StatusCodes.Status503ServiceUnavailable, "Storage unavailable",
            t => t.ErrorStorageUnavailable, cancellationToken);
    }

    private Task<IActionResult> NoFileAsync(HttpRequest request, UploadContext upload, string token, CancellationToken cancellationToken) =>
        responses.RefusedAsync(request, upload, token, StatusCodes.Status400BadRequest, "No file", t => t.ErrorNoFile, cancellationToken);

    /// <summary>A body that could not be read to its end; nothing was committed, at most some blocks were staged.</summary>
    internal Task<IActionResult> UnfinishedAsync(HttpRequest request, UploadContext upload, string token, string title, Exception exception,
        CancellationToken cancellationToken)
    {
        LogUnfinished(logger, upload.Centre.Id, upload.Campaign.Year, title, exception.Message);
        return responses.RefusedAsync(request, upload, token, StatusCodes.Status400BadRequest, title, t => t.ErrorNetwork, cancellationToken);
    }

    internal Task<IActionResult> NotAReportAsync(HttpRequest request, UploadContext upload, string token, CancellationToken cancellationToken) =>
        responses.RefusedAsync(request, upload, token, StatusCodes.Status415UnsupportedMediaType, "Not an accepted format",
            t => UploadPage.Format(t.ErrorWrongType, ReportFormat.AcceptedList), cancellationToken);

    internal Task<IActionResult> EmptyAsync(HttpRequest request, UploadContext upload, string token, CancellationToken cancellationToken) =>
        responses.RefusedAsync(request, upload, token, StatusCodes.Status400BadRequest, "Empty file", t => t.ErrorEmpty, cancellationToken);

    internal Task<IActionResult> TooLargeAsync(HttpRequest request, UploadContext upload, string token, CancellationToken cancellationToken) =>
        responses.RefusedAsync(request, upload, token, StatusCodes.Status413PayloadTooLarge, "Report too large",
            t => UploadPage.Format(t.ErrorTooLarge, options.Value.MaxBytes / (1024 * 1024)), cancellationToken);

    internal Task<IActionResult> WindowClosedAsync(HttpRequest request, UploadContext upload, string token, UploadWindow window,
        CancellationToken cancellationToken)
    {
        var campaign = upload.Campaign;
        return window == UploadWindow.NotYetOpen
            ? responses.RefusedAsync(request, upload, token, StatusCodes.Status409Conflict, "Uploads not open yet",
                t => UploadPage.Format(t.NotYetOpenNotice, UploadPage.InZone(t, campaign.OpensAt, campaign.TimeZone)), cancellationToken)
            : responses.RefusedAsync(request, upload, token, StatusCodes.Status409Conflict, "Uploads closed",
                t => UploadPage.Format(t.ClosedNotice, responses.Page(request, token, null).HqAddress), cancellationToken);
    }

    /// <summary>
    /// The client's file name, kept only as a label: no path, no control or direction-override characters (which make
    /// <c>evil\u202Efdp.exe</c> read as <c>evilexe.pdf</c>), bounded length; <c>report</c> when nothing is left.
    /// </summary>
    internal static string ClientFileName(ContentDispositionHeaderValue disposition) =>
        ClientFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString());

    /// <inheritdoc cref="ClientFileName(ContentDispositionHeaderValue)"/>
    internal static string ClientFileName(string raw)
    {
        var name = raw.Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        name = new string([.. name.Where(c => !char.IsControl(c) && !IsDirectionControl(c))]).Trim();
        if (name.Length > 200)
        {
            name = name[..200];
        }

        return name.Trim('.', ' ').Length == 0 ? "report" : name;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage could not be reached during an upload; it was answered 503 and nothing was stored")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception);

    /// <summary>
    /// The bidirectional embeddings, overrides and isolates, which reorder the text after them; the plain marks (LRM,
    /// RLM), which Arabic and Hebrew names legitimately hold, stay.
    /// </summary>
    private static bool IsDirectionControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload from {Centre} for {Year} refused, {Reason}: {Problem}")]
    private static partial void LogUnfinished(ILogger logger, string centre, int year, string reason, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload from {Centre} for {Year} refused by the per-link limit {Limit}")]
    private static partial void LogLimited(ILogger logger, string centre, int year, LimitKind limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the uncommitted blocks of a refused upload from {Centre} for {Year} ({Bytes} bytes read)")]
    private static partial void LogDiscarded(ILogger logger, string centre, int year, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The uncommitted blocks of a refused upload from {Centre} for {Year} could not be deleted; storage discards them within a week")]
    private static partial void LogDiscardFailed(ILogger logger, Exception exception, string centre, int year);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The byte reservation of an upload from {Centre} for {Year} could not be released; it lapses within an hour")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string centre, int year);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored report from {Centre} for {Year} as {BlobName} ({Bytes} bytes, late: {Late})")]
    private static partial void LogStored(ILogger logger, string centre, int year, string blobName, long bytes, bool late);
}
