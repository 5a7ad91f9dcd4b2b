using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Mvc;
using PacSubmissions.Languages;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;
using PacSubmissions.Upload.Page;

namespace PacSubmissions.Tests.Upload;

/// <summary>
/// The per-link limits (uploads an hour, bytes a campaign) over real HTTP through the local host on Azurite, and what a
/// refused or cut-off upload leaves in storage: nothing, not even uncommitted blocks.
/// </summary>
public sealed class UploadLimitsTests
{
    private const int Block = BlockUpload.BlockSize;

    private static Dictionary<string, string?> Limits(int perHour = 1000, long campaignBytes = 1L << 40, long maxBytes = 50L * 1024 * 1024) => new()
    {
        ["Upload:UploadsPerHour"] = perHour.ToString(CultureInfo.InvariantCulture),
        ["Upload:MaxCampaignBytes"] = campaignBytes.ToString(CultureInfo.InvariantCulture),
        ["Upload:MaxBytes"] = maxBytes.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task AnUploadOverTheHourlyLimitGets429WithTheSecondsUntilAPlaceFreesAndTheMessageInTheCoordinatorsLanguage()
    {
        await using var site = await UploadSite.StartAsync(settings: Limits(perHour: 2));
        var firstAt = site.Clock.GetUtcNow();
        using (var first = await PostAsync(site, Pdf(2000), "fr"))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        site.Clock.Advance(TimeSpan.FromMinutes(10));
        using (var second = await PostAsync(site, Pdf(2000), "fr"))
        {
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        }

        site.Clock.Advance(TimeSpan.FromMinutes(5));
        using var third = await PostAsync(site, Pdf(2000), "fr");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        // The first upload leaves the hour 45 minutes from now: then one more is taken.
        Assert.Equal(TimeSpan.FromMinutes(45), third.Headers.RetryAfter?.Delta);
        var expected = UploadPage.Format(Texts.French.ErrorTooManyUploads, 2, UploadPage.Local(Texts.French, firstAt + UploadLimits.Hour, site.Centre.TimeZone));
        Assert.Equal(expected, (await third.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Equal(2, (await ReportBlobsAsync(site, BlobStates.Uncommitted)).Count);

        site.Clock.Advance(TimeSpan.FromMinutes(45));
        using var afterTheWait = await PostAsync(site, Pdf(2000), "fr");
        Assert.Equal(HttpStatusCode.Accepted, afterTheWait.StatusCode);
    }

    [Fact]
    public async Task ABrowserOverTheHourlyLimitGetsTheRefusalPageInItsLanguage()
    {
        await using var site = await UploadSite.StartAsync(settings: Limits(perHour: 1));
        (await PostAsync(site, Pdf(2000), "es")).Dispose();

        using var refused = await PostAsync(site, Pdf(2000), "es", "text/html");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromHours(1), refused.Headers.RetryAfter?.Delta);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains(UploadPage.Format(Texts.Spanish.ErrorTooManyUploads, 1, UploadPage.Local(Texts.Spanish, site.Clock.GetUtcNow() + UploadLimits.Hour, "")),
            page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadsArrivingTogetherCannotBothTakeTheLastPlaceOfTheHour()
    {
        await using var site = await UploadSite.StartAsync(settings: Limits(perHour: 2), processOnDemand: true);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(site, Pdf(3000), "en")));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(4, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(2, (await ReportBlobsAsync(site, BlobStates.Uncommitted)).Count);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task TheCampaignsByteLimitRefuses413WithHqsAddressWhetherTheLengthIsDeclaredOrNotAndStoresNothing()
    {
        const int MB = 1024 * 1024;
        await using var site = await UploadSite.StartAsync(settings: Limits(campaignBytes: 3 * MB, maxBytes: 2 * MB), processOnDemand: true);
        using (var first = await PostAsync(site, Pdf(3 * MB / 2), "de"))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        using var declared = await PostAsync(site, Pdf(8 * MB / 5), "de");
        var chunked = new MultipartFormDataContent { { new StreamContent(new UnseekableStream(Pdf(8 * MB / 5))), "file", "report.pdf" } };
        using var streamed = await SendAsync(site, chunked, "de");
        using var fits = await PostAsync(site, Pdf((3 * MB / 2) - 1000), "de");

        var expected = UploadPage.Format(Texts.German.ErrorCampaignFull, 3, TestSettings.HqAddress);
        foreach (var refused in new[] { declared, streamed })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Null(refused.Headers.RetryAfter);
            Assert.Equal(expected, (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        }

        Assert.Equal(HttpStatusCode.Accepted, fits.StatusCode);
        Assert.Equal(2, (await ReportBlobsAsync(site, BlobStates.Uncommitted)).Count);

        // Full now: even a small file is refused before its body is read.
        using var full = await PostAsync(site, Pdf(2000), "de");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, full.StatusCode);
    }

    [Fact]
    public async Task APostOverTheSizeLimitCutShortOrWithTwoFilesLeavesNoStagedBlocks()
    {
        await using var site = await UploadSite.StartAsync(settings: Limits(maxBytes: 9 * 1024 * 1024), processOnDemand: true);

        // Two whole blocks are staged before the third passes the limit.
        using var tooLarge = await PostAsync(site, Pdf((9 * 1024 * 1024) + 1), "en");
        // Every block staged, then refused at the end: no PDF trailer.
        var noTrailer = Pdf(2 * Block + 5000);
        noTrailer.AsSpan(noTrailer.Length - 100).Clear();
        using var cutShort = await PostAsync(site, noTrailer, "en");
        // The first file is staged whole before the second one is seen.
        using var twoFiles = await SendAsync(site, UploadSite.Form(("file", "a.pdf", Pdf(Block + 10)), ("file", "b.pdf", Pdf(100))), "en");
        // The body stops before its closing boundary: the connection went.
        using var unfinished = await SendAsync(site, Unterminated(Pdf(Block + 10)), "en");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, cutShort.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twoFiles.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unfinished.StatusCode);
        Assert.Empty(await ReportBlobsAsync(site, BlobStates.Uncommitted));
    }

    [Fact]
    public async Task AResumableUploadOverTheHourlyLimitIsRefusedAtItsFirstBlockAndStagesNothing()
    {
        await using var site = await UploadSite.StartAsync(settings: Limits(perHour: 1), processOnDemand: true);
        (await PostAsync(site, Pdf(2000), "en")).Dispose();
        var report = Pdf(Block + 1000);

        using var first = await ResumableUploadTests.StageAsync(site, ResumableUploadTests.NewUploadId(), 0, ResumableUploadTests.Part(report, 0), language: "ru");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), first.Headers.RetryAfter?.Delta);
        Assert.Equal(UploadPage.Format(Texts.Russian.ErrorTooManyUploads, 1, UploadPage.Local(Texts.Russian, site.Clock.GetUtcNow() + UploadLimits.Hour, "")),
            (await first.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Empty(await ResumableUploadTests.IncomingAsync(site));
    }

    [Fact]
    public async Task AResumableCommitRefusedByTheLimitDeletesItsStagedBlocks()
    {
        await using var site = await UploadSite.StartAsync(settings: Limits(perHour: 1), processOnDemand: true);
        var report = Pdf(Block + 1000);
        var upload = ResumableUploadTests.NewUploadId();
        (await ResumableUploadTests.StageAsync(site, upload, 0, ResumableUploadTests.Part(report, 0))).Dispose();
        (await ResumableUploadTests.StageAsync(site, upload, 1, ResumableUploadTests.Part(report, 1))).Dispose();
        Assert.Single(await ResumableUploadTests.IncomingAsync(site));
        // Meanwhile the hour's one place goes to a plain POST.
        (await PostAsync(site, Pdf(2000), "en")).Dispose();

        using var committed = await ResumableUploadTests.CommitAsync(site, upload, "report.pdf", report.Length);

        Assert.Equal(HttpStatusCode.TooManyRequests, committed.StatusCode);
        Assert.NotNull(committed.Headers.RetryAfter);
        Assert.Empty(await ResumableUploadTests.IncomingAsync(site));
        Assert.Single(await ReportBlobsAsync(site, BlobStates.Uncommitted));
    }

    [Fact]
    public async Task AResumableCommitCountsOnceAgainstTheHourEvenWhenRepeatedOrFirstAnsweredPartMissing()
    {
        await using var site = await UploadSite.StartAsync(settings: Limits(perHour: 2), processOnDemand: true);
        var report = Pdf(Block + 1000);
        var upload = ResumableUploadTests.NewUploadId();
        (await ResumableUploadTests.StageAsync(site, upload, 0, ResumableUploadTests.Part(report, 0))).Dispose();
        using (var early = await ResumableUploadTests.CommitAsync(site, upload, "report.pdf", report.Length))
        {
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        }

        (await ResumableUploadTests.StageAsync(site, upload, 1, ResumableUploadTests.Part(report, 1))).Dispose();
        using (var committed = await ResumableUploadTests.CommitAsync(site, upload, "report.pdf", report.Length))
        {
            Assert.Equal(HttpStatusCode.Accepted, committed.StatusCode);
        }

        using (var repeated = await ResumableUploadTests.CommitAsync(site, upload, "report.pdf", report.Length))
        {
            Assert.Equal(HttpStatusCode.Accepted, repeated.StatusCode);
        }

        // One of the two places is left.
        using var post = await PostAsync(site, Pdf(2000), "en");
        using var over = await PostAsync(site, Pdf(2000), "en");
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
    }

    [Fact]
    public async Task ACentresFloodIsRefusedBeforeStorageWhileAnotherCentresUploadIsReadAndRecordedAndHqHearsOfTheFloodOnce()
    {
        var settings = Limits(perHour: 3);
        settings["Email:UploadBurstWindow"] = "00:10:00";
        await using var site = await UploadSite.StartAsync(settings: settings);
        var other = TestData.Centre("br-rio", "PAC Centre Rio", "rio@pac-test.example");
        await TestData.SeedAsync(site.Server.Services, site.Campaign, other);

        // Centre A: twenty junk "PDFs" at once, each a megabyte and a half.
        var flood = Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(site, Pdf(3 * 1024 * 1024 / 2), "en")));
        using var fromB = await site.PostFileAsync(UploadSite.Sample("central-asia-2020.docx"), url: site.LinkFor(other.Id));
        var answers = await flood;

        Assert.Equal(HttpStatusCode.Accepted, fromB.StatusCode);
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(17, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        var rows = await Eventually.Until(() => site.Server.Get<SubmissionStore>().ListAsync(site.Campaign.Year, CancellationToken.None), r => r.Count == 4);
        var fromOther = Assert.Single(rows, r => r.CentreId == other.Id);
        Assert.Equal(PacSubmissions.Reports.ReportStatus.Valid, fromOther.Check?.Status);
        Assert.Equal(3, rows.Count(r => r.CentreId == site.Centre.Id));
        // The refused ones left nothing: three blobs of A, committed, and no staged blocks beside them.
        Assert.Equal(3, (await ReportBlobsAsync(site, BlobStates.Uncommitted)).Count(n => n.StartsWith($"{site.Campaign.Year}/{site.Centre.Id}/", StringComparison.Ordinal)));
        Assert.Equal(3, (await ReportBlobsAsync(site, BlobStates.None)).Count(n => n.StartsWith($"{site.Campaign.Year}/{site.Centre.Id}/", StringComparison.Ordinal)));
        // HQ: one notice for A's burst (the rest come together after the window), one for B; one receipt each.
        await Eventually.Until(() => Task.FromResult(site.Server.Outbox.Messages()), m => m.Count >= 4);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(4, site.Server.Outbox.Messages().Count);
        Assert.Single(site.Server.Outbox.To(site.Centre.CoordinatorEmail));
        Assert.Single(site.Server.Outbox.To(other.CoordinatorEmail));
        Assert.Equal(2, site.Server.Outbox.To(TestSettings.HqAddress).Count);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public void TheDefaultsAllowAFewVersionsAnHourAndFiveReportsOfTheLargestSize()
    {
        var defaults = new UploadOptions();

        Assert.Equal(10, defaults.UploadsPerHour);
        Assert.Equal(5 * defaults.MaxBytes, defaults.MaxCampaignBytes);
    }

    /// <summary>A PDF's header and trailer with filler between: whole to the upload's eye, which looks at both ends only.</summary>
    private static byte[] Pdf(int length)
    {
        var bytes = new byte[length];
        RandomNumberGenerator.Fill(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        "startxref\n0\n%%EOF\n"u8.CopyTo(bytes.AsSpan(length - 18));
        return bytes;
    }

    private static Task<HttpResponseMessage> PostAsync(UploadSite site, byte[] file, string language, string accept = "application/json") =>
        SendAsync(site, UploadSite.Form(("file", "report.pdf", file)), language, accept);

    private static Task<HttpResponseMessage> SendAsync(UploadSite site, HttpContent content, string language, string accept = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, site.Url) { Content = content };
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.AcceptLanguage.ParseAdd(language);
        return site.Client.SendAsync(request);
    }

    /// <summary>A multipart body whose closing boundary never comes.</summary>
    private static ByteArrayContent Unterminated(byte[] file)
    {
        const string boundary = "pac-test-boundary";
        var head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n");
        var content = new ByteArrayContent([.. head, .. file]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    /// <summary>Every blob of the reports container, committed or (with <see cref="BlobStates.Uncommitted"/>) only staged.</summary>
    private static Task<IReadOnlyList<string>> ReportBlobsAsync(UploadSite site, BlobStates states) =>
        NamesAsync(site.Server.Get<PacStorage>().Reports, states);

    private static async Task<IReadOnlyList<string>> NamesAsync(BlobContainerClient container, BlobStates states)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, states, null, CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>A body whose length HttpClient cannot know, so it is sent chunked and only streaming can catch the size.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
