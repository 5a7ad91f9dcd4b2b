using System.IO.Compression;
using System.Net;
using PacSubmissions.Exports;
using PacSubmissions.Languages;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Reports;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>
/// A report that carries active content (a Word template attached from a share) is still read and counted, and every
/// place HQ meets the file says so first: the notice, the centre's page, reports.zip's note; the coordinator's receipt
/// and upload page say it in their language with the remedy.
/// </summary>
public sealed class ActiveContentNoticeTests
{
    [Fact]
    public async Task AnAttachedTemplateIsNamedInHqsNoticeTheCentrePageTheZipAndTheReceipt()
    {
        await using var site = await DashboardSite.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"active-{Guid.NewGuid():N}.docx");
        await File.WriteAllBytesAsync(path, ActiveContentTests.AttachedTemplateDocx());
        try
        {
            var version = await site.UploadAsync(DashboardSite.Almaty, path, "Annual report 2030.docx");

            var notice = Assert.Single(await Eventually.Until(() => Task.FromResult(site.Server.Outbox.To(TestSettings.HqAddress)), m => m.Count > 0));
            Assert.Contains("active content", notice.Subject, StringComparison.Ordinal);
            Assert.Contains("Careful before opening the file", notice.TextBody, StringComparison.Ordinal);
            Assert.Contains("attacker.example", notice.TextBody, StringComparison.Ordinal);

            var receipt = Assert.Single(await Eventually.Until(() => Task.FromResult(site.Server.Outbox.To(DashboardSite.Almaty.CoordinatorEmail)), m => m.Count > 0));
            var texts = Texts.For(DashboardSite.Almaty.Language);
            Assert.Contains(texts.ProblemActiveContent, receipt.TextBody, StringComparison.Ordinal);
            var link = site.Get<PacSubmissions.Upload.UploadLinks>().CreateUrl(DashboardSite.Almaty.Id, site.Campaign);
            using var uploadPage = new HttpRequestMessage(HttpMethod.Get, link);
            uploadPage.Headers.AcceptLanguage.ParseAdd(DashboardSite.Almaty.Language);
            using var coordinatorsPage = await site.Server.Client.SendAsync(uploadPage);
            Assert.Contains(texts.ProblemActiveContent, WebUtility.HtmlDecode(await coordinatorsPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);

            var page = await site.PageAsync($"/api/dashboard/{DashboardSite.Year}/centres/{version.CentreId}");
            Assert.Contains("Careful: this file carries active content.", page, StringComparison.Ordinal);
            Assert.Contains("Carries active content", page, StringComparison.Ordinal);
            Assert.Contains("valid", page, StringComparison.OrdinalIgnoreCase);

            using var zipResponse = await site.GetAsync($"/api/dashboard/{DashboardSite.Year}/export/reports.zip");
            Assert.Equal(HttpStatusCode.OK, zipResponse.StatusCode);
            using var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync()));
            Assert.NotNull(zip.GetEntry($"{version.CentreId}-{DashboardSite.Year}.docx"));
            var noteEntry = zip.GetEntry(ReportsZip.ActiveContentNoteName);
            Assert.NotNull(noteEntry);
            using var note = new StreamReader(noteEntry.Open());
            var text = await note.ReadToEndAsync();
            Assert.Contains("These reports carry active content", text, StringComparison.Ordinal);
            Assert.Contains($"{version.CentreId}-{DashboardSite.Year}.docx ({version.CentreId}, sent as Annual report 2030.docx)", text, StringComparison.Ordinal);
            Assert.Contains("attached template", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task APlainReportHasNoActiveContentNote()
    {
        await using var site = await DashboardSite.StartAsync();
        var version = await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("korea-2021.docx"));

        var page = await site.PageAsync($"/api/dashboard/{DashboardSite.Year}/centres/{version.CentreId}");
        using var zipResponse = await site.GetAsync($"/api/dashboard/{DashboardSite.Year}/export/reports.zip");
        using var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync()));

        Assert.DoesNotContain("active content", page, StringComparison.OrdinalIgnoreCase);
        Assert.Null(zip.GetEntry(ReportsZip.ActiveContentNoteName));
    }
}
