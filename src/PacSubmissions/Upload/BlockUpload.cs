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
    private const int BlockSize = 4 * 1024 * 1024;

    private readonly List<string> _blockIds = [];
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Bytes { get; private set; }

    public string Sha256 => Convert.ToHexStringLower(_sha256.GetCurrentHash());

    /// <summary>The format <see cref="ReportFormat"/> found in the first block; null until then, or when none.</summary>
    public string? Format { get; private set; }

    /// <summary>
    /// Copies the stream into staged blocks. Reading stops, and nothing more is staged, as soon as the body passes the
    /// limit or its first block is not an accepted format.
    /// </summary>
    public async Task<StageOutcome> StageAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            while (true)
            {
                var filled = await FillAsync(body, buffer, cancellationToken);
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
                var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes($"block-{_blockIds.Count:D6}"));
                using var block = new MemoryStream(buffer, 0, filled, writable: false);
                await blob.StageBlockAsync(blockId, block, cancellationToken: cancellationToken);
                _blockIds.Add(blockId);
                if (filled < BlockSize)
                {
                    return StageOutcome.Staged;
                }
            }
        }
        finally
        {
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
