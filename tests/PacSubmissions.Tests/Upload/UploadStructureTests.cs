using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using PacSubmissions.Languages;
using PacSubmissions.Storage;
using PacSubmissions.Tests.Reports;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Upload;

/// <summary>
/// Issue 17, point 1: an upload whose name's extension is not the format its content is, or whose end is missing
/// (a PDF without its trailer, a DOCX without its ZIP directory), is refused before anything is stored.
/// </summary>
public sealed class UploadStructureTests
{
    [Fact]
    public async Task ABatchFileThatStartsLikeAPdfNamedPdfCmdIsRefusedAndNothingIsStored()
    {
        await using var site = await UploadSite.StartAsync();
        var batch = "%PDF-1.7\r\n@echo off\r\nstart https://attacker.example/\r\n"u8.ToArray();

        using var response = await site.PostFileAsync(batch, "Annual report 2027.pdf.cmd");

        await AssertRefusedAsync(site, response, HttpStatusCode.UnsupportedMediaType,
            UploadPageFormat(Texts.English.ErrorNameNotFormat, ".cmd", ".pdf"));
    }

    [Fact]
    public async Task AnHtmlNameHoldingARealPdfIsRefused()
    {
        await using var site = await UploadSite.StartAsync();

        using var response = await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"), "invoice.html");

        await AssertRefusedAsync(site, response, HttpStatusCode.UnsupportedMediaType,
            UploadPageFormat(Texts.English.ErrorNameNotFormat, ".html", ".pdf"));
    }

    [Fact]
    public async Task ABrowserIsToldOnThePageWhichEndingTheFileNeeds()
    {
        await using var site = await UploadSite.StartAsync();

        using var response = await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"), "rapport.pdf.exe", accept: "text/html");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains(UploadPageFormat(Texts.English.ErrorNameNotFormat, ".exe", ".pdf"), WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATruncatedPdfIsRefusedAndNothingIsStored()
    {
        await using var site = await UploadSite.StartAsync();
        var pdf = UploadSite.Sample("brazil-2021.pdf");

        using var response = await site.PostFileAsync(pdf[..(pdf.Length / 2)], "report.pdf");

        await AssertRefusedAsync(site, response, HttpStatusCode.BadRequest, Texts.English.ErrorIncompleteFile);
    }

    [Theory]
    [InlineData("truncated.docx")]
    [InlineData("korea-2021.docx")]
    public async Task ATruncatedDocxIsRefusedAndNothingIsStored(string sample)
    {
        await using var site = await UploadSite.StartAsync();
        var docx = UploadSite.Sample(sample);
        // The sample truncated.docx is cut already; a whole one is cut just before its ZIP end record.
        var cut = sample == "truncated.docx" ? docx : docx[..^30];

        using var response = await site.PostFileAsync(cut, "report.docx");

        await AssertRefusedAsync(site, response, HttpStatusCode.BadRequest, Texts.English.ErrorIncompleteFile);
    }

    [Theory]
    [InlineData("korea-2021.docx", "Report v2.0 final")]
    [InlineData("korea-2021.docx", "REPORT.DOCX")]
    [InlineData("brazil-2021.pdf", "report.pdf")]
    public async Task AWholeFileWhoseNameFitsOrHasNoExtensionIsTaken(string sample, string fileName)
    {
        await using var site = await UploadSite.StartAsync();

        using var response = await site.PostFileAsync(UploadSite.Sample(sample), fileName);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task APdfWithBytesAfterItsEndMarkerIsTaken()
    {
        // A mail gateway's footer or padding after %%EOF: PDF readers ignore it, and so does the upload.
        await using var site = await UploadSite.StartAsync();
        byte[] pdf = [.. UploadSite.Sample("brazil-2021.pdf"), .. "\r\n-- scanned by the gateway --\r\n"u8.ToArray()];

        using var response = await site.PostFileAsync(pdf, "report.pdf");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData(".pdf")]
    [InlineData(".cmd")]
    [InlineData(".html")]
    public void EveryLanguageSaysWhichEndingTheNameHasAndWhichItNeeds(string extension)
    {
        foreach (var texts in Texts.All)
        {
            var message = UploadPageFormat(texts.ErrorNameNotFormat, extension, ".docx");
            Assert.Contains(extension, message, StringComparison.Ordinal);
            Assert.Contains(".docx", message, StringComparison.Ordinal);
        }
    }

    private static string UploadPageFormat(string template, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, template, values);

    private static async Task AssertRefusedAsync(UploadSite site, HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(detail, problem!.Detail);
        Assert.Empty(await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, site.Centre.Id, CancellationToken.None));
        var committed = new List<string>();
        await foreach (var blob in site.Server.Get<PacStorage>().Reports.GetBlobsAsync())
        {
            committed.Add(blob.Name);
        }

        Assert.Empty(committed);
    }
}
