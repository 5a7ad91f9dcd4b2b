using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PacSubmissions.Campaigns;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Telemetry;
using PacSubmissions.Upload.Page;

namespace PacSubmissions.Upload;

/// <summary>
/// The page script's upload: the file arrives in blocks (<see cref="BlockUpload.BlockSize"/> each, one short request
/// per block, each retried on its own), staged on an uncommitted blob of <see cref="PacStorage.Incoming"/>, which the
/// blob trigger does not watch. A dropped connection or a reload loses only the block in flight: the script asks which
/// blocks arrived and sends the rest. The commit assembles them there and feeds the file through
/// <see cref="ReportUploadHandler.StoreVersionAsync"/>, so the stored report passes every check a POST's does.
/// </summary>
public sealed partial class ResumableUploadHandler(
    UploadAccess access,
    UploadResponses responses,
    ReportUploadHandler uploads,
    PacStorage storage,
    UploadLimits limits,
    IOptions<UploadOptions> options,
    TimeProvider clock,
    ILogger<ResumableUploadHandler> logger)
{
    /// <summary>The report blob's metadata entry naming the resumable upload it came from: a repeated commit finds it.</summary>
    public const string UploadIdMetadata = "uploadid";

    /// <summary>A commit request is a file name and a size: anything longer is not one.</summary>
    private const int MaxCommitRequestBytes = 4096;

    /// <summary>Stages one block: the link, the window, the size limit and (for the first block) the format are checked first.</summary>
    public Task<IActionResult> StageAsync(HttpRequest request, string token, string uploadId, string index, CancellationToken cancellationToken) =>
        GuardAsync(request, async () =>
        {
            var (opened, refusal) = await OpenAsync(request, token, uploadId, cancellationToken);
            if (opened is null)
            {
                return refusal!;
            }

            var (upload, incoming) = opened;
            if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var blockIndex) || index.Length > 6)
            {
                return await NotRecognisedAsync(request, upload, token, cancellationToken);
            }

            var maxBytes = options.Value.MaxBytes;
            var offset = (long)blockIndex * BlockUpload.BlockSize;
            if (offset >= maxBytes)
            {
                return await uploads.TooLargeAsync(request, upload, token, cancellationToken);
            }

            if (request.ContentLength > BlockUpload.BlockSize)
            {
                return await PartTooLargeAsync(request, upload, token, cancellationToken);
            }

            // An upload its commit would refuse stages nothing: the limits are asked before the first block is read.
            if (blockIndex == 0 && await limits.CheckAsync(upload, cancellationToken) is { } limited)
            {
                return await uploads.LimitRefusedAsync(request, upload, token, limited, cancellationToken);
            }

            uploads.TolerateStalls(request);
            var buffer = ArrayPool<byte>.Shared.Rent(BlockUpload.BlockSize + 1);
            try
            {
                int filled;
                try
                {
                    filled = await request.Body.ReadAtLeastAsync(buffer.AsMemory(0, BlockUpload.BlockSize + 1), BlockUpload.BlockSize + 1,
                        throwOnEndOfStream: false, cancellationToken);
                }
                catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status408RequestTimeout)
                {
                    return await uploads.UnfinishedAsync(request, upload, token, "Upload too slow", exception, cancellationToken);
                }
                catch (IOException exception)
                {
                    return await uploads.UnfinishedAsync(request, upload, token, "Upload incomplete", exception, cancellationToken);
                }

                if (filled > BlockUpload.BlockSize)
                {
                    return await PartTooLargeAsync(request, upload, token, cancellationToken);
                }

                if (filled == 0)
                {
                    return await uploads.EmptyAsync(request, upload, token, cancellationToken);
                }

                if (offset + filled > maxBytes)
                {
                    return await uploads.TooLargeAsync(request, upload, token, cancellationToken);
                }

                if (blockIndex == 0 && ReportFormat.Detect(buffer.AsSpan(0, filled)) is null)
                {
                    return await uploads.NotAReportAsync(request, upload, token, cancellationToken);
                }

                using var block = new MemoryStream(buffer, 0, filled, writable: false);
                await incoming.StageBlockAsync(BlockUpload.BlockId(blockIndex), block, cancellationToken: cancellationToken);
                return new OkObjectResult(new StagedBlock(blockIndex, filled));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }, cancellationToken);

    /// <summary>The blocks staged so far, for the script to send only the rest.</summary>
    public Task<IActionResult> ListAsync(HttpRequest request, string token, string uploadId, CancellationToken cancellationToken) =>
        GuardAsync(request, async () =>
        {
            var (opened, refusal) = await OpenAsync(request, token, uploadId, cancellationToken);
            if (opened is null)
            {
                return refusal!;
            }

            // After a commit that assembled the file but could not store it, its blocks are the committed ones.
            var (staged, committed) = await BlocksAsync(opened.Incoming, cancellationToken);
            return new OkObjectResult(new StagedBlocks(BlockUpload.BlockSize, [.. (staged.Count > 0 ? staged : committed).OrderBy(b => b.Index)]));
        }, cancellationToken);

    /// <summary>
    /// Assembles the staged blocks into the file the request names (its name and size) and stores it as a new version.
    /// A repeated commit of an upload already stored (its answer was lost on the way) gets the same answer again.
    /// </summary>
    public Task<IActionResult> CommitAsync(HttpRequest request, string token, string uploadId, CancellationToken cancellationToken) =>
        GuardAsync(request, async () =>
        {
            var (opened, refusal) = await OpenAsync(request, token, uploadId, cancellationToken);
            if (opened is null)
            {
                return refusal!;
            }

            var (upload, incoming) = opened;
            var receivedAt = clock.GetUtcNow();
            if (await ReadCommitAsync(request, cancellationToken) is not { FileName: { } rawName, Size: var size })
            {
                return await NotRecognisedAsync(request, upload, token, cancellationToken);
            }

            if (size <= 0)
            {
                await incoming.DeleteIfExistsAsync(cancellationToken: cancellationToken);
                return await uploads.EmptyAsync(request, upload, token, cancellationToken);
            }

            if (size > options.Value.MaxBytes)
            {
                await incoming.DeleteIfExistsAsync(cancellationToken: cancellationToken);
                return await uploads.TooLargeAsync(request, upload, token, cancellationToken);
            }

            // Already stored (the answer was lost, or the connection dropped before the incoming blob was deleted): the same answer again.
            if (await StoredEarlierAsync(upload, uploadId, cancellationToken) is { } earlier)
            {
                await incoming.DeleteIfExistsAsync(cancellationToken: cancellationToken);
                return await uploads.AcceptedAsync(request, upload, token, earlier, cancellationToken);
            }

            return await AssembleAsync(request, upload, token, uploadId, incoming, rawName, size, receivedAt, cancellationToken);
        }, cancellationToken);

    /// <summary>Commits the staged blocks in the incoming container and stores the file they make as a new version.</summary>
    private async Task<IActionResult> AssembleAsync(HttpRequest request, UploadContext upload, string token, string uploadId, BlockBlobClient incoming,
        string rawName, long size, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var count = (int)((size + BlockUpload.BlockSize - 1) / BlockUpload.BlockSize);
        var (staged, committed) = await BlocksAsync(incoming, cancellationToken);

        // A commit that stopped after assembling (storage went away) left the file committed here: it is used as it is.
        var blocks = Fits(committed, size, count) ? committed : staged;
        var missing = Enumerable.Range(0, count).FirstOrDefault(i => !blocks.Any(b => b.Index == i), -1);
        if (missing >= 0)
        {
            return await responses.RefusedAsync(request, upload, token, StatusCodes.Status400BadRequest, "Part missing",
                t => UploadPage.Format(t.ErrorPartMissing, missing + 1, count), cancellationToken);
        }

        if (!Fits(blocks, size, count))
        {
            return await responses.RefusedAsync(request, upload, token, StatusCodes.Status400BadRequest, "Parts do not match",
                t => t.ErrorPartsDoNotMatch, cancellationToken);
        }

        // A whole file: this commit is the upload that counts against the hour (a commit answered "part missing" was
        // not), and its size is reserved until it is stored or refused.
        var allowance = await limits.TakeAsync(upload, uploadId, size, cancellationToken);
        if (allowance.Refusal is { } limited)
        {
            // Refused for good (after the wait the file is sent again): its blocks go now, not in a week.
            await incoming.DeleteIfExistsAsync(cancellationToken: cancellationToken);
            return await uploads.LimitRefusedAsync(request, upload, token, limited, cancellationToken);
        }

        IActionResult answer;
        try
        {
            if (blocks == staged)
            {
                await incoming.CommitBlockListAsync(Enumerable.Range(0, count).Select(BlockUpload.BlockId), cancellationToken: cancellationToken);
            }

            await using var file = await incoming.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = BlockUpload.BlockSize },
                cancellationToken);
            answer = await uploads.StoreVersionAsync(request, upload, token, receivedAt, ReportUploadHandler.ClientFileName(rawName), file,
                new Dictionary<string, string> { [UploadIdMetadata] = uploadId }, cancellationToken);
        }
        finally
        {
            await uploads.ReleaseAsync(upload, uploadId);
        }

        // Stored, or refused for good (not a report): the assembled file has served either way.
        await incoming.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        LogAssembled(logger, uploadId, upload.Centre.Id, upload.Campaign.Year, count, size, (answer as IStatusCodeActionResult)?.StatusCode);
        return answer;
    }

    /// <summary>
    /// The link's upload and its incoming blob (<c>year/centre/uploadId</c>: one centre never reaches another's blocks),
    /// or the refusal: an invalid link, a window not open or closed, an upload id of the wrong shape, as a POST's.
    /// </summary>
    private async Task<(Opened? Opened, IActionResult? Refusal)> OpenAsync(HttpRequest request, string token, string uploadId,
        CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var upload = await access.ResolveAsync(token, cancellationToken);
        if (upload is null)
        {
            return (null, await responses.LinkInvalidAsync(request, token, cancellationToken));
        }

        var window = upload.WindowAt(clock.GetUtcNow());
        if (window is UploadWindow.NotYetOpen or UploadWindow.Closed)
        {
            return (null, await uploads.WindowClosedAsync(request, upload, token, window, cancellationToken));
        }

        return IsValidUploadId(uploadId)
            ? (new Opened(upload, storage.Incoming.GetBlockBlobClient(SubmissionBlob.NameFor(upload.Campaign.Year, upload.Centre.Id, uploadId))), null)
            : (null, await NotRecognisedAsync(request, upload, token, cancellationToken));
    }

    private sealed record Opened(UploadContext Upload, BlockBlobClient Incoming);

    /// <summary>The script's ids are 16 to 64 letters, digits, '-' or '_': safe as a blob name's last segment, and unguessable.</summary>
    internal static bool IsValidUploadId(string? uploadId) =>
        uploadId is { Length: >= 16 and <= 64 } && uploadId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static async Task<(List<StagedBlock> Staged, List<StagedBlock> Committed)> BlocksAsync(BlockBlobClient incoming, CancellationToken cancellationToken)
    {
        try
        {
            var list = (await incoming.GetBlockListAsync(BlockListTypes.All, cancellationToken: cancellationToken)).Value;
            return (Known(list.UncommittedBlocks), Known(list.CommittedBlocks));
        }
        catch (RequestFailedException exception) when (exception.Status == StatusCodes.Status404NotFound)
        {
            return ([], []);
        }

        static List<StagedBlock> Known(IEnumerable<BlobBlock> blocks) =>
            [.. blocks.Select(b => BlockUpload.BlockIndex(b.Name) is { } index ? new StagedBlock(index, b.SizeLong) : null).OfType<StagedBlock>()];
    }

    /// <summary>True when <paramref name="blocks"/> are exactly the <paramref name="count"/> blocks of a file of <paramref name="size"/> bytes.</summary>
    private static bool Fits(List<StagedBlock> blocks, long size, int count) =>
        blocks.Count >= count && Enumerable.Range(0, count).All(i =>
            blocks.Any(b => b.Index == i && b.Bytes == (i < count - 1 ? BlockUpload.BlockSize : size - (long)(count - 1) * BlockUpload.BlockSize)));

    /// <summary>The version an earlier commit of this upload stored, found by the upload id on its metadata.</summary>
    private async Task<SubmissionBlob?> StoredEarlierAsync(UploadContext upload, string uploadId, CancellationToken cancellationToken)
    {
        var prefix = SubmissionBlob.CentrePrefix(upload.Campaign.Year, upload.Centre.Id);
        await foreach (var blob in storage.Reports.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken))
        {
            if (blob.Metadata.TryGetValue(UploadIdMetadata, out var id) && id == uploadId)
            {
                return SubmissionBlob.FromMetadata(blob.Metadata);
            }
        }

        return null;
    }

    private static async Task<CommitRequest?> ReadCommitAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxCommitRequestBytes)
        {
            return null;
        }

        var buffer = new byte[MaxCommitRequestBytes + 1];
        try
        {
            var read = await request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return read > MaxCommitRequestBytes ? null : JsonSerializer.Deserialize<CommitRequest>(buffer.AsSpan(0, read), JsonSerializerOptions.Web);
        }
        catch (Exception exception) when (exception is JsonException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }

    private Task<IActionResult> NotRecognisedAsync(HttpRequest request, UploadContext upload, string token, CancellationToken cancellationToken) =>
        responses.RefusedAsync(request, upload, token, StatusCodes.Status400BadRequest, "Upload not recognised", t => t.ErrorUploadNotRecognised,
            cancellationToken);

    private Task<IActionResult> PartTooLargeAsync(HttpRequest request, UploadContext upload, string token, CancellationToken cancellationToken) =>
        responses.RefusedAsync(request, upload, token, StatusCodes.Status413PayloadTooLarge, "Part too large",
            t => UploadPage.Format(t.ErrorPartTooLarge, BlockUpload.BlockSize / (1024 * 1024)), cancellationToken);

    /// <summary>Storage out of reach answers 503 with Retry-After, as the POST does: the script waits and sends the block again.</summary>
    private async Task<IActionResult> GuardAsync(HttpRequest request, Func<Task<IActionResult>> handle, CancellationToken cancellationToken)
    {
        using var span = PacTelemetry.Source.StartActivity("Resumable upload");
        try
        {
            return await handle();
        }
        catch (Exception exception) when (StorageFailures.IsUnavailable(exception, cancellationToken))
        {
            LogStorageUnavailable(logger, exception);
            PacTelemetry.RecordFailure(span, exception);
            return await uploads.StorageUnavailableAsync(request, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage could not be reached during a resumable upload's request; it was answered 503")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumable upload {UploadId} from {Centre} for {Year} assembled from {Blocks} blocks ({Bytes} bytes) and answered {Status}")]
    private static partial void LogAssembled(ILogger logger, string uploadId, string centre, int year, int blocks, long bytes, int? status);
}

/// <summary>One block staged on a resumable upload: its index in the file and its size.</summary>
public sealed record StagedBlock(int Index, long Bytes);

/// <summary>The blocks a resumable upload has so far, in file order, and the size every block but the last has.</summary>
public sealed record StagedBlocks(int BlockSize, IReadOnlyList<StagedBlock> Blocks);

/// <summary>What the script commits: the file's name (a label, as a POST's) and its size, which decides the blocks it must have.</summary>
public sealed record CommitRequest(string? FileName, long Size);
