using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace PacSubmissions.Upload;

/// <summary>
/// Streams a body into a block blob a block at a time, hashing and counting as it goes. Nothing is visible until
/// <see cref="CommitAsync"/>, which writes the block list and the metadata in one step: the blob trigger never sees
/// a half-written report or one without its metadata, and a refused or cut-off upload's
/// uncommitted blocks are deleted (<see cref="DiscardAsync"/>); only a host killed mid-upload leaves some, which storage
/// discards itself after a week.
/// </summary>
internal sealed class BlockUpload(BlockBlobClient blob, long maxBytes) : IDisposable
{
    public const int BlockSize = 4 * 1024 * 1024;

    /// <summary>Blocks sent to storage at once: enough to keep the link busy, few enough to bound memory.</summary>
    private const int MaxBlocksInFlight = 4;

    private readonly List<string> _blockIds = [];
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>The body's last <see cref="FileEnds.TailBytes"/> so far, whose end <see cref="IsWhole"/> checks.</summary>
    private readonly byte[] _tail = new byte[FileEnds.TailBytes];
    private int _tailLength;

    public long Bytes { get; private set; }

    /// <summary>The id of the block at <paramref name="index"/>: all of one length, as a block blob requires, and in file order.</summary>
    public static string BlockId(int index) => Convert.ToBase64String(Encoding.ASCII.GetBytes($"block-{index:D6}"));

    /// <summary>The index <see cref="BlockId"/> made <paramref name="blockId"/> from; null for an id it did not make.</summary>
    public static int? BlockIndex(string blockId)
    {
        Span<byte> decoded = stackalloc byte[16];
        return Convert.TryFromBase64String(blockId, decoded, out var written) && written == 12
            && Encoding.ASCII.GetString(decoded[..written]) is var text && text.StartsWith("block-", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
    }

    public string Sha256 => Convert.ToHexStringLower(_sha256.GetCurrentHash());

    /// <summary>The format <see cref="ReportFormat"/> found in the first block; null until then, or when none.</summary>
    public string? Format { get; private set; }

    /// <summary>
    /// The body staged so far ends as its format must (<see cref="FileEnds"/>): a PDF's trailer, a ZIP's central
    /// directory. Checked before committing, so a file cut short is refused and nothing is stored.
    /// </summary>
    public bool IsWhole => FileEnds.IsWhole(Format, _tail.AsSpan(0, _tailLength), Bytes);

    /// <summary>
    /// Copies the stream into staged blocks, as <see cref="StageAsync(Stream, CancellationToken)"/> does, and stops at the
    /// first block when <paramref name="fileName"/>'s extension is not that of the format found (<see cref="StageOutcome.NameNotFormat"/>).
    /// </summary>
    public Task<StageOutcome> StageAsync(Stream body, string fileName, CancellationToken cancellationToken)
    {
        _fileName = fileName;
        return StageAsync(body, cancellationToken);
    }

    private string? _fileName;

    /// <summary>
    /// Copies the stream into staged blocks. Reading stops, and nothing more is staged, as soon as the body passes the
    /// limit or its first block is not an accepted format. Up to <see cref="MaxBlocksInFlight"/> blocks are sent to
    /// storage while the next one is read, so memory stays bounded (a few blocks) whatever the file's size.
    /// </summary>
    public async Task<StageOutcome> StageAsync(Stream body, CancellationToken cancellationToken)
    {
        var inFlight = new Queue<(Task Staging, byte[] Buffer)>();
        try
        {
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
                var filled = await FillAsync(body, buffer, cancellationToken);
                var outcome = Take(buffer, filled);
                if (outcome is not null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    if (outcome == StageOutcome.Staged)
                    {
                        await DrainAsync(inFlight);
                    }

                    return outcome.Value;
                }

                var blockId = BlockId(_blockIds.Count);
                _blockIds.Add(blockId);
                inFlight.Enqueue((StageBlockAsync(blockId, buffer, filled, cancellationToken), buffer));
                if (inFlight.Count >= MaxBlocksInFlight)
                {
                    var (staging, done) = inFlight.Dequeue();
                    await staging;
                    ArrayPool<byte>.Shared.Return(done);
                }

                if (filled < BlockSize)
                {
                    await DrainAsync(inFlight);
                    return StageOutcome.Staged;
                }
            }
        }
        finally
        {
            // On refusal or failure: let the blocks already sent finish before their buffers go back to the pool.
            foreach (var (staging, buffer) in inFlight)
            {
                await staging.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Counts, checks and hashes a block just read; an outcome when staging ends here, null to stage it.</summary>
    private StageOutcome? Take(byte[] buffer, int filled)
    {
        if (filled == 0)
        {
            return _blockIds.Count == 0 ? StageOutcome.Empty : StageOutcome.Staged;
        }

        Bytes += filled;
        if (Bytes > maxBytes)
        {
            return StageOutcome.TooLarge;
        }

        if (_blockIds.Count == 0)
        {
            Format = ReportFormat.Detect(buffer.AsSpan(0, filled));
            if (Format is null)
            {
                return StageOutcome.NotAReport;
            }

            if (_fileName is not null && !ReportFormat.NameFits(_fileName, Format))
            {
                return StageOutcome.NameNotFormat;
            }
        }

        _sha256.AppendData(buffer, 0, filled);
        KeepTail(buffer.AsSpan(0, filled));
        return null;
    }

    private void KeepTail(ReadOnlySpan<byte> block)
    {
        if (block.Length >= _tail.Length)
        {
            block[^_tail.Length..].CopyTo(_tail);
            _tailLength = _tail.Length;
            return;
        }

        var kept = Math.Min(_tailLength, _tail.Length - block.Length);
        _tail.AsSpan(_tailLength - kept, kept).CopyTo(_tail);
        block.CopyTo(_tail.AsSpan(kept));
        _tailLength = kept + block.Length;
    }

    private async Task StageBlockAsync(string blockId, byte[] buffer, int filled, CancellationToken cancellationToken)
    {
        using var block = new MemoryStream(buffer, 0, filled, writable: false);
        await blob.StageBlockAsync(blockId, block, cancellationToken: cancellationToken);
    }

    private static async Task DrainAsync(Queue<(Task Staging, byte[] Buffer)> inFlight)
    {
        while (inFlight.Count > 0)
        {
            var (staging, buffer) = inFlight.Peek();
            await staging;
            inFlight.Dequeue();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task CommitAsync(IDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        await blob.CommitBlockListAsync(_blockIds, new CommitBlockListOptions
        {
            Metadata = metadata,
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
        }, cancellationToken);
        _committed = true;
    }

    private bool _committed;

    /// <summary>
    /// Deletes the blocks staged for a body that was refused or cut off, so a refused upload leaves nothing in storage
    /// (storage would keep them for a week otherwise). The blob was never committed, so deleting it removes only its
    /// uncommitted blocks. True when there were blocks to delete.
    /// </summary>
    public async Task<bool> DiscardAsync()
    {
        if (_committed || _blockIds.Count == 0)
        {
            return false;
        }

        // Not the request's token: a client that went away is exactly the case whose blocks must go.
        await blob.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        return true;
    }

    private static async Task<int> FillAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < BlockSize)
        {
            var read = await body.ReadAsync(buffer.AsMemory(filled, BlockSize - filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    public void Dispose() => _sha256.Dispose();
}

internal enum StageOutcome
{
    Staged,
    Empty,
    TooLarge,
    NotAReport,

    /// <summary>The file name's extension is not the found format's (<c>report.pdf.cmd</c>, <c>invoice.html</c> holding a PDF).</summary>
    NameNotFormat,
}
