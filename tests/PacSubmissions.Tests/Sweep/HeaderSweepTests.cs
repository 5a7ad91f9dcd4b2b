using static PacSubmissions.Tests.Sweep.SweepRequests;

namespace PacSubmissions.Tests.Sweep;

/// <summary>
/// Oversized request heads on the upload route: Kestrel refuses them before the app sees them (431 for the header
/// limits, 32 KB in all and 100 headers; 414 for a request line over 8 KB), and the upload goes on serving.
/// </summary>
[Trait("Category", "Slow")]
public sealed class HeaderSweepTests(SweepSite sweep) : IClassFixture<SweepSite>
{
    public static TheoryData<string, int> Cases => new()
    {
        { "100 KB header value", 431 },
        { "500 headers", 431 },
        { "20 KB URL", 414 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OversizedRequestHeadIsRefusedByTheServer(string kind, int status)
    {
        var site = sweep.Site;
        var url = kind == "20 KB URL" ? $"{site.Url}?padding={new string('p', 20 * 1024)}" : site.Url;
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = Body($"multipart/form-data; boundary={Boundary}", Multipart(Boundary, true, FilePart("report.pdf", Pdf))),
        };
        switch (kind)
        {
            case "100 KB header value":
                request.Headers.Add("X-Padding", new string('h', 100 * 1024));
                break;
            case "500 headers":
                for (var i = 0; i < 500; i++)
                {
                    request.Headers.Add($"X-Header-{i}", "value");
                }

                break;
        }

        using var response = await site.Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        await sweep.AssertStillServesAsync();
        await sweep.AssertOnlyGoodReportsStoredAsync();
    }
}
