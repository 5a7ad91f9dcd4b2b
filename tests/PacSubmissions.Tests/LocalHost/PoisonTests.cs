using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using MimeKit;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.LocalHost;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.LocalHost;

/// <summary>
/// A report that fails processing every time, on the real local host: the blob trigger gives up on it, the poison queue
/// trigger records it and tells HQ once, the dashboard shows it, and the reports uploaded beside it are not touched.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PoisonTests
{
    private static readonly Centre Almaty = TestData.Centre();
    private static readonly Centre Rio = TestData.Centre("br-rio", "PAC Centre Rio", "rio@pac-test.example");
    private static readonly Centre Seoul = TestData.Centre("kr-seoul", "PAC Centre Seoul", "seoul@pac-test.example");

    private static string KeyOf(MimeMessage message) => message.Headers["X-Pac-Email-Key"] ?? "";

    private static IReadOnlyList<MimeMessage> Hq(LocalHostServer server, string kind) =>
        [.. server.Outbox.To(TestSettings.HqAddress).Where(m => KeyOf(m).Contains($"|{kind}|", StringComparison.Ordinal))];

    private static async Task<int> CountAsync(QueueClient queue) =>
        await queue.ExistsAsync() ? (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;

    [Fact]
    public async Task ReportThatFailsEveryTimeIsShownAndToldToHqOnceWhileOthersFlow()
    {
        await using var server = await LocalHostServer.StartAsync();
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        await TestData.SeedAsync(server.Services, campaign, Almaty, Rio, Seoul);
        var links = server.Get<UploadLinks>();

        // Almaty's upload, as the upload function wrote it, with its bytes changed afterwards: the SHA-256 check fails every time.
        var original = await File.ReadAllBytesAsync(Samples.PathOf("korea-2021.docx"));
        var receivedAt = DateTimeOffset.UtcNow;
        var broken = new SubmissionBlob(Almaty.Id, campaign.Year, SubmissionBlob.NewSubmissionId(receivedAt), receivedAt, false,
            "Отчёт 2030.docx", original.Length, Convert.ToHexStringLower(SHA256.HashData(original)));
        var blob = server.Get<PacStorage>().Reports.GetBlobClient(broken.BlobName);
        var uploads = new[] { Rio, Seoul }.Select(async centre =>
        {
            using var response = await server.Client.PostFileAsync(links.CreateUrl(centre.Id, campaign).ToString(), Samples.PathOf("korea-2021.docx"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<UploadAccepted>())!.SubmissionId;
        }).ToList();
        await blob.UploadAsync(BinaryData.FromBytes([.. original, .. "changed"u8.ToArray()]), new BlobUploadOptions { Metadata = broken.ToMetadata() });
        var accepted = await Task.WhenAll(uploads);

        var store = server.Get<SubmissionStore>();
        var poison = new QueueServiceClient(server.Storage).GetQueueClient(server.Names.BlobPoisonQueue);
        var failed = await Eventually.Until(() => store.FindAsync(campaign.Year, Almaty.Id, broken.SubmissionId, CancellationToken.None),
            row => row?.Failure is not null, TimeSpan.FromSeconds(60));
        await Eventually.Until(() => Task.FromResult(Hq(server, EmailKinds.ProcessingFailed).Count + Hq(server, EmailKinds.SubmissionReceived).Count), n => n >= 3);
        Assert.Equal(0, await Eventually.Until(() => CountAsync(poison), n => n == 0));

        // The broken one: recorded as not processed, with the reason, and HQ told once, naming the centre and the file.
        Assert.Contains("changed after upload", failed!.Failure!.Reason, StringComparison.Ordinal);
        var told = Assert.Single(Hq(server, EmailKinds.ProcessingFailed));
        Assert.Equal($"{campaign.Year}|{Almaty.Id}|{EmailKinds.ProcessingFailed}|{broken.SubmissionId}", KeyOf(told));
        Assert.Contains(Almaty.Name, told.Subject, StringComparison.Ordinal);
        Assert.Contains("Отчёт 2030.docx", told.TextBody, StringComparison.Ordinal);
        Assert.Single(server.Outbox.To(Almaty.CoordinatorEmail));
        Assert.Equal(0, await CountAsync(new QueueServiceClient(server.Storage).GetQueueClient(server.Names.BlobPoisonQueue + "-poison")));

        // The others: processed as usual, each with HQ's e-mail and the coordinator's receipt.
        foreach (var (centre, id) in new[] { Rio, Seoul }.Zip(accepted))
        {
            Assert.NotNull((await store.FindAsync(campaign.Year, centre.Id, id, CancellationToken.None))!.Check);
            Assert.Single(Hq(server, EmailKinds.SubmissionReceived), m => KeyOf(m).EndsWith(id, StringComparison.Ordinal));
            Assert.Single(server.Outbox.To(centre.CoordinatorEmail));
        }

        Assert.DoesNotContain(Hq(server, EmailKinds.SubmissionReceived), m => KeyOf(m).Contains(Almaty.Id, StringComparison.Ordinal));

        // The dashboard: the campaign table and the centre's versions say it could not be processed, and why.
        var table = await HqRequests.PageAsync(server, $"/api/dashboard/{campaign.Year}?state=failed");
        Assert.Contains("state-failed", table, StringComparison.Ordinal);
        Assert.Contains(Almaty.Name, table, StringComparison.Ordinal);
        Assert.DoesNotContain(Rio.Name, table, StringComparison.Ordinal);
        var page = await HqRequests.PageAsync(server, $"/api/dashboard/{campaign.Year}/centres/{Almaty.Id}");
        Assert.Contains("Could not be processed", page, StringComparison.Ordinal);
        Assert.Contains("changed after upload", page, StringComparison.Ordinal);

        // The coordinator's page and status endpoint (in the centre's Russian) stop saying "being checked": HQ looks at it.
        var almatyPage = links.CreateUrl(Almaty.Id, campaign).ToString();
        var status = await server.Client.GetFromJsonAsync<UploadStatus>($"{almatyPage}/status/{broken.SubmissionId}");
        Assert.Equal(UploadState.NotChecked, status!.State);
        Assert.Null(status.CheckStatus);
        Assert.Equal(PacSubmissions.Languages.Texts.Russian.StatusNotChecked, status.Summary);
        var coordinatorPage = WebUtility.HtmlDecode(await server.Client.GetStringAsync(almatyPage));
        Assert.Contains(PacSubmissions.Languages.Texts.Russian.StatusNotChecked, coordinatorPage, StringComparison.Ordinal);

        // Check again while the file is still broken: HQ gets the reason; after the file is put right, it is checked.
        var recheck = $"/api/dashboard/{campaign.Year}/centres/{Almaty.Id}/actions/recheck";
        using (var refused = await server.Client.SendAsync(HqRequests.Request(server, HttpMethod.Post, recheck, new FormUrlEncodedContent([KeyValuePair.Create("submissionId", broken.SubmissionId)]))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("changed after upload", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await blob.UploadAsync(BinaryData.FromBytes(original), new BlobUploadOptions { Metadata = broken.ToMetadata() });
        using (var rechecked = await server.Client.SendAsync(HqRequests.Request(server, HttpMethod.Post, recheck, new FormUrlEncodedContent([KeyValuePair.Create("submissionId", broken.SubmissionId)]))))
        {
            Assert.Equal(HttpStatusCode.OK, rechecked.StatusCode);
        }

        var fixedRow = await store.FindAsync(campaign.Year, Almaty.Id, broken.SubmissionId, CancellationToken.None);
        Assert.NotNull(fixedRow!.Check);
        Assert.Null(fixedRow.Failure);
        Assert.Single(Hq(server, EmailKinds.ProcessingFailed));
    }

    [Fact]
    public async Task WhileSendGridFailsThePoisonMessageIsRetriedThenSetAsideAndTheDashboardStillShowsIt()
    {
        await using var sendGrid = await Email.FakeSendGrid.StartAsync();
        sendGrid.Behaviour = key => key.Contains($"|{EmailKinds.ProcessingFailed}|", StringComparison.Ordinal)
            ? Email.FakeSendGrid.Answer.ServerError
            : Email.FakeSendGrid.Answer.Accept;
        var settings = Email.SendGridFailureTests.SendGridSettings(sendGrid);
        await using var server = await LocalHostServer.StartAsync(settings: settings);
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        await TestData.SeedAsync(server.Services, campaign, Almaty);
        var upload = new SubmissionBlob(Almaty.Id, campaign.Year, SubmissionBlob.NewSubmissionId(DateTimeOffset.UtcNow), DateTimeOffset.UtcNow, false,
            "report.docx", 5, new string('0', 64));
        await server.Get<PacStorage>().Reports.GetBlobClient(upload.BlobName)
            .UploadAsync(BinaryData.FromString("bytes"), new BlobUploadOptions { Metadata = upload.ToMetadata() });

        var queues = new QueueServiceClient(server.Storage);
        var setAside = queues.GetQueueClient(server.Names.BlobPoisonQueue + "-poison");
        Assert.Equal(1, await Eventually.Until(() => CountAsync(setAside), n => n > 0, TimeSpan.FromSeconds(90)));

        // Every try of the queue (host.json's maxDequeueCount) asked SendGrid (Email:SendGridAttempts times), then it stopped.
        var tries = server.Get<PacSubmissions.LocalHost.Functions.HostJson>().QueueMaxDequeueCount * int.Parse(settings["Email:SendGridAttempts"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(tries, sendGrid.Refused.Count(r => r.Key.Contains(upload.SubmissionId, StringComparison.Ordinal)));
        Assert.Equal(0, await CountAsync(queues.GetQueueClient(server.Names.BlobPoisonQueue)));
        // The row says so all along, and the coordinator's receipt went out once.
        var row = await server.Get<SubmissionStore>().FindAsync(campaign.Year, Almaty.Id, upload.SubmissionId, CancellationToken.None);
        Assert.NotNull(row!.Failure);
        Assert.Single(sendGrid.Accepted, r => r.Key == $"{campaign.Year}|{Almaty.Id}|{EmailKinds.Receipt}|{upload.SubmissionId}");
        var ledger = await server.Get<EmailLedger>().ListAsync(campaign.Year, CancellationToken.None);
        Assert.Equal(EmailStatus.Failed, Assert.Single(ledger, e => e.Key.Kind == EmailKinds.ProcessingFailed).Status);
    }

    [Fact]
    public async Task MalformedPoisonMessagesAreToldOnceOrSetAsideNeverRetriedForever()
    {
        await using var server = await LocalHostServer.StartAsync();
        var queues = new QueueServiceClient(server.Storage);
        var poison = queues.GetQueueClient(server.Names.BlobPoisonQueue);
        var setAside = queues.GetQueueClient(server.Names.BlobPoisonQueue + "-poison");
        await poison.CreateIfNotExistsAsync();

        static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        await poison.SendMessageAsync(Base64("{ this is not the blob trigger's JSON"));
        await poison.SendMessageAsync("%% not base64 at all %%");
        await poison.SendMessageAsync(Base64(JsonSerializer.Serialize(new
        {
            Type = "BlobTrigger", FunctionId = "Host.Functions.SomeOtherFunction", BlobType = "BlockBlob", ContainerName = "other", BlobName = "x", ETag = "\"0x1\"",
        })));

        // The JSON that names no blob is e-mailed; the text that is not base64 cannot reach the function and is set aside.
        await Eventually.Until(() => Task.FromResult(Hq(server, EmailKinds.ProcessingFailed).Count), n => n > 0);
        Assert.Equal(1, await Eventually.Until(() => CountAsync(setAside), n => n > 0));
        Assert.Equal(0, await Eventually.Until(() => CountAsync(poison), n => n == 0));
        // Several more polls of both queues: nothing comes back, nothing is sent again.
        await Task.Delay(TimeSpan.FromSeconds(1));

        var told = Assert.Single(Hq(server, EmailKinds.ProcessingFailed));
        Assert.Contains("this is not the blob trigger's JSON", told.TextBody, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(poison));
        var kept = Assert.Single((await setAside.PeekMessagesAsync(10)).Value);
        Assert.Equal("%% not base64 at all %%", kept.MessageText);
        Assert.Single(server.Outbox.Messages());
    }
}
