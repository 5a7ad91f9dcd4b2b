using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using MimeKit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.FunctionsRpc;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Worker;

/// <summary>The blob and queue triggers, invoked in the built worker the way the host invokes them.</summary>
[Trait("Category", "Slow")]
public sealed class WorkerTriggerTests(WorkerFixture fixture) : IClassFixture<WorkerFixture>
{
    private TestPipeline Pipeline => fixture.Pipeline;

    private static string KeyOf(MimeMessage message) => message.Headers["X-Pac-Email-Key"] ?? "";

    private static void AssertSucceeded(InvocationResponse response, WorkerProcess worker) => WorkerAssert.Succeeded(response, worker);

    private async Task<SubmissionBlob> UploadAsWrittenByTheUploadAsync(Centre centre, Campaign campaign, byte[] bytes, byte[]? stored = null)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var upload = new SubmissionBlob(centre.Id, campaign.Year, SubmissionBlob.NewSubmissionId(receivedAt), receivedAt, false,
            "report.docx", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        await Pipeline.Get<PacStorage>().Reports.GetBlobClient(upload.BlobName)
            .UploadAsync(BinaryData.FromBytes(stored ?? bytes), new BlobUploadOptions { Metadata = upload.ToMetadata() });
        return upload;
    }

    [Fact]
    public async Task BlobTriggerGetsABlobClientAndRecordsTheCheckedSubmission()
    {
        var centre = TestData.Centre("kz-blob", "PAC Centre Blob", "blob@pac-test.example");
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow, year: 2032);
        await TestData.SeedAsync(Pipeline.Services, campaign, centre);
        var upload = await UploadAsWrittenByTheUploadAsync(centre, campaign, await File.ReadAllBytesAsync(Samples.PathOf("korea-2021.docx")));
        var container = Pipeline.Names.ReportsContainer;

        var response = await fixture.Worker.InvokeAsync("ProcessReport",
            HostTriggerData.Blob(container, upload.BlobName), HostTriggerData.BlobMetadata(container, upload.BlobName));

        AssertSucceeded(response, fixture.Worker);
        var row = await Pipeline.Get<SubmissionStore>().FindAsync(campaign.Year, centre.Id, upload.SubmissionId, CancellationToken.None);
        Assert.NotNull(row?.Check);
        Assert.Single(Pipeline.Outbox.To(TestSettings.HqAddress), m => KeyOf(m) == $"{campaign.Year}|{centre.Id}|{EmailKinds.SubmissionReceived}|{upload.SubmissionId}");
        Assert.Single(Pipeline.Outbox.To(centre.CoordinatorEmail));
    }

    [Fact]
    public async Task PoisonMessageFromTheQueueIsRecordedAndToldToHq()
    {
        var centre = TestData.Centre("kz-poison", "PAC Centre Poison", "poison@pac-test.example");
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow, year: 2033);
        await TestData.SeedAsync(Pipeline.Services, campaign, centre);
        // An upload whose bytes changed after it was stored: the processor refuses it every time, so the host poisons it.
        var original = await File.ReadAllBytesAsync(Samples.PathOf("korea-2021.docx"));
        var broken = await UploadAsWrittenByTheUploadAsync(centre, campaign, original, [.. original, .. "changed"u8.ToArray()]);
        var queue = new QueueClient(Pipeline.Storage, Pipeline.Names.BlobPoisonQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(JsonSerializer.Serialize(new
        {
            Type = "BlobTrigger",
            FunctionId = "Host.Functions.ProcessReport",
            BlobType = "BlockBlob",
            ContainerName = Pipeline.Names.ReportsContainer,
            BlobName = broken.BlobName,
            ETag = "\"0x8DD0000000000\"",
        }));

        // As the host's queue listener does: receive, invoke, and delete the message once the function succeeded.
        var message = Assert.Single((await queue.ReceiveMessagesAsync(1)).Value);
        var response = await fixture.Worker.InvokeAsync("ReportProcessingFailed", HostTriggerData.Queue(message));
        AssertSucceeded(response, fixture.Worker);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        var row = await Pipeline.Get<SubmissionStore>().FindAsync(campaign.Year, centre.Id, broken.SubmissionId, CancellationToken.None);
        Assert.Contains("changed after upload", row?.Failure?.Reason, StringComparison.Ordinal);
        var told = Assert.Single(Pipeline.Outbox.To(TestSettings.HqAddress), m => KeyOf(m).Contains($"|{EmailKinds.ProcessingFailed}|", StringComparison.Ordinal));
        Assert.Equal($"{campaign.Year}|{centre.Id}|{EmailKinds.ProcessingFailed}|{broken.SubmissionId}", KeyOf(told));
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
