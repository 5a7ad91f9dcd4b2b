using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Azure.Storage.Blobs.Models;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Worker;

/// <summary>
/// The HTTP functions through the worker's ASP.NET Core integration, as the host proxies them: the request to the
/// worker's own Kestrel with its invocation id, and the invocation over gRPC. Large uploads are where the worker's
/// Kestrel, which the local host does not run, has its own say.
/// </summary>
[Trait("Category", "Slow")]
public sealed class WorkerHttpTests(WorkerFixture fixture) : IClassFixture<WorkerFixture>, IDisposable
{
    private const long MegaByte = 1024 * 1024;

    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromMinutes(2) };
    private readonly List<string> _files = [];

    private TestPipeline Pipeline => fixture.Pipeline;

    private static Dictionary<string, string> RouteOf(string path) => new(StringComparer.Ordinal) { ["token"] = path[(path.LastIndexOf('/') + 1)..] };

    /// <summary>The path of a centre's upload link (the host's route prefix included), in an open campaign.</summary>
    private async Task<string> LinkAsync(string centreId)
    {
        var centre = TestData.Centre(centreId, $"PAC Centre {centreId}", $"{centreId}@pac-test.example");
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        await TestData.SeedAsync(Pipeline.Services, campaign, centre);
        return Pipeline.Get<UploadLinks>().CreateUrl(centre.Id, campaign).AbsolutePath;
    }

    /// <summary>
    /// Posts a PDF of the given size as a browser does, streamed from a file on disk (its header, then filler), with
    /// its Content-Length (or chunked, as a client streaming from a pipe does); the invocation must succeed whatever the answer.
    /// </summary>
    private async Task<HttpResponseMessage> UploadPdfAsync(string path, long size, bool chunked = false)
    {
        var pdf = Path.Combine(Path.GetTempPath(), $"pac-worker-{Guid.NewGuid():N}.pdf");
        _files.Add(pdf);
        await using (var file = File.Create(pdf))
        {
            await file.WriteAsync("%PDF-1.7\n%filler\n"u8.ToArray());
            file.SetLength(size);
            // Its trailer at the end, so an upload within the limit is whole and taken.
            file.Seek(-18, SeekOrigin.End);
            await file.WriteAsync("startxref\n0\n%%EOF\n"u8.ToArray());
        }

        using var form = new MultipartFormDataContent();
        var content = new StreamContent(File.OpenRead(pdf));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "file", "report.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Worker.HttpUri, path)) { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        request.Headers.TransferEncodingChunked = chunked;
        var (response, invocation) = await fixture.Worker.SendHttpAsync(_client, "UploadReport", request, RouteOf(path));
        WorkerAssert.Succeeded(invocation, fixture.Worker);
        return response;
    }

    [Fact]
    public async Task UploadPageIsServedThroughTheWorker()
    {
        var path = await LinkAsync("kz-page");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Worker.HttpUri, path));

        var (response, invocation) = await fixture.Worker.SendHttpAsync(_client, "ShowUploadPage", request, RouteOf(path));

        WorkerAssert.Succeeded(invocation, fixture.Worker);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("PAC Centre kz-page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadOf40MegabytesIsAcceptedAndStored()
    {
        using var response = await UploadPdfAsync(await LinkAsync("kz-large"), 40 * MegaByte);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<UploadAccepted>())!;
        var blob = Pipeline.Get<PacStorage>().Reports.GetBlobClient(SubmissionBlob.NameFor(accepted.Year, accepted.Centre, accepted.SubmissionId));
        Assert.Equal(40 * MegaByte, (await blob.GetPropertiesAsync()).Value.ContentLength);
    }

    [Fact]
    public async Task BadLinkGetsItsForbiddenAnswerToA60MegabyteUpload()
    {
        using var response = await UploadPdfAsync("/api/upload/not-a-link", 60 * MegaByte);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UploadOverTheLimitGetsItsTooLargeAnswerTo60Megabytes()
    {
        using var response = await UploadPdfAsync(await LinkAsync("kz-huge"), 60 * MegaByte);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than 50 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = new List<string>();
        await foreach (var blob in Pipeline.Get<PacStorage>().Reports.GetBlobsAsync(BlobTraits.None, BlobStates.None, "", CancellationToken.None))
        {
            stored.Add(blob.Name);
        }

        Assert.DoesNotContain(stored, name => name.Contains("/kz-huge/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChunkedUploadOverTheLimitGetsItsTooLargeAnswerTo60Megabytes()
    {
        // No Content-Length: the limit is found while the file streams, and the rest of the body must still be drained.
        using var response = await UploadPdfAsync(await LinkAsync("kz-chunked"), 60 * MegaByte, chunked: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than 50 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReportSentInBlocksIsStagedListedAndCommittedThroughTheWorker()
    {
        var path = await LinkAsync("kz-blocks");
        var token = RouteOf(path)["token"];
        const string upload = "0123456789abcdef0123456789abcdef";
        var report = new byte[(2 * BlockUpload.BlockSize) + 1000];
        new Random(16).NextBytes(report);
        "%PDF-1.7\n"u8.CopyTo(report);
        // A whole PDF ends with its trailer: a file cut short is refused at upload.
        var trailer = "\nstartxref\n9\n%%EOF\n"u8;
        trailer.CopyTo(report.AsSpan(report.Length - trailer.Length));

        for (var index = 0; index < 3; index++)
        {
            var part = report.AsMemory(index * BlockUpload.BlockSize, Math.Min(BlockUpload.BlockSize, report.Length - (index * BlockUpload.BlockSize)));
            using var staged = await SendAsync("StageUploadBlock", HttpMethod.Put,
                PacSubmissions.Http.UploadRoutes.ResumableBlockPath(token, upload, index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new ReadOnlyMemoryContent(part), new() { ["token"] = token, ["uploadId"] = upload, ["index"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.OK, staged.StatusCode);
        }

        using var listed = await SendAsync("ListUploadBlocks", HttpMethod.Get, PacSubmissions.Http.UploadRoutes.ResumablePath(token, upload), null,
            new() { ["token"] = token, ["uploadId"] = upload });
        Assert.Equal([0, 1, 2], (await listed.Content.ReadFromJsonAsync<StagedBlocks>())!.Blocks.Select(b => b.Index));
        using var committed = await SendAsync("CommitUpload", HttpMethod.Post, PacSubmissions.Http.UploadRoutes.ResumablePath(token, upload),
            JsonContent.Create(new CommitRequest("report.pdf", report.Length), options: System.Text.Json.JsonSerializerOptions.Web),
            new() { ["token"] = token, ["uploadId"] = upload });

        Assert.Equal(HttpStatusCode.Accepted, committed.StatusCode);
        var accepted = (await committed.Content.ReadFromJsonAsync<UploadAccepted>())!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(report)), accepted.Sha256);
        var blob = Pipeline.Get<PacStorage>().Reports.GetBlobClient(SubmissionBlob.NameFor(accepted.Year, accepted.Centre, accepted.SubmissionId));
        Assert.Equal(report.Length, (await blob.GetPropertiesAsync()).Value.ContentLength);
    }

    [Fact]
    public async Task SendGridsSignedEventsAreRecordedThroughTheWorkerAndAForgedPostIsRefused()
    {
        var key = new PacSubmissions.Email.EmailKey(2030, "kz-events", PacSubmissions.Email.EmailKinds.Invitation, PacSubmissions.Email.EmailKinds.Opening);
        var ledger = Pipeline.Get<PacSubmissions.Email.EmailLedger>();
        await ledger.SendOnceAsync(new PacSubmissions.Email.EmailMessage(key, "kz-events@pac-test.example", "Invitation", "Text", "<p>Html</p>"), CancellationToken.None);
        var body = System.Text.Json.JsonSerializer.Serialize(new[]
        {
            new Dictionary<string, object>
            {
                ["email"] = "kz-events@pac-test.example", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["event"] = "bounce",
                ["type"] = "bounce", ["reason"] = "550 5.1.1 no such user", ["sg_event_id"] = "worker-ev-1", [PacSubmissions.Email.SendGridEmailSender.KeyArgument] = key.ToString(),
            },
        });
        var uri = new Uri(fixture.Worker.HttpUri, "/api/" + PacSubmissions.Http.EmailRoutes.DeliveryEvents);
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);

        var (forged, forgedInvocation) = await fixture.Worker.SendHttpAsync(_client, "ReceiveDeliveryEvents",
            Email.SendGridEvents.Post(uri, body, DateTimeOffset.UtcNow, other), new Dictionary<string, string>());
        var forgedDelivery = (await ledger.ListAsync(2030, CancellationToken.None)).Single(e => e.Key == key).Delivery;
        var (signed, invocation) = await fixture.Worker.SendHttpAsync(_client, "ReceiveDeliveryEvents",
            Email.SendGridEvents.Post(uri, body, DateTimeOffset.UtcNow, fixture.SendGridKey), new Dictionary<string, string>());

        WorkerAssert.Succeeded(forgedInvocation, fixture.Worker);
        WorkerAssert.Succeeded(invocation, fixture.Worker);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (forged.StatusCode, signed.StatusCode));
        Assert.Null(forgedDelivery);
        var delivery = (await ledger.ListAsync(2030, CancellationToken.None)).Single(e => e.Key == key).Delivery;
        Assert.Equal((PacSubmissions.Email.DeliveryState.Bounced, "550 5.1.1 no such user"), (delivery?.State, delivery?.Reason));
        forged.Dispose();
        signed.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync(string function, HttpMethod method, string path, HttpContent? content, Dictionary<string, string> route)
    {
        using var request = new HttpRequestMessage(method, new Uri(fixture.Worker.HttpUri, path)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var (response, invocation) = await fixture.Worker.SendHttpAsync(_client, function, request, route);
        WorkerAssert.Succeeded(invocation, fixture.Worker);
        return response;
    }

    public void Dispose()
    {
        _client.Dispose();
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }
}
