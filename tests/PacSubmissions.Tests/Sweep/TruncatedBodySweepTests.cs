using System.Text;
using static PacSubmissions.Tests.Sweep.SweepRequests;

namespace PacSubmissions.Tests.Sweep;

/// <summary>
/// Bodies that stop halfway, sent on a raw socket (HttpClient will not send a body shorter than its length): no report
/// is committed and the host keeps serving.
/// </summary>
[Trait("Category", "Slow")]
public sealed class TruncatedBodySweepTests(SweepSite sweep) : IClassFixture<SweepSite>
{
    /// <param name="stopSending">True: the client only stops sending and waits for an answer; false: it closes the socket.</param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyShorterThanItsLengthStoresNothingAndGetsNoAnswer(bool stopSending)
    {
        var (head, body) = Cut(declared: 1024 * 1024, sent: 300 * 1024);

        using var connection = await RawHttp.ConnectAsync(sweep.Site.Server.BaseAddress);
        await connection.SendAsync(head, body);
        if (stopSending)
        {
            // Kestrel takes a half-closed connection as the client gone: it aborts it, so not even the 400 the upload
            // gives a cut-off body can arrive.
            Assert.Equal(0, (await connection.StopSendingAsync()).StatusCode);
        }
        else
        {
            connection.Abort();
        }

        await sweep.AssertStillServesAsync();
        await sweep.AssertOnlyGoodReportsStoredAsync();
    }

    [Fact]
    public async Task ChunkedBodyWithoutItsLastChunkStoresNothingAndGetsNoAnswer()
    {
        var site = sweep.Site;
        var multipart = Multipart(Boundary, true, FilePart("report.pdf", Pdf));
        var chunk = multipart[..(multipart.Length / 2)];
        var head = $"POST {new Uri(site.Url).PathAndQuery} HTTP/1.1\nHost: {site.Server.BaseAddress.Authority}\nAccept: application/json\n" +
            $"Content-Type: multipart/form-data; boundary={Boundary}\nTransfer-Encoding: chunked\n";
        var body = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n").Concat(chunk).Concat("\r\n"u8.ToArray()).ToArray();

        using var connection = await RawHttp.ConnectAsync(site.Server.BaseAddress);
        await connection.SendAsync(head, body);

        Assert.Equal(0, (await connection.StopSendingAsync()).StatusCode);
        await sweep.AssertStillServesAsync();
        await sweep.AssertOnlyGoodReportsStoredAsync();
    }

    /// <summary>
    /// A body cut off after its first 4 MB block went to storage: once the client is gone, that staged block is deleted
    /// too (it would otherwise wait a week for storage to discard it), and no report blob or history is left.
    /// </summary>
    [Fact]
    public async Task BodyCutOffAfterAStagedBlockLeavesNoStagedBlockOnceTheClientIsGone()
    {
        var (head, body) = Cut(declared: 10 * 1024 * 1024, sent: 6 * 1024 * 1024);
        using var connection = await RawHttp.ConnectAsync(sweep.Site.Server.BaseAddress);
        await connection.SendAsync(head, body);

        // The first block is staged while the upload waits for the rest; then the client is gone.
        var staged = await Infrastructure.Eventually.Until(() => StoredState.ReadAsync(sweep.Site), s => s.UncommittedReports.Count > 0);
        Assert.Single(staged.UncommittedReports);
        connection.Abort();

        var after = await Infrastructure.Eventually.Until(() => StoredState.ReadAsync(sweep.Site), s => s.UncommittedReports.Count == 0);
        Assert.Empty(after.UncommittedReports);
        await sweep.AssertStillServesAsync();
        await sweep.AssertOnlyGoodReportsStoredAsync();
    }

    /// <summary>A multipart upload of a PDF-looking file declaring <paramref name="declared"/> bytes of body, of which only <paramref name="sent"/> are sent.</summary>
    private (string Head, byte[] Body) Cut(int declared, int sent)
    {
        var site = sweep.Site;
        var file = new byte[declared];
        "%PDF-1.7\n"u8.CopyTo(file);
        var multipart = Multipart(Boundary, true, FilePart("report.pdf", file));
        var head = $"POST {new Uri(site.Url).PathAndQuery} HTTP/1.1\nHost: {site.Server.BaseAddress.Authority}\nAccept: application/json\n" +
            $"Content-Type: multipart/form-data; boundary={Boundary}\nContent-Length: {multipart.Length}\n";
        return (head, multipart[..sent]);
    }
}
