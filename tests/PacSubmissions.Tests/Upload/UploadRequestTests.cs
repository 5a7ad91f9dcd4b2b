using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Upload;

public sealed class UploadRequestTests
{
    [Theory]
    [InlineData("central-asia-2020.docx")]
    [InlineData("brazil-2021.pdf")]
    [InlineData("truncated.docx")]
    public async Task AcceptedReportGets202WithItsReceipt(string sample)
    {
        await using var site = await UploadSite.StartAsync();
        var bytes = UploadSite.Sample(sample);

        using var response = await site.PostFileAsync(bytes, sample);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<UploadAccepted>();
        Assert.NotNull(accepted);
        Assert.Equal(site.Centre.Id, accepted.Centre);
        Assert.Equal(site.Campaign.Year, accepted.Year);
        Assert.Equal(site.Clock.GetUtcNow(), accepted.ReceivedAt);
        Assert.False(accepted.Late);
        Assert.Equal(sample, accepted.FileName);
        Assert.Equal(bytes.Length, accepted.Bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), accepted.Sha256);
        Assert.Equal($"{site.Url}/status/{accepted.SubmissionId}", accepted.StatusUrl);
    }

    [Fact]
    public async Task StatusUrlComesFromTheConfiguredAddressNotTheHostHeaderTheCallerSent()
    {
        await using var site = await UploadSite.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, site.Url) { Content = UploadSite.Form(("file", "report.docx", UploadSite.Sample("korea-2021.docx"))) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Host = "attacker.example";

        using var response = await site.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<UploadAccepted>())!;
        Assert.Equal($"{site.Url}/status/{accepted.SubmissionId}", accepted.StatusUrl);
        Assert.DoesNotContain("attacker.example", accepted.StatusUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenDocumentTextIsAccepted()
    {
        await using var site = await UploadSite.StartAsync();

        using var response = await site.PostFileAsync(UploadSite.Odt(), "report.odt");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task APdfWithAShortPreambleIsAcceptedAndReadLikeTheSamePdfWithout()
    {
        await using var site = await UploadSite.StartAsync(processOnDemand: true);
        var plain = UploadSite.Sample("brazil-2021.pdf");

        using var withPreamble = await site.PostFileAsync(ReportFormatTests.WithPreamble(120, plain), "report.pdf");
        using var without = await site.PostFileAsync(plain, "report.pdf");

        Assert.Equal(HttpStatusCode.Accepted, withPreamble.StatusCode);
        var checks = new List<PacSubmissions.Submissions.SubmissionCheck?>();
        foreach (var response in new[] { withPreamble, without })
        {
            var accepted = (await response.Content.ReadFromJsonAsync<UploadAccepted>())!;
            await site.ProcessAsync(accepted.SubmissionId);
            var recorded = await site.Server.Get<PacSubmissions.Submissions.SubmissionStore>()
                .FindAsync(site.Campaign.Year, site.Centre.Id, accepted.SubmissionId, CancellationToken.None);
            checks.Add(recorded?.Check);
        }

        Assert.Equal(PacSubmissions.Reports.ReportStatus.Valid, checks[0]?.Status);
        Assert.Equal("pdf", checks[0]?.Format);
        Assert.Equal(checks[1]?.SectionsAnswered, checks[0]?.SectionsAnswered);
        Assert.Equal(checks[1]?.Emails, checks[0]?.Emails);
    }

    [Fact]
    public async Task AnOpenDocumentTemplateIsAcceptedAndReadLikeTheSameDocumentSavedAsOdt()
    {
        await using var site = await UploadSite.StartAsync(processOnDemand: true);

        // LibreOffice wrote both from one source (Reports/Documents/make-documents.sh).
        using var template = await site.PostFileAsync(PacSubmissions.Tests.Reports.Extraction.ProducedDocuments.Bytes("odt-styles-changes-frames.ott"), "report.ott");
        using var odt = await site.PostFileAsync(PacSubmissions.Tests.Reports.Extraction.ProducedDocuments.Bytes("odt-styles-changes-frames.odt"), "report.odt");

        Assert.Equal(HttpStatusCode.Accepted, template.StatusCode);
        var checks = new List<PacSubmissions.Submissions.SubmissionCheck?>();
        foreach (var response in new[] { template, odt })
        {
            var accepted = (await response.Content.ReadFromJsonAsync<UploadAccepted>())!;
            await site.ProcessAsync(accepted.SubmissionId);
            checks.Add((await site.Server.Get<PacSubmissions.Submissions.SubmissionStore>()
                .FindAsync(site.Campaign.Year, site.Centre.Id, accepted.SubmissionId, CancellationToken.None))?.Check);
        }

        Assert.Equal("odt", checks[0]?.Format);
        Assert.NotEqual(PacSubmissions.Reports.ReportStatus.Unreadable, checks[0]?.Status);
        Assert.True(checks[0]?.Words > 0, "The template's text was not read.");
        Assert.Equal(checks[1]?.Status, checks[0]?.Status);
        Assert.Equal(checks[1]?.Words, checks[0]?.Words);
        Assert.Equal(checks[1]?.SectionsFound, checks[0]?.SectionsFound);
        Assert.Equal(checks[1]?.Emails, checks[0]?.Emails);
    }

    [Fact]
    public async Task APdfWhoseHeaderIsPastTheFirstKilobyteGets415AsTheReaderWouldNotReadIt()
    {
        await using var site = await UploadSite.StartAsync();

        using var response = await site.PostFileAsync(ReportFormatTests.WithPreamble(2000, UploadSite.Sample("brazil-2021.pdf")), "report.pdf");

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "DOCX (Word), PDF, ODT (OpenDocument text)");
    }

    [Theory]
    [InlineData("renamed-binary.docx")]
    public async Task ProgramRenamedDocxGets415WithTheAcceptedList(string sample)
    {
        await using var site = await UploadSite.StartAsync();

        using var response = await site.PostFileAsync(UploadSite.Sample(sample), sample);

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "DOCX (Word), PDF, ODT (OpenDocument text)");
        Assert.Empty(await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, site.Centre.Id, CancellationToken.None));
    }

    [Fact]
    public async Task PlainTextAndSpreadsheetZipGet415()
    {
        await using var site = await UploadSite.StartAsync();
        using var text = await site.PostFileAsync(Encoding.UTF8.GetBytes("Our report: all good."), "report.docx");
        using var zipWithoutWord = await site.PostFileAsync(ZipWith("xl/workbook.xml"), "report.docx");

        await AssertProblem(text, HttpStatusCode.UnsupportedMediaType, "PDF");
        await AssertProblem(zipWithoutWord, HttpStatusCode.UnsupportedMediaType, "PDF");
    }

    [Fact]
    public async Task EmptyFileGets400SayingItIsEmpty()
    {
        await using var site = await UploadSite.StartAsync();

        using var response = await site.PostFileAsync(UploadSite.Sample("empty.pdf"), "empty.pdf");

        await AssertProblem(response, HttpStatusCode.BadRequest, "The file is empty.");
    }

    [Fact]
    public async Task MissingFileFieldGets400SayingNoFileWasChosen()
    {
        await using var site = await UploadSite.StartAsync();
        using var wrongField = await site.PostAsync(UploadSite.Form(("document", "report.pdf", UploadSite.Sample("brazil-2021.pdf"))));
        using var notMultipart = await site.PostAsync(new ByteArrayContent(UploadSite.Sample("brazil-2021.pdf")));
        using var onlyText = await site.PostAsync(new MultipartFormDataContent { { new StringContent("hello"), "file" } });

        await AssertProblem(wrongField, HttpStatusCode.BadRequest, "No file was chosen.");
        await AssertProblem(notMultipart, HttpStatusCode.BadRequest, "No file was chosen.");
        await AssertProblem(onlyText, HttpStatusCode.BadRequest, "No file was chosen.");
    }

    [Fact]
    public async Task TwoFilesAtOnceGet400AndNothingIsStored()
    {
        await using var site = await UploadSite.StartAsync();
        var pdf = UploadSite.Sample("brazil-2021.pdf");

        using var response = await site.PostAsync(UploadSite.Form(("file", "a.pdf", pdf), ("file", "b.pdf", pdf)));

        await AssertProblem(response, HttpStatusCode.BadRequest, "one file at a time");
        Assert.Empty(await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, site.Centre.Id, CancellationToken.None));
    }

    [Fact]
    public async Task FileOverTheLimitGets413WhetherTheLengthIsDeclaredOrNot()
    {
        var limit = 1024 * 1024;
        await using var site = await UploadSite.StartAsync(settings: new() { ["Upload:MaxBytes"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var tooLarge = PdfOf(limit + 1);

        using var declared = await site.PostFileAsync(tooLarge, "big.pdf");
        var streamed = new MultipartFormDataContent { { new StreamContent(new UnseekableStream(tooLarge)), "file", "big.pdf" } };
        using var chunked = await site.PostAsync(streamed);
        using var atTheLimit = await site.PostFileAsync(PdfOf(limit), "limit.pdf");

        await AssertProblem(declared, HttpStatusCode.RequestEntityTooLarge, "larger than 1 MB");
        await AssertProblem(chunked, HttpStatusCode.RequestEntityTooLarge, "larger than 1 MB");
        Assert.Equal(HttpStatusCode.Accepted, atTheLimit.StatusCode);
    }

    [Fact]
    public async Task BrowserGetsAPageWithTheSameStatusCode()
    {
        await using var site = await UploadSite.StartAsync();

        using var accepted = await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"), "brazil-2021.pdf", accept: "text/html");
        using var refused = await site.PostFileAsync(UploadSite.Sample("renamed-binary.docx"), "x.docx", accept: "text/html");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("text/html", accepted.Content.Headers.ContentType?.MediaType);
        Assert.Contains("your report was received", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("The report was not sent", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryUploadIsKeptAsAVersionWithItsMetadata()
    {
        await using var site = await UploadSite.StartAsync();
        using var first = await site.PostFileAsync(UploadSite.Sample("central-asia-2020.docx"), "first.docx");
        site.Clock.Advance(TimeSpan.FromMinutes(5));
        using var second = await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"), "second.pdf");

        var uploads = await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, site.Centre.Id, CancellationToken.None);

        Assert.Equal(["second.pdf", "first.docx"], uploads.Select(u => u.FileName));
        var blob = site.Server.Get<PacSubmissions.Storage.PacStorage>().Reports
            .GetBlobClient(SubmissionBlob.NameFor(site.Campaign.Year, site.Centre.Id, uploads[0].SubmissionId));
        var metadata = SubmissionBlob.FromMetadata((await blob.GetPropertiesAsync()).Value.Metadata);
        Assert.NotNull(metadata);
        Assert.Equal("second.pdf", metadata.OriginalFileName);
        Assert.Equal(UploadSite.Sample("brazil-2021.pdf").Length, metadata.Bytes);
        Assert.Equal(uploads[0].Sha256, metadata.Sha256);
    }

    [Fact]
    public async Task TwoUploadsFromOneCentreAtOnceAreBothKeptAndTheNewestCounts()
    {
        await using var site = await UploadSite.StartAsync();
        var docx = UploadSite.Sample("central-asia-2020.docx");
        var pdf = UploadSite.Sample("brazil-2021.pdf");

        var responses = await Task.WhenAll(site.PostFileAsync(docx, "a.docx"), site.PostFileAsync(pdf, "b.pdf"));
        var receipts = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<UploadAccepted>()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.NotEqual(receipts[0]!.SubmissionId, receipts[1]!.SubmissionId);
        var uploads = await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, site.Centre.Id, CancellationToken.None);
        Assert.Equal(2, uploads.Count);
        var newest = receipts.OrderByDescending(r => r!.SubmissionId, StringComparer.Ordinal).First()!;
        Assert.Equal(newest.SubmissionId, uploads[0].SubmissionId);
        Assert.Equal([docx.Length, pdf.Length], uploads.Select(u => u.Bytes).Order());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.NotNull(problem);
        Assert.Equal((int)status, problem.Status);
        Assert.Contains(detailContains, problem.Detail, StringComparison.Ordinal);
    }

    private static byte[] PdfOf(int length)
    {
        var bytes = new byte[length];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static byte[] ZipWith(string entry)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write("<workbook/>");
        }

        return buffer.ToArray();
    }

    /// <summary>A body whose length HttpClient cannot know, so it is sent chunked and only streaming can catch the size.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
