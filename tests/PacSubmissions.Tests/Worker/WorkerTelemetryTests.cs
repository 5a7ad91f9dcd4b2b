using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Worker;

/// <summary>
/// The built worker with Application Insights switched on (its connection string set, as in Azure), exporting to an
/// ingestion endpoint on loopback: what it sends is what Azure's transaction search would show for one upload.
/// </summary>
[Trait("Category", "Slow")]
public sealed class WorkerTelemetryTests : IAsyncLifetime
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromMinutes(2) };
    private TestPipeline? _pipeline;
    private IngestionEndpoint? _ingestion;
    private WorkerProcess? _worker;

    private TestPipeline Pipeline => _pipeline!;

    private IngestionEndpoint Ingestion => _ingestion!;

    private WorkerProcess Worker => _worker!;

    public async Task InitializeAsync()
    {
        _pipeline = await TestPipeline.StartAsync();
        _ingestion = await IngestionEndpoint.StartAsync();
        var settings = TestSettings.Create(_pipeline.Storage, _pipeline.Names, _pipeline.Outbox.Path);
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = _ingestion.ConnectionString;
        // The exporter's own usage reports go to Microsoft, which this machine cannot reach.
        settings["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true";
        _worker = await WorkerProcess.StartAsync(settings);
    }

    [Fact]
    public async Task UploadItsCheckAndItsEmailsAreOneTraceInApplicationInsights()
    {
        var centre = TestData.Centre("kz-trace", "PAC Centre Trace", "trace@pac-test.example");
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        await TestData.SeedAsync(Pipeline.Services, campaign, centre);
        var path = Pipeline.Get<UploadLinks>().CreateUrl(centre.Id, campaign).AbsolutePath;

        // The upload, as the host forwards it to the worker, then the blob trigger on the blob it wrote, as a second
        // invocation the host starts in a trace of its own (as Event Grid's delivery does in Azure).
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(Samples.PathOf("korea-2021.docx")));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        form.Add(file, "file", "korea-2021.docx");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Worker.HttpUri, path)) { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var route = new Dictionary<string, string>(StringComparer.Ordinal) { ["token"] = path[(path.LastIndexOf('/') + 1)..] };
        var (response, upload) = await Worker.SendHttpAsync(_client, "UploadReport", request, route);
        WorkerAssert.Succeeded(upload, Worker);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<UploadAccepted>())!;
        var blobName = SubmissionBlob.NameFor(accepted.Year, accepted.Centre, accepted.SubmissionId);
        var container = Pipeline.Names.ReportsContainer;
        WorkerAssert.Succeeded(await Worker.InvokeAsync("ProcessReport", HostTriggerData.Blob(container, blobName), HostTriggerData.BlobMetadata(container, blobName)), Worker);

        // The exporter sends spans and logs in batches of their own, every few seconds.
        var recordedLog = $"Recorded submission {accepted.SubmissionId}";
        var items = await Eventually.Until(() => Task.FromResult(Ingestion.Items.ToList()),
            all => all.Count(i => i.Name == "Send e-mail") >= 2 && all.Any(i => i.Message?.StartsWith(recordedLog, StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(60));

        var uploadSpan = Assert.Single(items, i => i.Name == "Upload report" && i.Property("pac.blob") == blobName);
        var trace = uploadSpan.OperationId;
        Assert.Matches("^[0-9a-f]{32}$", trace);
        // The upload sits under the worker's own span of its UploadReport invocation, in the trace the host started for the request.
        var uploadInvocation = Assert.Single(items, i => i.Id == uploadSpan.ParentId);
        Assert.Equal(trace, uploadInvocation.OperationId);
        Assert.Equal("UploadReport", uploadInvocation.Property("faas.name"));

        // The blob trigger's processing continues that trace: a request under the upload, linked to the trigger's own
        // invocation (in the host's trace for the delivery), with the read, the record and both e-mails (HQ's notice and
        // the coordinator's receipt) under it, and the processor's logs beside them.
        var processing = Assert.Single(items, i => i.Name == "Process report" && i.Property("pac.blob") == blobName);
        Assert.Equal("RequestData", processing.Type);
        Assert.Equal(trace, processing.OperationId);
        Assert.Equal(uploadSpan.Id, processing.ParentId);
        var trigger = Assert.Single(items, i => i.Property("faas.name") == "ProcessReport");
        Assert.NotEqual(trace, trigger.OperationId);
        Assert.Contains(trigger.Id!, processing.Property("_MS.links"), StringComparison.Ordinal);
        foreach (var step in new[] { "Read report", "Record submission" })
        {
            var span = Assert.Single(items, i => i.Name == step && i.OperationId == trace);
            Assert.Equal(processing.Id, span.ParentId);
        }

        var emails = items.Where(i => i.Name == "Send e-mail" && i.OperationId == trace).ToList();
        Assert.Equal(2, emails.Count);
        Assert.All(emails, e => Assert.Equal(processing.Id, e.ParentId));
        Assert.All(emails, e => Assert.Equal("Sent", e.Property("pac.outcome")));
        Assert.Contains(emails, e => e.Property("pac.email")!.Contains($"|{PacSubmissions.Email.EmailKinds.SubmissionReceived}|", StringComparison.Ordinal));
        var recorded = Assert.Single(items, i => i.Type == "MessageData" && i.Message!.StartsWith(recordedLog, StringComparison.Ordinal));
        Assert.Equal(trace, recorded.OperationId);
        // ASP.NET Core's line per result, which host.json keeps out, stays out of what is paid for.
        Assert.DoesNotContain(items, i => i.Message?.StartsWith("Executing ObjectResult", StringComparison.Ordinal) == true);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }

        if (_ingestion is not null)
        {
            await _ingestion.DisposeAsync();
        }

        if (_pipeline is not null)
        {
            await _pipeline.DisposeAsync();
        }
    }
}
