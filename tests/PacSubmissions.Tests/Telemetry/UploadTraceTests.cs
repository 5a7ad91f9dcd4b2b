using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Telemetry;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Telemetry;

/// <summary>
/// The trace crosses from the upload to the blob trigger on the blob itself: what the library's spans show to any
/// listener (the worker's OpenTelemetry, here a plain <see cref="ActivityListener"/>), through the local host's real
/// upload and blob trigger.
/// </summary>
public sealed class UploadTraceTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public UploadTraceTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PacTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task UploadedBlobCarriesTheUploadsTraceAndItsProcessingContinuesIt()
    {
        await using var server = await LocalHostServer.StartAsync();
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        var centre = TestData.Centre("kz-traced", "PAC Centre Traced", "traced@pac-test.example");
        await TestData.SeedAsync(server.Services, campaign, centre);

        using var response = await server.Client.PostFileAsync(server.Get<UploadLinks>().CreateUrl(centre.Id, campaign).ToString(), Samples.PathOf("korea-2021.docx"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<UploadAccepted>())!;
        var blobName = SubmissionBlob.NameFor(accepted.Year, accepted.Centre, accepted.SubmissionId);
        var upload = Assert.Single(_spans, s => s.OperationName == "Upload report" && (string?)s.GetTagItem("pac.blob") == blobName);
        var metadata = (await server.Get<PacStorage>().Reports.GetBlobClient(blobName).GetPropertiesAsync()).Value.Metadata;
        Assert.Equal(upload.Id, metadata["traceparent"]);

        var spans = await Eventually.Until(() => Task.FromResult(_spans.Where(s => s.TraceId == upload.TraceId).ToList()),
            all => all.Count(s => s.OperationName == "Send e-mail") == 2);
        var processing = Assert.Single(spans, s => s.OperationName == "Process report");
        Assert.Equal(upload.SpanId, processing.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, processing.Kind);
        Assert.Equal(ActivityStatusCode.Unset, processing.Status);
        Assert.Equal(processing.SpanId, Assert.Single(spans, s => s.OperationName == "Read report").ParentSpanId);
        Assert.Equal(processing.SpanId, Assert.Single(spans, s => s.OperationName == "Record submission").ParentSpanId);
        Assert.All(spans.Where(s => s.OperationName == "Send e-mail"), email => Assert.Equal(processing.SpanId, email.ParentSpanId));
    }

    [Fact]
    public async Task ProcessingThatFailsIsMarkedFailedInTheUploadsTrace()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var blob = pipeline.Get<PacStorage>().Reports.GetBlobClient("2030/kz-almaty/stray");
        using var uploadSpan = new Activity("Upload report").SetIdFormat(ActivityIdFormat.W3C).Start();
        await blob.UploadAsync(BinaryData.FromString("not uploaded through a link"),
            new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = new Dictionary<string, string> { ["traceparent"] = uploadSpan.Id! } });
        uploadSpan.Stop();

        await Assert.ThrowsAsync<InvalidDataException>(() => pipeline.Get<SubmissionProcessor>().ProcessAsync(blob, CancellationToken.None));

        var processing = Assert.Single(_spans, s => s.OperationName == "Process report" && s.TraceId == uploadSpan.TraceId);
        Assert.Equal(uploadSpan.SpanId, processing.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Error, processing.Status);
        Assert.Contains("no upload metadata", processing.StatusDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportTheHostGaveUpOnIsRecordedFailedInTheUploadsTrace()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        await TestData.SeedAsync(pipeline.Services, campaign, TestData.Centre());
        // A report whose bytes changed after the upload stored it, with the upload's trace context on it.
        var original = await File.ReadAllBytesAsync(Samples.PathOf("korea-2021.docx"));
        var upload = new SubmissionBlob(TestData.Centre().Id, campaign.Year, SubmissionBlob.NewSubmissionId(DateTimeOffset.UtcNow), DateTimeOffset.UtcNow, false,
            "report.docx", original.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(original)));
        using var uploadSpan = new Activity("Upload report").SetIdFormat(ActivityIdFormat.W3C).Start();
        var metadata = upload.ToMetadata();
        PacTelemetry.WriteTraceContext(metadata);
        uploadSpan.Stop();
        await pipeline.Get<PacStorage>().Reports.GetBlobClient(upload.BlobName)
            .UploadAsync(BinaryData.FromBytes([.. original, .. "changed"u8.ToArray()]), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = metadata });
        var message = System.Text.Json.JsonSerializer.Serialize(new
        {
            Type = "BlobTrigger", FunctionId = "Host.Functions.ProcessReport", BlobType = "BlockBlob",
            ContainerName = pipeline.Names.ReportsContainer, BlobName = upload.BlobName, ETag = "\"0x8DC0FFEE\"",
        });

        Assert.Equal(PoisonOutcome.Recorded, await pipeline.Get<PoisonedReports>().HandleAsync(message, null, "ProcessReport", CancellationToken.None));

        var failed = Assert.Single(_spans, s => s.OperationName == "Report processing failed" && s.TraceId == uploadSpan.TraceId);
        Assert.Equal(uploadSpan.SpanId, failed.ParentSpanId);
        Assert.Contains("changed after upload", (string?)failed.GetTagItem("pac.reason"), StringComparison.Ordinal);
    }

    public void Dispose() => _listener.Dispose();
}
