using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Mvc;
using PacSubmissions.Http;
using PacSubmissions.Languages;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Upload;

/// <summary>The page script's upload in blocks, over real HTTP through the local host, on Azurite.</summary>
public sealed class ResumableUploadTests
{
    private const int Block = BlockUpload.BlockSize;

    /// <summary>A real report of a little over two blocks, so it has three: two whole and a short last one.</summary>
    private static readonly byte[] Report = LargeReport.Docx("central-asia-2020.docx", (2 * Block) + 300_000);

    [Fact]
    public async Task BlocksSentInAnyOrderAreListedThenCommittedAsOneVersionWithTheFilesHashAndItsCheck()
    {
        await using var site = await UploadSite.StartAsync();
        var upload = NewUploadId();
        Assert.True(Report.Length is > 2 * Block and < 3 * Block);

        Assert.Empty(await ListAsync(site, upload));
        using (var staged = await StageAsync(site, upload, 2, Part(Report, 2)))
        {
            Assert.Equal(HttpStatusCode.OK, staged.StatusCode);
            Assert.Equal(new StagedBlock(2, Report.Length - (2 * Block)), await staged.Content.ReadFromJsonAsync<StagedBlock>());
        }

        (await StageAsync(site, upload, 0, Part(Report, 0))).Dispose();
        Assert.Equal([new StagedBlock(0, Block), new StagedBlock(2, Report.Length - (2 * Block))], await ListAsync(site, upload));
        (await StageAsync(site, upload, 1, Part(Report, 1))).Dispose();

        using var committed = await CommitAsync(site, upload, "Отчёт 2030.docx", Report.Length);

        Assert.Equal(HttpStatusCode.Accepted, committed.StatusCode);
        var accepted = (await committed.Content.ReadFromJsonAsync<UploadAccepted>())!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Report)), accepted.Sha256);
        Assert.Equal(Report.Length, accepted.Bytes);
        Assert.Equal("Отчёт 2030.docx", accepted.FileName);
        Assert.Equal($"{site.Url}/status/{accepted.SubmissionId}", accepted.StatusUrl);
        var stored = await site.Server.Get<PacStorage>().Reports.GetBlobClient(SubmissionBlob.NameFor(site.Campaign.Year, site.Centre.Id, accepted.SubmissionId))
            .DownloadContentAsync();
        Assert.Equal(Report, stored.Value.Content.ToArray());
        Assert.Empty(await IncomingAsync(site));

        // The blob trigger checks it like any upload: one row, HQ's notice and the coordinator's receipt.
        var status = await Eventually.Until(() => site.Server.Get<UploadHistory>().FindAsync(site.Campaign.Year, site.Centre.Id, accepted.SubmissionId, CancellationToken.None),
            s => s?.State == UploadState.Checked);
        Assert.Equal(UploadState.Checked, status?.State);
        var rows = await site.Server.Get<SubmissionStore>().ListAsync(site.Campaign.Year, CancellationToken.None);
        Assert.Equal(accepted.SubmissionId, Assert.Single(rows).SubmissionId);
        var emails = await Eventually.Until(() => Task.FromResult(site.Server.Outbox.Messages()), m => m.Count >= 2);
        Assert.Equal(2, emails.Count);
    }

    [Fact]
    public async Task ACommitWithABlockMissingNamesItAndStoresNothingThenTheResumedUploadCompletes()
    {
        await using var site = await UploadSite.StartAsync();
        var upload = NewUploadId();
        (await StageAsync(site, upload, 0, Part(Report, 0))).Dispose();
        (await StageAsync(site, upload, 2, Part(Report, 2))).Dispose();

        using (var early = await CommitAsync(site, upload, "report.docx", Report.Length))
        {
            await AssertProblemAsync(early, HttpStatusCode.BadRequest, "Part 2 of 3 of the file has not arrived. Please send the file again: the parts already received are kept.");
        }

        Assert.Empty(await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, site.Centre.Id, CancellationToken.None));

        // Resumed: the list says which blocks the server has; only the missing one is sent.
        Assert.Equal([0, 2], (await ListAsync(site, upload)).Select(b => b.Index));
        (await StageAsync(site, upload, 1, Part(Report, 1))).Dispose();
        using var committed = await CommitAsync(site, upload, "report.docx", Report.Length);
        Assert.Equal(HttpStatusCode.Accepted, committed.StatusCode);
        var accepted = (await committed.Content.ReadFromJsonAsync<UploadAccepted>())!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Report)), accepted.Sha256);

        // A commit repeated because its answer was lost gets the same answer, not a second version.
        using var repeated = await CommitAsync(site, upload, "report.docx", Report.Length);
        Assert.Equal(HttpStatusCode.Accepted, repeated.StatusCode);
        Assert.Equal(accepted.SubmissionId, (await repeated.Content.ReadFromJsonAsync<UploadAccepted>())!.SubmissionId);
        Assert.Single(await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, site.Centre.Id, CancellationToken.None));
    }

    [Fact]
    public async Task ACommitNamingAnotherFilesSizeIsRefusedAndStoresNothing()
    {
        await using var site = await UploadSite.StartAsync();
        var upload = NewUploadId();
        for (var i = 0; i < 3; i++)
        {
            (await StageAsync(site, upload, i, Part(Report, i))).Dispose();
        }

        // As many blocks, but the last one would be longer: these blocks are not that file.
        using var committed = await CommitAsync(site, upload, "other.docx", Report.Length + 10);

        await AssertProblemAsync(committed, HttpStatusCode.BadRequest, "The parts received do not make up this file. Please reload the page and send the file again.");
        Assert.Empty(await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, site.Centre.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AForgedLinkIsRefusedInThePagesLanguageAndNothingIsStaged()
    {
        await using var site = await UploadSite.StartAsync();
        var token = site.Url[(site.Url.LastIndexOf('/') + 1)..];
        var forged = token.Replace(site.Centre.Id, "xx-forged", StringComparison.Ordinal);
        var upload = NewUploadId();

        using var staged = await StageAsync(site, upload, 0, Part(Report, 0), forged, "fr");
        using var listed = await site.GetAsync(UploadRoutes.ResumablePath(forged, upload), "application/json", "fr");
        using var committed = await CommitAsync(site, upload, "report.docx", Report.Length, forged);

        // The POST's own answer to the same link, in the same language: the block routes tell no more.
        using var post = new HttpRequestMessage(HttpMethod.Post, UploadRoutes.PagePath(forged)) { Content = UploadSite.Form(("file", "report.docx", Part(Report, 0))) };
        post.Headers.Accept.ParseAdd("application/json");
        post.Headers.AcceptLanguage.ParseAdd("fr");
        using var posted = await site.Client.SendAsync(post);
        var french = (await posted.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!;
        Assert.StartsWith(Texts.French.LinkInvalid, french, StringComparison.Ordinal);
        await AssertProblemAsync(staged, HttpStatusCode.Forbidden, french);
        await AssertProblemAsync(listed, HttpStatusCode.Forbidden, french);
        await AssertProblemAsync(committed, HttpStatusCode.Forbidden, (await ForbiddenDetailAsync(site, forged, "en"))!);
        Assert.Empty(await IncomingAsync(site));
    }

    [Fact]
    public async Task ABlockOverTheBlockSizeOrPastTheSizeLimitIsRefusedAndNothingIsStaged()
    {
        await using var site = await UploadSite.StartAsync(settings: new() { ["Upload:MaxBytes"] = (6 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var upload = NewUploadId();
        var oversized = new byte[Block + 1];
        Report.AsSpan(0, Block).CopyTo(oversized);

        using var tooBig = await StageAsync(site, upload, 0, oversized);
        using var pastLimit = await StageAsync(site, upload, 1, Part(Report, 1));
        using var commitPastLimit = await CommitAsync(site, upload, "report.docx", Report.Length);

        await AssertProblemAsync(tooBig, HttpStatusCode.RequestEntityTooLarge, "A part of the upload was larger than 4 MB. Please reload the page and send the file again.");
        await AssertProblemAsync(pastLimit, HttpStatusCode.RequestEntityTooLarge, "The file is larger than 6 MB. Please send a smaller file, for example without large pictures.");
        await AssertProblemAsync(commitPastLimit, HttpStatusCode.RequestEntityTooLarge, "The file is larger than 6 MB. Please send a smaller file, for example without large pictures.");
        Assert.Empty(await IncomingAsync(site));
    }

    [Fact]
    public async Task AFirstBlockThatIsNoReportIsRefusedAsAPostWouldBe()
    {
        await using var site = await UploadSite.StartAsync();
        var upload = NewUploadId();

        using var refused = await StageAsync(site, upload, 0, "MZ: a program, not a report"u8.ToArray());

        await AssertProblemAsync(refused, HttpStatusCode.UnsupportedMediaType,
            "This file is not a format we accept. Please send DOCX (Word), PDF, ODT (OpenDocument text).");
        Assert.Empty(await IncomingAsync(site));
    }

    [Fact]
    public async Task ACommitAfterTheWindowClosedIsRefusedAndStoresNothing()
    {
        await using var site = await UploadSite.StartAsync();
        var upload = NewUploadId();
        for (var i = 0; i < 3; i++)
        {
            (await StageAsync(site, upload, i, Part(Report, i))).Dispose();
        }

        site.Clock.SetUtcNow(site.Campaign.LateUploadsCloseAt.AddMinutes(1));
        using var committed = await CommitAsync(site, upload, "report.docx", Report.Length);
        using var posted = await site.PostFileAsync(Report, "report.docx");

        // The POST's answer at that moment, word for word: the link stops working when late uploads close.
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(posted.StatusCode, committed.StatusCode);
        Assert.Equal((await posted.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, (await committed.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        Assert.Empty(await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, site.Centre.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has/a/slash-in-it-0123")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    public async Task AnUploadIdOfTheWrongShapeIsNotRecognised(string upload)
    {
        await using var site = await UploadSite.StartAsync();

        using var staged = await StageAsync(site, upload, 0, Part(Report, 0));

        await AssertProblemAsync(staged, HttpStatusCode.BadRequest, "This upload could not be recognised. Please reload the page and send the file again.");
        Assert.Empty(await IncomingAsync(site));
    }

    private static async Task<string?> ForbiddenDetailAsync(UploadSite site, string token, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, UploadRoutes.PagePath(token));
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await site.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail;
        Assert.StartsWith("This upload link is not valid or has expired.", detail, StringComparison.Ordinal);
        return detail;
    }

    internal static string NewUploadId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    internal static byte[] Part(byte[] file, int index) => file.AsSpan(index * Block, Math.Min(Block, file.Length - (index * Block))).ToArray();

    private static string Token(UploadSite site) => site.Url[(site.Url.LastIndexOf('/') + 1)..];

    internal static Task<HttpResponseMessage> StageAsync(UploadSite site, string upload, int index, byte[] bytes, string? token = null, string language = "en")
    {
        var request = new HttpRequestMessage(HttpMethod.Put,
            UploadRoutes.ResumableBlockPath(token ?? Token(site), upload, index.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.AcceptLanguage.ParseAdd(language);
        return site.Client.SendAsync(request);
    }

    internal static Task<HttpResponseMessage> CommitAsync(UploadSite site, string upload, string fileName, long size, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, UploadRoutes.ResumablePath(token ?? Token(site), upload))
        {
            Content = JsonContent.Create(new CommitRequest(fileName, size), options: JsonSerializerOptions.Web),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.AcceptLanguage.ParseAdd("en");
        return site.Client.SendAsync(request);
    }

    private static async Task<IReadOnlyList<StagedBlock>> ListAsync(UploadSite site, string upload)
    {
        using var response = await site.GetAsync(UploadRoutes.ResumablePath(Token(site), upload), "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = (await response.Content.ReadFromJsonAsync<StagedBlocks>())!;
        Assert.Equal(Block, listed.BlockSize);
        return listed.Blocks;
    }

    /// <summary>Every blob of the incoming container, committed or only staged.</summary>
    internal static async Task<IReadOnlyList<string>> IncomingAsync(UploadSite site)
    {
        var names = new List<string>();
        await foreach (var blob in site.Server.Get<PacStorage>().Incoming.GetBlobsAsync(BlobTraits.None, BlobStates.Uncommitted, null, CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(detail, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }
}
