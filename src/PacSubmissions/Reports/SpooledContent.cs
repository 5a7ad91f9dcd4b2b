using System.Buffers;
using System.Security.Cryptography;

namespace PacSubmissions.Reports;

/// <summary>
/// A private, seekable copy of a report's bytes with their SHA-256. Blob streams cannot seek and the readers need to,
/// so small files stay in memory and larger ones spill to a temp file that is deleted on dispose.
/// The size limit is enforced while copying, so an oversized stream is never read to its end.
/// </summary>
internal sealed class SpooledContent : IAsyncDisposable
{
    private const int InMemoryLimit = 4 * 1024 * 1024;

    private SpooledContent(Stream stream, long bytes, string sha256, bool tooLarge)
    {
        Stream = stream;
        Bytes = bytes;
        Sha256 = sha256;
        TooLarge = tooLarge;
    }

    public Stream Stream { get; }

    /// <summary>Bytes read; for an oversized file, how far the copy got before stopping (more than the limit).</summary>
    public long Bytes { get; }

    /// <summary>Lower-case hex SHA-256 of the whole file; empty when the file was too large to read to its end.</summary>
    public string Sha256 { get; }

    public bool TooLarge { get; }

    public static async Task<SpooledContent> CopyAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes)
        {
            return new SpooledContent(Stream.Null, content.Length - content.Position, "", tooLarge: true);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Stream target = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    await target.DisposeAsync();
                    return new SpooledContent(Stream.Null, total, "", tooLarge: true);
                }

                hash.AppendData(buffer, 0, read);
                if (target is MemoryStream memory && memory.Length + read > InMemoryLimit)
                {
                    target = await SpillToFileAsync(memory, cancellationToken);
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            target.Position = 0;
            return new SpooledContent(target, total, Convert.ToHexStringLower(hash.GetHashAndReset()), tooLarge: false);
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<Stream> SpillToFileAsync(MemoryStream memory, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        memory.Position = 0;
        await memory.CopyToAsync(file, cancellationToken);
        await memory.DisposeAsync();
        return file;
    }

    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}
