using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace PacSubmissions.Upload;

/// <summary>
/// Streams a body into a block blob a block at a time, hashing and counting as it goes. Nothing is visible until
/// <see cref="CommitAsync"/>, which writes the block list and the metadata in one step: the blob trigger never sees
/// a half-written report or one without its metadata, and an abandoned upload leaves only uncommitted blocks,
/// which storage discards by itself.
/// </summary>
internal sealed class BlockUpload(BlockBlobClient blob, long maxBytes) : IDisposable
{
    public const int BlockSize = 4 * 1024 * 1024;

    /// <summary>Blocks sent to storage at once: enough to keep the link busy, few enough to bound memory.</summary>
    private const int MaxBlocksInFlight = 4;

    private readonly List<string> _blockIds = [];
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

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
        }

        _sha256.AppendData(buffer, 0, filled);
        return null;
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

    public Task CommitAsync(IDictionary<string, string> metadata, CancellationToken cancellationToken) =>
        blob.CommitBlockListAsync(_blockIds, new CommitBlockListOptions
        {
            Metadata = metadata,
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
        }, cancellationToken);

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
}
