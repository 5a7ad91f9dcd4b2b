using System.Net;
using System.Net.Http.Json;
using PacSubmissions.Centres;
using PacSubmissions.Http;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;
using static PacSubmissions.Tests.Sweep.SweepRequests;

namespace PacSubmissions.Tests.Sweep;

/// <summary>
/// Tokens of every wrong shape on every token route: the same 403 with the same body, whether the token is garbage,
/// forged, expired, revoked or for a centre or year that does not exist, so the answer tells nothing.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class TokenSweepTests(SweepSite sweep) : IClassFixture<SweepSite>
{
    private const string SubmissionId = "20300101T000000000Z-0123abcd";

    private const string UploadId = "0123456789abcdef0123456789abcdef";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in new[] { "upload POST", "page GET", "page GET (browser)", "status GET", "template GET", "block PUT", "blocks GET", "commit POST" })
        {
            foreach (var shape in new[]
            {
                "one part", "too many parts", "non-base64url signature", "one character changed", "other year", "expired", "revoked",
                "unknown centre", "inactive centre", "percent-encoded traversal", "unicode", "6 KB token",
                "leading zero in the year", "padded signature", "issued a day ahead",
            })
            {
                data.Add(route, shape);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WrongTokenGetsTheSame403AsAnyOther(string route, string shape)
    {
        using var garbage = await SendAsync(route, "x");
        var token = await TokenAsync(shape);

        using var response = await SendAsync(route, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(WithoutToken(await garbage.Content.ReadAsStringAsync()), WithoutToken(await response.Content.ReadAsStringAsync()));
        Assert.Equal(garbage.Content.Headers.ContentType, response.Content.Headers.ContentType);
        await sweep.AssertStillServesAsync();
        await sweep.AssertOnlyGoodReportsStoredAsync();
    }

    /// <summary>
    /// The dead-link page's fresh-link request, for every shape of token: the same 200 and the same words, whether a
    /// link went out (expired, revoked, other year: ours), was held back by the rate limits, or never could (forged, unknown).
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task AnyTokenGetsTheSameFreshLinkAnswer(string shape)
    {
        using var garbage = await SendAsync("fresh-link POST", "x");
        var token = await TokenAsync(shape);

        using var response = await SendAsync("fresh-link POST", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await garbage.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
        Assert.Equal(garbage.Content.Headers.ContentType, response.Content.Headers.ContentType);
        await sweep.AssertStillServesAsync();
    }

    public static TheoryData<string> Shapes() => [.. Cases().Select(c => (string)c[1]).Distinct(StringComparer.Ordinal)];

    /// <summary>The dead-link page with the token its fresh-link form sends back left out: the one part of it that differs.</summary>
    private static string WithoutToken(string page) => FreshLinkAction().Replace(page, "action=\"/api/upload/TOKEN/fresh-link");

    [System.Text.RegularExpressions.GeneratedRegex("action=\"/api/upload/[^\"]*/fresh-link")]
    private static partial System.Text.RegularExpressions.Regex FreshLinkAction();

    /// <summary>No token segment is no route: the same 404 as any unknown address.</summary>
    [Theory]
    [InlineData("/api/upload/")]
    [InlineData("/api/upload//status/20300101T000000000Z-0123abcd")]
    public async Task EmptyTokenIsNoRoute(string path)
    {
        using var response = await sweep.Site.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>A token making the request line longer than Kestrel's 8 KB is refused by the server before the app.</summary>
    [Fact]
    public async Task TenKilobyteTokenGets414()
    {
        using var response = await SendAsync("page GET", new string('a', 10 * 1024));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    /// <summary>A valid link with a submission id of the wrong shape: 404, and storage is never asked.</summary>
    [Theory]
    [InlineData("..%2F..%2Fother-centre%2F20300101T000000000Z-0123abcd")]
    [InlineData("20300101T000000000Z-0123abcd%20")]
    [InlineData("not-an-id")]
    public async Task StatusOfAMalformedSubmissionIdIs404(string submissionId)
    {
        using var response = await sweep.Site.Client.GetAsync($"{sweep.Site.Url}/status/{submissionId}");

        await AssertProblemAsync(response, 404, "This link has no upload with that id.");
    }

    /// <summary>One centre's link cannot see another centre's upload, even with its real id.</summary>
    [Fact]
    public async Task StatusOfAnotherCentresUploadIs404()
    {
        var site = sweep.Site;
        var other = TestData.Centre("kz-other");
        await site.Server.Get<CentreRegister>().SaveAsync(other, CancellationToken.None);
        using var upload = await site.PostFileAsync(Pdf, "other.pdf", url: site.LinkFor(other.Id));
        var accepted = await upload.Content.ReadFromJsonAsync<UploadAccepted>();
        Assert.NotNull(accepted);
        sweep.Remember(accepted.SubmissionId);

        using var own = await site.Client.GetAsync($"{site.LinkFor(other.Id)}/status/{accepted.SubmissionId}");
        using var response = await site.Client.GetAsync($"{site.Url}/status/{accepted.SubmissionId}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await AssertProblemAsync(response, 404, "This link has no upload with that id.");
    }

    /// <summary>Kestrel refuses an encoded NUL anywhere in the path with 400 before routing.</summary>
    [Fact]
    public async Task NulInThePathGets400FromTheServer()
    {
        using var response = await sweep.Site.Client.GetAsync($"{sweep.Site.Url}/status/20300101T000000000Z-0123abcd%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Task<HttpResponseMessage> SendAsync(string route, string token)
    {
        var page = $"/{UploadRoutes.Prefix}/upload/{token}";
        var request = route switch
        {
            "upload POST" => new HttpRequestMessage(HttpMethod.Post, page)
            {
                Content = Body($"multipart/form-data; boundary={Boundary}", Multipart(Boundary, true, FilePart("report.pdf", Pdf))),
            },
            "page GET" => new HttpRequestMessage(HttpMethod.Get, page),
            "page GET (browser)" => new HttpRequestMessage(HttpMethod.Get, page) { Headers = { { "Accept", "text/html" } } },
            "status GET" => new HttpRequestMessage(HttpMethod.Get, $"{page}/status/{SubmissionId}"),
            "template GET" => new HttpRequestMessage(HttpMethod.Get, $"{page}/template"),
            "block PUT" => new HttpRequestMessage(HttpMethod.Put, $"{page}/resumable/{UploadId}/0") { Content = new ByteArrayContent(Pdf) },
            "blocks GET" => new HttpRequestMessage(HttpMethod.Get, $"{page}/resumable/{UploadId}"),
            "commit POST" => new HttpRequestMessage(HttpMethod.Post, $"{page}/resumable/{UploadId}")
            {
                Content = JsonContent.Create(new { fileName = "report.pdf", size = Pdf.Length }),
            },
            "fresh-link POST" => new HttpRequestMessage(HttpMethod.Post, $"{page}/fresh-link")
            {
                Content = new FormUrlEncodedContent([]),
                Headers = { { "Accept", "text/html" } },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(route), route, "No such route."),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        return sweep.Site.Client.SendAsync(request);
    }

    private async Task<string> TokenAsync(string shape)
    {
        var site = sweep.Site;
        var links = site.Server.Get<UploadLinks>();
        var valid = links.CreateToken(site.Centre.Id, site.Campaign);
        var parts = valid.Split('.');
        var later = site.Campaign.LateUploadsCloseAt.AddDays(30);
        switch (shape)
        {
            case "one part":
                return parts[4];
            case "too many parts":
                return valid + ".extra";
            case "non-base64url signature":
                return string.Join('.', parts[..4]) + ".!!!!*~~";
            case "one character changed":
                return string.Join('.', parts[..4]) + "." + (parts[4][0] == 'A' ? 'B' : 'A') + parts[4][1..];
            case "other year":
                return links.CreateToken(site.Centre.Id, site.Campaign.Year + 1, later);
            case "expired":
                return links.CreateToken(site.Centre.Id, site.Campaign.Year, site.Clock.GetUtcNow().AddSeconds(-1));
            case "revoked":
                var revoked = TestData.Centre("kz-revoked");
                await site.Server.Get<CentreRegister>().SaveAsync(revoked, CancellationToken.None);
                var token = links.CreateToken(revoked.Id, site.Campaign);
                site.Clock.Advance(TimeSpan.FromSeconds(1));
                await site.Server.Get<LinkRevocations>().RevokeAsync(revoked.Id, CancellationToken.None);
                return token;
            case "unknown centre":
                return links.CreateToken("zz-nowhere", site.Campaign);
            case "inactive centre":
                var closed = TestData.Centre("kz-closed") with { Active = false };
                await site.Server.Get<CentreRegister>().SaveAsync(closed, CancellationToken.None);
                return links.CreateToken(closed.Id, site.Campaign);
            case "percent-encoded traversal":
                return "..%2F..%2F" + Uri.EscapeDataString(valid);
            case "unicode":
                return Uri.EscapeDataString("кз-алматы." + string.Join('.', parts[1..]));
            case "6 KB token":
                return valid + new string('A', 6 * 1024);
            case "leading zero in the year":
                return string.Join('.', [parts[0], "0" + parts[1], .. parts[2..]]);
            case "padded signature":
                return valid + "=";
            case "issued a day ahead":
                // Signed with the real secret by a clock a day fast: it would outlive a revocation made today.
                var fast = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(site.Clock.GetUtcNow().AddDays(1));
                return new UploadLinks(site.Server.Get<Microsoft.Extensions.Options.IOptions<LinkOptions>>(), fast).CreateToken(site.Centre.Id, site.Campaign);
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "No such token shape.");
        }
    }
}
