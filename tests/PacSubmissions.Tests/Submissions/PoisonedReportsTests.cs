using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PacSubmissions.Email;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Submissions;

/// <summary>
/// The poison handler on real Azurite: what it records and who it tells for each kind of poisoned blob, and that a
/// message delivered again changes nothing and sends nothing twice.
/// </summary>
public sealed class PoisonedReportsTests
{
    private const string Processor = "ProcessReport";
    private static readonly DateTimeOffset Now = new(2030, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<TestPipeline> StartAsync(FakeTimeProvider clock)
    {
        var pipeline = await TestPipeline.StartAsync(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(Now), TestData.Centre());
        return pipeline;
    }

    private static string Message(string container, string blobName, string function = "Host.Functions." + Processor) =>
        JsonSerializer.Serialize(new { Type = "BlobTrigger", FunctionId = function, BlobType = "BlockBlob", ContainerName = container, BlobName = blobName, ETag = "\"0x8DC0FFEE\"" });

    /// <summary>A report blob as the upload writes it, whose bytes were then changed, so the processor fails on it every time.</summary>
    private static async Task<SubmissionBlob> TamperedUploadAsync(TestPipeline pipeline, string fileName = "Rapport annuel 2030.docx")
    {
        var original = await File.ReadAllBytesAsync(Samples.PathOf("korea-2021.docx"));
        var upload = new SubmissionBlob("kz-almaty", 2030, SubmissionBlob.NewSubmissionId(Now.AddMinutes(-20)), Now.AddMinutes(-20), false, fileName,
            original.Length, Convert.ToHexStringLower(SHA256.HashData(original)));
        var changed = original.Concat("changed after upload"u8.ToArray()).ToArray();
        await pipeline.Get<PacStorage>().Reports.GetBlobClient(upload.BlobName)
            .UploadAsync(BinaryData.FromBytes(changed), new BlobUploadOptions { Metadata = upload.ToMetadata() });
        return upload;
    }

    private static IReadOnlyList<MimeMessage> FailureEmails(TestPipeline pipeline) =>
        [.. pipeline.Outbox.To(TestSettings.HqAddress).Where(m => m.Headers["X-Pac-Email-Key"]?.Contains("|processing-failed|", StringComparison.Ordinal) == true)];

    [Fact]
    public async Task WithScanningOnAReportDefenderNeverScannedIsMarkedFailedWithThatReason()
    {
        var clock = new FakeTimeProvider(Now);
        await using var pipeline = await TestPipeline.StartAsync(
            services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
            new Dictionary<string, string?> { ["MalwareScanning:Enabled"] = "true" });
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(Now), TestData.Centre());
        var bytes = await File.ReadAllBytesAsync(Samples.PathOf("korea-2021.docx"));
        var upload = new SubmissionBlob("kz-almaty", 2030, SubmissionBlob.NewSubmissionId(Now.AddMinutes(-20)), Now.AddMinutes(-20), false, "r.docx",
            bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        await pipeline.Get<PacStorage>().Reports.GetBlobClient(upload.BlobName)
            .UploadAsync(BinaryData.FromBytes(bytes), new BlobUploadOptions { Metadata = upload.ToMetadata() });

        var outcome = await pipeline.Get<PoisonedReports>().HandleAsync(Message(pipeline.Names.ReportsContainer, upload.BlobName), Now.AddMinutes(-1), Processor, CancellationToken.None);

        Assert.Equal(PoisonOutcome.Recorded, outcome);
        var row = await pipeline.Get<SubmissionStore>().FindAsync(2030, "kz-almaty", upload.SubmissionId, CancellationToken.None);
        Assert.Contains("no malware scan verdict", row!.Failure!.Reason, StringComparison.Ordinal);
        Assert.Contains("no malware scan verdict", Assert.Single(FailureEmails(pipeline)).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedReportIsMarkedFailedAndHqIsToldOnceAcrossTwoDeliveries()
    {
        var clock = new FakeTimeProvider(Now);
        await using var pipeline = await StartAsync(clock);
        var upload = await TamperedUploadAsync(pipeline);
        var handler = pipeline.Get<PoisonedReports>();
        var message = Message(pipeline.Names.ReportsContainer, upload.BlobName);

        var first = await handler.HandleAsync(message, Now.AddMinutes(-1), Processor, CancellationToken.None);
        var second = await handler.HandleAsync(message, Now.AddMinutes(-1), Processor, CancellationToken.None);

        Assert.Equal(PoisonOutcome.Recorded, first);
        Assert.Equal(PoisonOutcome.Recorded, second);
        var row = await pipeline.Get<SubmissionStore>().FindAsync(2030, "kz-almaty", upload.SubmissionId, CancellationToken.None);
        Assert.Null(row!.Check);
        Assert.Contains("changed after upload", row.Failure!.Reason, StringComparison.Ordinal);
        Assert.Equal("Rapport annuel 2030.docx", row.OriginalFileName);
        var email = Assert.Single(FailureEmails(pipeline));
        Assert.Equal($"2030|kz-almaty|processing-failed|{upload.SubmissionId}", email.Headers["X-Pac-Email-Key"]);
        Assert.Contains("PAC Centre Almaty", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Rapport annuel 2030.docx", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("/api/dashboard/2030/centres/kz-almaty", email.TextBody, StringComparison.Ordinal);
        // The coordinator gets the plain receipt, once, with nothing in it about a failure.
        var receipt = Assert.Single(pipeline.Outbox.To("coordinator@pac-test.example"));
        Assert.DoesNotContain("fail", receipt.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RowThatASuccessfulRunWroteAfterThePoisoningIsLeftAlone()
    {
        var clock = new FakeTimeProvider(Now);
        await using var pipeline = await StartAsync(clock);
        var upload = await TamperedUploadAsync(pipeline);
        var store = pipeline.Get<SubmissionStore>();
        // A re-check that got through after the host gave up (the file was put right in between).
        var good = new Submission("kz-almaty", 2030, upload.SubmissionId, upload.BlobName, upload.OriginalFileName, upload.Bytes, upload.Sha256,
            upload.ReceivedAt, false, Now, new SubmissionCheck(PacSubmissions.Reports.ReportStatus.Valid, "docx", [], [], [], null, null, null, [], [], 3, 900));
        await store.SaveAsync(good, CancellationToken.None);

        var outcome = await pipeline.Get<PoisonedReports>().HandleAsync(
            Message(pipeline.Names.ReportsContainer, upload.BlobName), Now.AddMinutes(-5), Processor, CancellationToken.None);

        Assert.Equal(PoisonOutcome.Superseded, outcome);
        var row = await store.FindAsync(2030, "kz-almaty", upload.SubmissionId, CancellationToken.None);
        Assert.NotNull(row!.Check);
        Assert.Null(row.Failure);
        Assert.Empty(pipeline.Outbox.Messages());
    }

    [Fact]
    public async Task GoneBlobIsDescribedToHqOnceAndNothingIsRecorded()
    {
        await using var pipeline = await StartAsync(new FakeTimeProvider(Now));
        var id = SubmissionBlob.NewSubmissionId(Now);
        var message = Message(pipeline.Names.ReportsContainer, SubmissionBlob.NameFor(2030, "kz-almaty", id));
        var handler = pipeline.Get<PoisonedReports>();

        Assert.Equal(PoisonOutcome.Described, await handler.HandleAsync(message, Now, Processor, CancellationToken.None));
        Assert.Equal(PoisonOutcome.Described, await handler.HandleAsync(message, Now, Processor, CancellationToken.None));

        Assert.Empty(await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None));
        var email = Assert.Single(FailureEmails(pipeline));
        Assert.Equal($"2030|kz-almaty|processing-failed|{id}", email.Headers["X-Pac-Email-Key"]);
        Assert.Contains("no longer exists", email.TextBody, StringComparison.Ordinal);
        Assert.Empty(pipeline.Outbox.To("coordinator@pac-test.example"));
    }

    [Fact]
    public async Task BlobWithoutUploadRecordIsDescribedToHqOnce()
    {
        await using var pipeline = await StartAsync(new FakeTimeProvider(Now));
        var stray = $"2030/kz-almaty/stray-{Guid.NewGuid():N}.pdf";
        await pipeline.Get<PacStorage>().Reports.GetBlobClient(stray).UploadAsync(BinaryData.FromString("put here by hand"));
        var handler = pipeline.Get<PoisonedReports>();
        var message = Message(pipeline.Names.ReportsContainer, stray);

        Assert.Equal(PoisonOutcome.Described, await handler.HandleAsync(message, Now, Processor, CancellationToken.None));
        Assert.Equal(PoisonOutcome.Described, await handler.HandleAsync(message, Now, Processor, CancellationToken.None));

        var email = Assert.Single(FailureEmails(pipeline));
        Assert.Contains(stray, email.TextBody, StringComparison.Ordinal);
        Assert.Contains("no upload record", email.TextBody, StringComparison.Ordinal);
        Assert.Empty(await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None));
    }

    [Fact]
    public async Task BlobOutsideTheReportsContainerIsNotOpened()
    {
        await using var pipeline = await StartAsync(new FakeTimeProvider(Now));

        var outcome = await pipeline.Get<PoisonedReports>().HandleAsync(
            Message("someone-elses", "2030/kz-almaty/x"), Now, Processor, CancellationToken.None);

        Assert.Equal(PoisonOutcome.Described, outcome);
        Assert.Contains("not in the reports container", Assert.Single(FailureEmails(pipeline)).TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not JSON")]
    [InlineData("{\"FunctionId\":\"Host.Functions.ProcessReport\"}")]
    [InlineData("[1,2,3]")]
    public async Task MalformedMessageIsSentToHqOnceAndNotThrown(string message)
    {
        await using var pipeline = await StartAsync(new FakeTimeProvider(Now));
        var handler = pipeline.Get<PoisonedReports>();

        Assert.Equal(PoisonOutcome.Malformed, await handler.HandleAsync(message, Now, Processor, CancellationToken.None));
        Assert.Equal(PoisonOutcome.Malformed, await handler.HandleAsync(message, Now, Processor, CancellationToken.None));

        var email = Assert.Single(FailureEmails(pipeline));
        Assert.StartsWith("2030|hq|processing-failed|message-", email.Headers["X-Pac-Email-Key"], StringComparison.Ordinal);
        Assert.Contains(message, email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageAboutAnotherFunctionsBlobIsIgnored()
    {
        await using var pipeline = await StartAsync(new FakeTimeProvider(Now));
        var upload = await TamperedUploadAsync(pipeline);

        var outcome = await pipeline.Get<PoisonedReports>().HandleAsync(
            Message(pipeline.Names.ReportsContainer, upload.BlobName, "Host.Functions.SomethingElse"), Now, Processor, CancellationToken.None);

        Assert.Equal(PoisonOutcome.Ignored, outcome);
        Assert.Empty(pipeline.Outbox.Messages());
        Assert.Empty(await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None));
    }

    [Fact]
    public async Task ReminderRunDoesNotSendHqAReceivedEmailForAFailedUpload()
    {
        var clock = new FakeTimeProvider(Now);
        await using var pipeline = await StartAsync(clock);
        var upload = await TamperedUploadAsync(pipeline);
        await pipeline.Get<PoisonedReports>().HandleAsync(Message(pipeline.Names.ReportsContainer, upload.BlobName), Now, Processor, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));

        var planned = await pipeline.Get<PacSubmissions.Reminders.ReminderRun>().PlanAsync(clock.GetUtcNow(), CancellationToken.None);

        Assert.DoesNotContain(planned, p => p.Key.Detail == upload.SubmissionId);
    }

    [Fact]
    public async Task HqEmailThatCouldNotBeSentIsSentByTheReminderRunFromTheRow()
    {
        var clock = new FakeTimeProvider(Now);
        await using var pipeline = await StartAsync(clock);
        var upload = await TamperedUploadAsync(pipeline);
        // The row was marked, but SendGrid stayed down past the poison queue's last try: no e-mail went out.
        var failed = new Submission("kz-almaty", 2030, upload.SubmissionId, upload.BlobName, upload.OriginalFileName, upload.Bytes, upload.Sha256,
            upload.ReceivedAt, false, Now, Check: null, new ProcessingFailure(Now, "The file in storage does not match the SHA-256 recorded at upload."));
        Assert.True(await pipeline.Get<SubmissionStore>().RecordFailureAsync(failed, Now, CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(1));

        var run = await pipeline.Get<PacSubmissions.Reminders.ReminderRun>().RunAsync(CancellationToken.None);

        Assert.Contains(run, r => r.Planned.Key.Kind == EmailKinds.ProcessingFailed && r.Planned.Key.Detail == upload.SubmissionId);
        Assert.DoesNotContain(run, r => r.Planned.Key.Kind == EmailKinds.SubmissionReceived);
        var email = Assert.Single(FailureEmails(pipeline));
        Assert.Contains("Rapport annuel 2030.docx", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("does not match the SHA-256", email.TextBody, StringComparison.Ordinal);
    }
}
