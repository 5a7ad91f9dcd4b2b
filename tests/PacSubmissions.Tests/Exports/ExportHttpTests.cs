using System.IO.Compression;
using System.Net;
using PacSubmissions.Dashboard;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Exports;

/// <summary>The export route on the local host, real Kestrel: the dashboard key, the headers, the streamed bodies.</summary>
public sealed class ExportHttpTests
{
    private const string Key = "exports-test-key-of-at-least-32-characters";

    private static Task<LocalHostServer> StartAsync() => LocalHostServer.StartAsync(settings: new()
    {
        ["LocalHost:FunctionKey"] = Key,
        // The scenario runs the processor itself; the blob listener would only process the same blobs again.
        ["LocalHost:DeliverBlobEvents"] = "false",
    });

    [Theory]
    [InlineData("table.csv")]
    [InlineData("reports.zip")]
    [InlineData("compiled.docx")]
    [InlineData("compiled.html")]
    public async Task ExportWithoutTheKeyIsRefused(string name)
    {
        await using var server = await StartAsync();
        await TestData.SeedAsync(server.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow, ExportScenario.Year), TestData.Centre());

        using var response = await server.Client.GetAsync(new Uri($"api/dashboard/2030/export/{name}", UriKind.Relative));
        using var wrongKey = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri($"api/dashboard/2030/export/{name}", UriKind.Relative))
        {
            Headers = { { DashboardAccess.KeyHeader, "a-wrong-key-of-at-least-32-characters" } },
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
    }

    [Fact]
    public async Task ExportsAreServedWithTheKeyAsNamedDownloads()
    {
        await using var server = await StartAsync();
        var newest = await ExportScenario.SeedAsync(server.Services);

        using var table = await GetAsync(server, "table.csv");
        Assert.Equal(HttpStatusCode.OK, table.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", table.Content.Headers.ContentType!.ToString());
        Assert.Equal("pac-2030-table.csv", table.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var csv = await table.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Equal(1 + ExportScenario.Active.Count, Csv.CsvFile.ReadRecords(new StringReader(System.Text.Encoding.UTF8.GetString(csv, 3, csv.Length - 3))).Count());

        using var zip = await GetAsync(server, "reports.zip");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType!.MediaType);
        Assert.Equal("pac-2030-reports.zip", zip.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        using (var archive = new ZipArchive(new MemoryStream(await zip.Content.ReadAsByteArrayAsync())))
        {
            Assert.Equal(newest.Keys.Select(id => id + "-2030").Order(StringComparer.Ordinal),
                archive.Entries.Select(e => Path.GetFileNameWithoutExtension(e.FullName)).Order(StringComparer.Ordinal));
            foreach (var entry in archive.Entries)
            {
                await using var content = entry.Open();
                var stored = (await server.Get<PacSubmissions.Storage.PacStorage>().Reports.GetBlobClient(newest[Path.GetFileNameWithoutExtension(entry.FullName)[..^"-2030".Length]]).DownloadContentAsync()).Value.Content.ToArray();
                using var copy = new MemoryStream();
                await content.CopyToAsync(copy);
                Assert.Equal(stored, copy.ToArray());
            }
        }

        using var docx = await GetAsync(server, "compiled.docx");
        Assert.Equal("pac-2030-compiled.docx", docx.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains(ExportScenario.Seoul.Name, document.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
        }

        using var html = await GetAsync(server, "compiled.html");
        Assert.Equal("text/html; charset=utf-8", html.Content.Headers.ContentType!.ToString());
        Assert.Contains("default-src 'none'", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var page = await html.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2030", "table.xlsx")]
    [InlineData("2031", "table.csv")]
    public async Task UnknownExportOrYearIsNotFound(string year, string name)
    {
        await using var server = await StartAsync();
        await TestData.SeedAsync(server.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow, ExportScenario.Year), TestData.Centre());

        using var response = await GetAsync(server, name, year);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private static async Task<HttpResponseMessage> GetAsync(LocalHostServer server, string name, string year = "2030")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/dashboard/{year}/export/{name}", UriKind.Relative));
        request.Headers.Add(DashboardAccess.KeyHeader, Key);
        return await server.Client.SendAsync(request);
    }
}
