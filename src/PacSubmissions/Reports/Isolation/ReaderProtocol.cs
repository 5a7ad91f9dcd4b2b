using System.Buffers.Binary;
using System.Text.Json;

namespace PacSubmissions.Reports.Isolation;

/// <summary>
/// What the worker and its reader process say over the child's standard input and output. A document goes down as
/// chunks, each a 4-byte little-endian length and its bytes, ended by a zero length (so the sender needs no length up
/// front and a blob can stream straight through), after one chunk naming the form version to read it against; the answer comes back as one length-prefixed UTF-8 JSON
/// <see cref="ReportReading"/>. The reading is serialized whole and generically, so fields added to it pass through.
/// </summary>
internal static class ReaderProtocol
{
    public const int ChunkBytes = 64 * 1024;

    /// <summary>Names the environment variable that carries the worker's <see cref="ReportReaderOptions"/> to the child.</summary>
    public const string OptionsVariable = "PAC_READER_OPTIONS";

    /// <summary>An answer larger than this is not a reading of a report (the largest hold a few MB of text).</summary>
    private const int MaxAnswerBytes = 256 * 1024 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static async ValueTask WriteChunkAsync(Stream pipe, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, chunk.Length);
        await pipe.WriteAsync(header, cancellationToken);
        if (chunk.Length > 0)
        {
            await pipe.WriteAsync(chunk, cancellationToken);
        }
    }

    public static async ValueTask WriteAnswerAsync(Stream pipe, ReportReading reading, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(reading, Json);
        await WriteChunkAsync(pipe, json, cancellationToken);
        await pipe.FlushAsync(cancellationToken);
    }

    /// <summary>The child's answer, or null when its output ended first (it died).</summary>
    public static async Task<ReportReading?> ReadAnswerAsync(Stream pipe, CancellationToken cancellationToken)
    {
        if (await ReadLengthAsync(pipe, cancellationToken) is not { } length)
        {
            return null;
        }

        if (length is <= 0 or > MaxAnswerBytes)
        {
            throw new InvalidDataException($"The reader process sent an answer of {length} bytes, which is no reading.");
        }

        var json = new byte[length];
        var read = await pipe.ReadAtLeastAsync(json, length, throwOnEndOfStream: false, cancellationToken);
        return read < length ? null : JsonSerializer.Deserialize<ReportReading>(json, Json);
    }

    /// <summary>The form version that heads each document (one chunk of UTF-8), or null at the end of the pipe.</summary>
    public static async Task<string?> ReadFormVersionAsync(Stream pipe, CancellationToken cancellationToken)
    {
        if (await ReadLengthAsync(pipe, cancellationToken) is not { } length)
        {
            return null;
        }

        if (length is <= 0 or > 1024)
        {
            throw new InvalidDataException($"A form version of {length} bytes is no form version.");
        }

        var version = new byte[length];
        await pipe.ReadExactlyAsync(version, cancellationToken);
        return System.Text.Encoding.UTF8.GetString(version);
    }

    /// <summary>A chunk's length, or null at the end of the pipe.</summary>
    public static async ValueTask<int?> ReadLengthAsync(Stream pipe, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        var read = await pipe.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return read < header.Length ? null : BinaryPrimitives.ReadInt32LittleEndian(header);
    }
}
