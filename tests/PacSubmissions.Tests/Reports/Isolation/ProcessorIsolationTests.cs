using System.Security.Cryptography;
using Azure.Storage.Blobs;
using PacSubmissions.Reports;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Reports.Isolation;

/// <summary>The processor on real Azurite, reading through its reader processes as the Functions app does.</summary>
[Collection(AloneOnTheMachine.Name)]
[Trait("Category", "Slow")]
public sealed class ProcessorIsolationTests
{
    [Fact]
    public async Task ProcessorSurvivesAFileThatBreaksTheReaderWhileOtherReportsAreProcessed()
    {
        await using var pipeline = await TestPipeline.StartAsync(settings: new() { ["Reports:Timeout"] = "00:00:05", ["Reader:Processes"] = "2" });
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow), TestData.Centre(), TestData.Centre("br-rio", "PAC Centre Rio"),
            TestData.Centre("kr-seoul", "PAC Centre Seoul"), TestData.Centre("za-pretoria", "PAC Centre Pretoria"));
        var hostile = await StoreAsync(pipeline, "kz-almaty", "nested.docx", CrashShapes.DeeplyNestedDocx(), minute: 1);
        var absurdXref = await StoreAsync(pipeline, "za-pretoria", "xref.pdf", CrashShapes.PdfWithAbsurdXrefWidths(), minute: 2);
        var korea = await StoreAsync(pipeline, "kr-seoul", "korea-2021.docx", await File.ReadAllBytesAsync(Samples.PathOf("korea-2021.docx")), minute: 3);
        var brazil = await StoreAsync(pipeline, "br-rio", "brazil-2021.pdf", await File.ReadAllBytesAsync(Samples.PathOf("brazil-2021.pdf")), minute: 4);
        var processor = pipeline.Get<SubmissionProcessor>();

        await Task.WhenAll(new[] { hostile, korea, absurdXref, brazil }.Select(blob => processor.ProcessAsync(blob, CancellationToken.None)));

        var rows = (await pipeline.Get<SubmissionStore>().ListAsync(2030, CancellationToken.None)).ToDictionary(r => r.CentreId);
        Assert.Equal(ReportStatus.Unreadable, rows["kz-almaty"].Check?.Status);
        Assert.Equal(ReportStatus.Unreadable, rows["za-pretoria"].Check?.Status);
        Assert.Equal(ReportStatus.Valid, rows["kr-seoul"].Check?.Status);
        Assert.Equal(ReportStatus.Valid, rows["br-rio"].Check?.Status);
        Assert.All(rows.Values, r => Assert.Equal(64, r.Sha256.Length));
        // Every upload got its receipt, the broken ones included: nothing was lost with the reader that died.
        Assert.Equal(4, pipeline.Outbox.To(TestSettings.HqAddress).Count);
    }

    private static async Task<BlobClient> StoreAsync(TestPipeline pipeline, string centre, string fileName, byte[] bytes, int minute)
    {
        var receivedAt = new DateTimeOffset(2030, 7, 1, 9, minute, 0, TimeSpan.Zero);
        var submission = new SubmissionBlob(centre, 2030, SubmissionBlob.NewSubmissionId(receivedAt), receivedAt, Late: false, fileName,
            bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var blob = pipeline.Get<PacStorage>().Reports.GetBlobClient(submission.BlobName);
        await blob.UploadAsync(new BinaryData(bytes), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = submission.ToMetadata() });
        return blob;
    }
}
