using System.IO.Compression;
using PacSubmissions.Email;
using PacSubmissions.Exports;
using PacSubmissions.Overview;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Exports;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Submissions;

public sealed class CountingVersionTests
{
    private static readonly DateTimeOffset First = new(2030, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static Submission Version(DateTimeOffset at, ReportStatus? status, ProcessingFailure? failure = null) =>
        new("kz-almaty", 2030, PacSubmissions.Submissions.SubmissionBlob.NewSubmissionId(at), $"2030/kz-almaty/{at.Ticks}", "r.docx", 10, "00", at, false, at,
            status is { } s ? new SubmissionCheck(s, "docx", [], [], [], null, null, null, [], [], 1, 10) : null, failure);

    [Fact]
    public void AnUnreadableUploadDoesNotReplaceAReadableOne()
    {
        var good = Version(First, ReportStatus.Valid);

        Assert.Same(good, CountingVersion.Of([good, Version(First.AddDays(1), ReportStatus.Unreadable), Version(First.AddDays(2), ReportStatus.Unreadable)]));
    }

    [Fact]
    public void AnUploadThatCouldNotBeProcessedDoesNotReplaceAReadableOne()
    {
        var incomplete = Version(First, ReportStatus.Incomplete);

        Assert.Same(incomplete, CountingVersion.Of([Version(First.AddDays(1), null, new ProcessingFailure(First.AddDays(1), "The reader crashed.")), incomplete]));
    }

    [Fact]
    public void TheNewestReadableUploadCountsEvenWhenItIsIncomplete()
    {
        var newer = Version(First.AddDays(1), ReportStatus.Incomplete);

        Assert.Same(newer, CountingVersion.Of([Version(First, ReportStatus.Valid), newer]));
    }

    [Fact]
    public void WithNothingReadableTheNewestUnreadableUploadCounts()
    {
        var newest = Version(First.AddDays(1), ReportStatus.Unreadable);

        Assert.Same(newest, CountingVersion.Of([Version(First, ReportStatus.Unreadable), newest]));
    }

    [Fact]
    public void AnUploadFromBeforeTheReaderExistedCountsAsReadable()
    {
        var legacy = Version(First, status: null);

        Assert.Same(legacy, CountingVersion.Of([legacy, Version(First.AddDays(1), ReportStatus.Unreadable)]));
    }

    [Fact]
    public void HqsChoiceCountsUntilAReadableVersionArrivesAfterIt()
    {
        var chosen = Version(First, ReportStatus.Incomplete) with { ChosenByHqAt = First.AddDays(2) };
        var before = Version(First.AddDays(1), ReportStatus.Valid);
        var brokenAfter = Version(First.AddDays(3), ReportStatus.Unreadable);
        var readableAfter = Version(First.AddDays(4), ReportStatus.Valid);

        Assert.Same(chosen, CountingVersion.Of([chosen, before, brokenAfter]));
        Assert.Same(readableAfter, CountingVersion.Of([chosen, before, brokenAfter, readableAfter]));
    }

    [Fact]
    public void ACentreWithoutUploadsHasNoCountingVersion() => Assert.Null(CountingVersion.Of([]));

    [Fact]
    public async Task ABrokenUploadAfterAGoodOneLeavesTheGoodOneInTheTableTheExportsAndTheDigest()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var centre = TestData.Centre("kr-seoul", "PAC Centre Seoul");
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(now, ExportScenario.Year), centre);
        var good = await ExportScenario.UploadAsync(pipeline.Services, centre, ExportScenario.Sample("korea-2021.docx"), now.AddHours(-3), late: false);
        // The truncated file comes later, and late: were it to count, the centre would read as unreadable and late.
        await ExportScenario.UploadAsync(pipeline.Services, centre, ExportScenario.Sample("truncated.docx"), now.AddHours(-1), late: true);

        var overview = (await pipeline.Get<CampaignOverviews>().LoadAsync(ExportScenario.Year, CancellationToken.None))!;
        var row = Assert.Single(overview.Centres);
        Assert.Equal((CentreReportState.OnTime, good, 2), (row.State, row.Counting?.BlobName, row.Versions));
        Assert.NotEmpty(row.SectionsAnswered);

        var exports = pipeline.Get<CampaignExports>();
        using var zip = new MemoryStream();
        await exports.WriteAsync(overview, CampaignExportKind.Reports, zip, CancellationToken.None);
        zip.Position = 0;
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Read))
        {
            var entry = Assert.Single(archive.Entries);
            Assert.Equal("kr-seoul-2030.docx", entry.FullName);
            await using var content = entry.Open();
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            Assert.Equal(ExportScenario.Sample("korea-2021.docx"), copy.ToArray());
        }

        using var html = new MemoryStream();
        await exports.WriteAsync(overview, CampaignExportKind.CompiledHtml, html, CancellationToken.None);
        var reading = (await pipeline.Get<ReadingArchive>().FindAsync(good, CancellationToken.None))!;
        var answer = reading.Sections.First(s => s.Answered).Text.Trim().Split('\n')[0].Trim();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(answer), System.Text.Encoding.UTF8.GetString(html.ToArray()), StringComparison.Ordinal);

        using var table = new MemoryStream();
        await exports.WriteAsync(overview, CampaignExportKind.Table, table, CancellationToken.None);
        Assert.Contains("on time", System.Text.Encoding.UTF8.GetString(table.ToArray()), StringComparison.Ordinal);

        var statuses = CentreStatus.Of([centre], await pipeline.Get<SubmissionStore>().ListAsync(ExportScenario.Year, CancellationToken.None), now);
        var digest = pipeline.Get<HqEmails>().WeeklyDigest(overview.Campaign, "week-01", statuses, []);
        Assert.Contains("Complete, on time: 1 of 1.", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Unreadable (nothing the centre sent could be read): 0 of 1.", digest.Text, StringComparison.Ordinal);
    }
}
