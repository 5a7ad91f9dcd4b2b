using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Upload;

/// <summary>
/// A coordinator's link stalls (a phone changing cell, a congested satellite hop): the upload survives a stall of a
/// minute, while a body that only trickles is still cut once the stall tolerance has passed. Real Kestrel, real waits.
/// </summary>
[Trait("Category", "Slow")]
public sealed class UploadStallTests
{
    [Fact]
    public async Task AnUploadWhoseLinkStallsForAMinuteIsStillAcceptedAndRecorded()
    {
        await using var site = await UploadSite.StartAsync();
        var bytes = UploadSite.Sample("brazil-2021.pdf");
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(3) };
        using var body = new StallingStream(bytes, stallAfter: 8 * 1024, stall: TimeSpan.FromSeconds(65));

        using var response = await client.PostAsync(site.Url, Form(body, "report.pdf"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var uploads = await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, site.Centre.Id, CancellationToken.None);
        Assert.Equal(bytes.Length, Assert.Single(uploads).Bytes);
    }

    [Fact]
    public async Task ABodyThatOnlyTricklesIsCutAfterTheStallToleranceAndNothingIsStored()
    {
        await using var site = await UploadSite.StartAsync(settings: new() { ["Upload:StallTolerance"] = "00:00:08" });
        var url = new Uri(site.Url);
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(url.Host, url.Port);
        var stream = socket.GetStream();
        const string boundary = "trickle";
        var head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"{ReportUploadHandler.FileField}\"; filename=\"report.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n";
        var file = UploadSite.Sample("brazil-2021.pdf");
        var length = Encoding.ASCII.GetByteCount(head) + file.Length + $"\r\n--{boundary}--\r\n".Length;
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nAccept: application/json\r\n"
            + $"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {length}\r\n\r\n{head}"));

        // 16 bytes a second, far under the 240 B/s minimum, for at most ten minutes: only the server can end it sooner.
        var sent = 0;
        Exception? cut = null;
        var answer = new byte[4096];
        var reading = stream.ReadAsync(answer).AsTask();
        while (sent < file.Length && !reading.IsCompleted && cut is null)
        {
            try
            {
                await stream.WriteAsync(file.AsMemory(sent, Math.Min(16, file.Length - sent)));
                sent += 16;
                await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(1)));
            }
            catch (IOException exception)
            {
                cut = exception;
            }
        }

        Assert.True(sent < file.Length, "the server let the trickle send the whole file");
        var answered = reading.IsCompleted ? Encoding.ASCII.GetString(answer, 0, await reading) : "";
        Assert.True(cut is not null || answered.Length == 0 || !answered.StartsWith("HTTP/1.1 202", StringComparison.Ordinal), answered);
        Assert.Empty(await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, site.Centre.Id, CancellationToken.None));
    }

    private static MultipartFormDataContent Form(Stream body, string fileName)
    {
        var part = new StreamContent(body);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { part, ReportUploadHandler.FileField, fileName } };
    }

    /// <summary>A file read as a stalling link delivers it: once <c>stallAfter</c> bytes are out, it waits <c>stall</c> before the rest.</summary>
    private sealed class StallingStream(byte[] content, int stallAfter, TimeSpan stall) : Stream
    {
        private bool _stalled;

        private int Sent { get; set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => content.Length;
        public override long Position { get => Sent; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Sent >= content.Length)
            {
                return 0;
            }

            var count = Math.Min(buffer.Length, content.Length - Sent);
            if (!_stalled && Sent >= stallAfter)
            {
                _stalled = true;
                await Task.Delay(stall, cancellationToken);
            }
            else if (!_stalled)
            {
                count = Math.Min(count, stallAfter - Sent);
            }

            content.AsMemory(Sent, count).CopyTo(buffer);
            Sent += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
