using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using PacSubmissions.LocalHost.Functions;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.LocalHost;

public sealed class BlobTriggerTests
{
    [Fact]
    public async Task BlobThatAlwaysFailsEndsInThePoisonQueueAndOthersStillFlow()
    {
        // Nothing may take the poison message off the queue before the test reads it.
        await using var server = await LocalHostServer.StartAsync(settings: new() { ["LocalHost:DeliverQueueMessages"] = "false" });
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        await TestData.SeedAsync(server.Services, campaign, TestData.Centre());
        var stray = $"{campaign.Year}/kz-almaty/stray-{Guid.NewGuid():N}";
        await server.Get<PacStorage>().Reports.GetBlobClient(stray).UploadAsync(BinaryData.FromString("no metadata"));

        var poison = new QueueServiceClient(server.Storage).GetQueueClient(server.Names.BlobPoisonQueue);
        var message = await Eventually.Until(async () =>
        {
            if (!await poison.ExistsAsync())
            {
                return null;
            }

            foreach (var peeked in (await poison.PeekMessagesAsync(32)).Value)
            {
                var json = Encoding.UTF8.GetString(Convert.FromBase64String(peeked.MessageText));
                if (json.Contains(stray, StringComparison.Ordinal))
                {
                    return JsonDocument.Parse(json);
                }
            }

            return null;
        }, m => m is not null);

        Assert.NotNull(message);
        Assert.Equal("Host.Functions.ProcessReport", message.RootElement.GetProperty("FunctionId").GetString());
        Assert.Equal(server.Names.ReportsContainer, message.RootElement.GetProperty("ContainerName").GetString());

        // The pipeline still processes good reports after the poisoned one.
        var url = server.Get<PacSubmissions.Upload.UploadLinks>().CreateUrl("kz-almaty", campaign).ToString();
        using var response = await server.Client.PostFileAsync(url, Samples.PathOf("korea-2021.docx"));
        Assert.Single(await Eventually.Until(() => Task.FromResult(server.Outbox.To(TestSettings.HqAddress)), m => m.Count > 0));
    }

    [Fact]
    public async Task RestartedHostDoesNotProcessABlobAgain()
    {
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        var first = await LocalHostServer.StartAsync();
        await TestData.SeedAsync(first.Services, campaign, TestData.Centre());
        var url = first.Get<PacSubmissions.Upload.UploadLinks>().CreateUrl("kz-almaty", campaign).ToString();
        using (await first.Client.PostFileAsync(url, Samples.PathOf("korea-2021.docx")))
        {
        }

        var store = first.Get<SubmissionStore>();
        var processed = Assert.Single(await Eventually.Until(() => store.ListAsync(campaign.Year, CancellationToken.None), r => r.Count > 0));
        // A blob is done once its receipt is written; one stopped before that is rightly processed again.
        Assert.Equal(1, await Eventually.Until(() => CountReceiptsAsync(first), n => n > 0));
        await first.StopAsync();

        await using var second = await LocalHostServer.StartAsync(names: first.Names, outbox: first.Outbox);
        // Give the restarted listener several scans of the container.
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var after = Assert.Single(await second.Get<SubmissionStore>().ListAsync(campaign.Year, CancellationToken.None));
        Assert.Equal(processed.ProcessedAt, after.ProcessedAt);
        Assert.Single(second.Outbox.To(TestSettings.HqAddress));
    }

    private static async Task<int> CountReceiptsAsync(LocalHostServer server)
    {
        var container = new Azure.Storage.Blobs.BlobServiceClient(server.Storage).GetBlobContainerClient(BlobTriggerListener.ReceiptsContainer);
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"blobreceipts/localhost/ProcessReport/{server.Names.ReportsContainer}/", CancellationToken.None))
        {
            count++;
        }

        return count;
    }
}
