using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PacSubmissions.Storage;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Worker;

/// <summary>
/// The HTTP functions through the worker's ASP.NET Core integration, as the host proxies them: the request to the
/// worker's own Kestrel with its invocation id, and the invocation over gRPC. Large uploads are where the worker's
/// Kestrel, which the local host does not run, has its own say.
/// </summary>
public sealed class WorkerHttpTests(WorkerFixture fixture) : IClassFixture<WorkerFixture>, IDisposable
{
    private const long MegaByte = 1024 * 1024;

    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromMinutes(2) };
    private readonly List<string> _files = [];

    private TestPipeline Pipeline => fixture.Pipeline;

    private async Task<string> LinkAsync(string centreId)
    {
        var centre = TestData.Centre(centreId, $"PAC Centre {centreId}", $"{centreId}@pac-test.example");
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        await TestData.SeedAsync(Pipeline.Services, campaign, centre);
        return Pipeline.Get<UploadLinks>().CreateUrl(centre.Id, campaign).AbsolutePath;
    }

    /// <summary>A PDF of the given size on disk (its header, then filler), so a large body streams from a file as a browser's does.</summary>
    private string Pdf(long size)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pac-worker-{Guid.NewGuid():N}.pdf");
        _files.Add(path);
        using var file = File.Create(path);
        file.Write("%PDF-1.7\n%filler\n"u8);
        file.SetLength(size);
        return path;
    }

    private async Task<HttpResponseMessage> UploadAsync(string path, string file)
    {
        var token = path[(path.LastIndexOf('/') + 1)..];
        using var form = new MultipartFormDataContent();
        var content = new StreamContent(File.OpenRead(file));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(content, "file", "report.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Worker.HttpUri, path)) { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var (response, invocation) = await fixture.Worker.SendHttpAsync(_client, "UploadReport", request, new Dictionary<string, string> { ["token"] = token });
        WorkerAssert.Succeeded(invocation, fixture.Worker);
        return response;
    }

    [Fact]
    public async Task UploadPageIsServedThroughTheWorker()
    {
        var path = await LinkAsync("kz-page");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Worker.HttpUri, path));

        var (response, invocation) = await fixture.Worker.SendHttpAsync(_client, "ShowUploadPage", request,
            new Dictionary<string, string> { ["token"] = path[(path.LastIndexOf('/') + 1)..] });

        WorkerAssert.Succeeded(invocation, fixture.Worker);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("PAC Centre kz-page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadOf40MegabytesIsAcceptedAndStored()
    {
        var path = await LinkAsync("kz-large");
        var file = Pdf(40 * MegaByte);

        using var response = await UploadAsync(path, file);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<UploadAccepted>())!;
        var blob = Pipeline.Get<PacStorage>().Reports.GetBlobClient(SubmissionBlob.NameFor(accepted.Year, accepted.Centre, accepted.SubmissionId));
        Assert.Equal(40 * MegaByte, (await blob.GetPropertiesAsync()).Value.ContentLength);
    }

    [Fact]
    public async Task BadLinkGetsItsForbiddenAnswerToA60MegabyteUpload()
    {
        var file = Pdf(60 * MegaByte);

        using var response = await UploadAsync("/api/upload/not-a-link", file);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UploadOverTheLimitGetsItsTooLargeAnswerTo60Megabytes()
    {
        var path = await LinkAsync("kz-huge");
        var file = Pdf(60 * MegaByte);

        using var response = await UploadAsync(path, file);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("50", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = new List<string>();
        await foreach (var blob in Pipeline.Get<PacStorage>().Reports.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{TestData.OpenCampaign(DateTimeOffset.UtcNow).Year}/kz-huge/", CancellationToken.None))
        {
            stored.Add(blob.Name);
        }

        Assert.Empty(stored);
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
