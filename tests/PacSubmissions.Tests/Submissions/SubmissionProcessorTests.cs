using Azure.Storage.Blobs;
using PacSubmissions.Reports;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Submissions;

public sealed class SubmissionProcessorTests
{
    private static async Task<BlobClient> StoreReportAsync(TestPipeline pipeline, SubmissionBlob submission, string sample)
    {
        var blob = pipeline.Get<PacStorage>().Reports.GetBlobClient(submission.BlobName);
        await using var file = File.OpenRead(Samples.PathOf(sample));
        await blob.UploadAsync(file, new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = submission.ToMetadata() });
        return blob;
    }

    private static SubmissionBlob Uploaded(string sample, bool late = false)
    {
        var bytes = File.ReadAllBytes(Samples.PathOf(sample));
        var receivedAt = new DateTimeOffset(2030, 7, 1, 9, 30, 0, TimeSpan.Zero);
        return new SubmissionBlob("kz-almaty", 2030, SubmissionBlob.NewSubmissionId(receivedAt), receivedAt, late, sample,
            bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task ProcessingTheSameBlobTwiceLeavesOneRowAndOneEmailEach()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow), TestData.Centre());
        var uploaded = Uploaded("korea-2021.docx");
        var blob = await StoreReportAsync(pipeline, uploaded, "korea-2021.docx");
        var processor = pipeline.Get<SubmissionProcessor>();

        await processor.ProcessAsync(blob, CancellationToken.None);
        await processor.ProcessAsync(blob, CancellationToken.None);

        var row = Assert.Single(await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None));
        Assert.Equal(uploaded.SubmissionId, row.SubmissionId);
        Assert.Equal(uploaded.Sha256, row.Sha256);
        Assert.Equal(uploaded.ReceivedAt, row.ReceivedAt);
        Assert.Single(pipeline.Outbox.To(TestSettings.HqAddress));
        Assert.Single(pipeline.Outbox.To(TestData.Centre().CoordinatorEmail));
        Assert.Equal(2, pipeline.Outbox.Messages().Count);
    }

    [Fact]
    public async Task LateSubmissionIsRecordedLateAndHqIsToldSo()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow), TestData.Centre());
        var blob = await StoreReportAsync(pipeline, Uploaded("china-2021.docx", late: true), "china-2021.docx");

        await pipeline.Get<SubmissionProcessor>().ProcessAsync(blob, CancellationToken.None);

        Assert.True(Assert.Single(await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None)).Late);
        Assert.Contains("LATE", Assert.Single(pipeline.Outbox.To(TestSettings.HqAddress)).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlobWithoutUploadMetadataIsRefusedAndNothingIsRecorded()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var blob = pipeline.Get<PacStorage>().Reports.GetBlobClient("2030/kz-almaty/stray");
        await blob.UploadAsync(BinaryData.FromString("not uploaded through a link"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => pipeline.Get<SubmissionProcessor>().ProcessAsync(blob, CancellationToken.None));

        Assert.Contains("2030/kz-almaty/stray", error.Message, StringComparison.Ordinal);
        Assert.Empty(await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None));
        Assert.Empty(pipeline.Outbox.Messages());
    }

    [Fact]
    public async Task BlobChangedAfterUploadIsRefused()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var uploaded = Uploaded("korea-2021.docx") with { Sha256 = new string('0', 64) };
        var blob = await StoreReportAsync(pipeline, uploaded, "korea-2021.docx");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => pipeline.Get<SubmissionProcessor>().ProcessAsync(blob, CancellationToken.None));

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
        Assert.Empty(await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None));
    }

    [Fact]
    public async Task HqEmailShowsReportValuesAsTextNotMarkup()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow),
            TestData.Centre(name: "<script>alert('x')</script> Centre"));
        var blob = await StoreReportAsync(pipeline, Uploaded("korea-2021.docx") with { OriginalFileName = "<b>report</b>.docx" }, "korea-2021.docx");

        await pipeline.Get<SubmissionProcessor>().ProcessAsync(blob, CancellationToken.None);

        var html = Assert.Single(pipeline.Outbox.To(TestSettings.HqAddress)).HtmlBody;
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>report", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordedSubmissionCarriesItsCheckAndTheFullReadingIsKept()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow), TestData.Centre());
        var blob = await StoreReportAsync(pipeline, Uploaded("incomplete-2021.docx"), "incomplete-2021.docx");

        await pipeline.Get<SubmissionProcessor>().ProcessAsync(blob, CancellationToken.None);

        var check = Assert.Single(await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None)).Check;
        Assert.NotNull(check);
        Assert.Equal(ReportStatus.Incomplete, check.Status);
        Assert.Equal("docx", check.Format);
        Assert.Equal(["centre", "international-cooperation"], check.SectionsAnswered.Order(StringComparer.Ordinal));
        Assert.Equal(["local-cooperation", "workshops", "ifla-initiatives"], check.Problems.Select(p => p.Section));
        Assert.Equal("National Library of South Africa", check.Institution);
        var reading = await pipeline.Get<ReadingArchive>().FindAsync(blob.Name, CancellationToken.None);
        Assert.NotNull(reading);
        Assert.Contains(reading.Sections, s => s.Key == "centre" && s.Answered && s.Text.Length > 0);
        Assert.Contains("incomplete", Assert.Single(pipeline.Outbox.To(TestSettings.HqAddress)).TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReportMarkedMaliciousIsRecordedUnreadWithTheReason()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow), TestData.Centre());
        var blob = await StoreReportAsync(pipeline, Uploaded("korea-2021.docx"), "korea-2021.docx");
        await blob.SetTagsAsync(new Dictionary<string, string> { [MalwareScanVerdict.TagName] = MalwareScanVerdict.MaliciousValue });

        await pipeline.Get<SubmissionProcessor>().ProcessAsync(blob, CancellationToken.None);

        var row = Assert.Single(await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None));
        Assert.Equal(ReportStatus.Unreadable, row.Check?.Status);
        Assert.Equal([ProblemCodes.Malicious], row.Check!.Problems.Select(p => p.Code));
        Assert.Empty(row.Check.SectionsFound);
        Assert.Contains("malware", Assert.Single(pipeline.Outbox.To(TestSettings.HqAddress)).TextBody, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Malware scanning on, with waits short enough for a test (the real wait is minutes).</summary>
    private static Dictionary<string, string?> ScanningOn(string wait) => new()
    {
        ["MalwareScanning:Enabled"] = "true",
        ["MalwareScanning:VerdictWait"] = wait,
        ["MalwareScanning:PollInterval"] = "00:00:00.050",
    };

    [Fact]
    public async Task WithScanningOnAReportWithoutAVerdictIsNotReadAndTheHostIsToldToRetry()
    {
        await using var pipeline = await TestPipeline.StartAsync(settings: ScanningOn("00:00:00.300"));
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow), TestData.Centre());
        var blob = await StoreReportAsync(pipeline, Uploaded("korea-2021.docx"), "korea-2021.docx");

        var error = await Assert.ThrowsAsync<MalwareScanPendingException>(() => pipeline.Get<SubmissionProcessor>().ProcessAsync(blob, CancellationToken.None));

        Assert.Contains("has not scanned it yet", error.Message, StringComparison.Ordinal);
        Assert.Empty(await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None));
        Assert.Empty(pipeline.Outbox.To(TestSettings.HqAddress));
    }

    [Theory]
    [InlineData(MalwareScanVerdict.CleanValue, false)]
    [InlineData(MalwareScanVerdict.MaliciousValue, true)]
    public async Task WithScanningOnTheProcessorWaitsForTheVerdictDefenderWritesAfterTheUpload(string verdict, bool malicious)
    {
        await using var pipeline = await TestPipeline.StartAsync(settings: ScanningOn("00:00:30"));
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow), TestData.Centre());
        var blob = await StoreReportAsync(pipeline, Uploaded("korea-2021.docx"), "korea-2021.docx");

        var processing = pipeline.Get<SubmissionProcessor>().ProcessAsync(blob, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        Assert.False(processing.IsCompleted, "The processor went on before the scan's verdict was there.");
        Assert.Empty(await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None));
        await blob.SetTagsAsync(new Dictionary<string, string> { [MalwareScanVerdict.TagName] = verdict });
        await processing;

        var row = Assert.Single(await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None));
        Assert.Equal(malicious, row.MarkedMalicious());
        // A clean report is read (its sections found); a malicious one is recorded unread.
        Assert.Equal(!malicious, row.Check!.SectionsFound.Count > 0);
    }
}
