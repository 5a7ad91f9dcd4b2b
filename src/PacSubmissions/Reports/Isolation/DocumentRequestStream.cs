namespace PacSubmissions.Reports.Isolation;

/// <summary>
/// The reader process's view of one document on its standard input: the chunks' bytes, ending at the zero-length
/// chunk. <see cref="DrainAsync"/> reads past what the reader left (a file over the size limit is not read to its end),
/// so the next document starts at its own first chunk.
/// </summary>
internal sealed class DocumentRequestStream(Stream pipe, int firstChunk) : Stream
{
    private int left = firstChunk;
    private bool ended = firstChunk == 0;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!ended && left == 0)
        {
            var next = await ReaderProtocol.ReadLengthAsync(pipe, cancellationToken)
                ?? throw new EndOfStreamException("The worker closed the pipe in the middle of a document.");
            if (next < 0)
            {
                throw new InvalidDataException($"A chunk of {next} bytes is no chunk.");
            }

            left = next;
            ended = next == 0;
        }

        if (ended || buffer.Length == 0)
        {
            return 0;
        }

        var read = await pipe.ReadAsync(buffer[..Math.Min(buffer.Length, left)], cancellationToken);
        if (read == 0)
        {
            throw new EndOfStreamException("The worker closed the pipe in the middle of a document.");
        }

        left -= read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[ReaderProtocol.ChunkBytes];
        while (await ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
