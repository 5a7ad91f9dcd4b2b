using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PacSubmissions.Campaigns;
using PacSubmissions.Languages;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Faults;
using PacSubmissions.Tests.Upload;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Browser;

/// <summary>The page's upload in blocks over a link that keeps dropping, and after a reload, in headless Chromium.</summary>
[Trait("Category", "Slow")]
[Collection(SharedChromium.Name)]
public sealed partial class ResumableUploadBrowserTests(Chromium chromium) : IDisposable
{
    private const int Megabyte = 1024 * 1024;

    private static readonly Campaign Campaign = Campaign.WithDefaults(2030, new DateTimeOffset(2030, 3, 1, 0, 0, 0, TimeSpan.Zero), "Europe/Paris");

    /// <summary>Records every text the progress line shows, since each lasts only a moment.</summary>
    private const string WatchProgress = """
        window.__progress = [];
        document.addEventListener('DOMContentLoaded', () => {
          const text = document.getElementById('progress-text');
          if (text) { new MutationObserver(() => window.__progress.push(text.textContent)).observe(text, { childList: true, characterData: true, subtree: true }); }
        });
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("pac-resumable-").FullName;

    [Fact]
    public async Task AFortyMegabyteReportOverALinkThatDropsEveryFewMegabytesArrivesWholeOnceAndIsChecked()
    {
        var report = LargeReport.Docx("central-asia-2020.docx", 40 * Megabyte);
        var file = Path.Combine(_folder, "central-asia-2030.docx");
        await File.WriteAllBytesAsync(file, report);
        await using var site = await UploadSite.StartAsync(Campaign.Deadline.AddDays(-3), Campaign);
        // Every connection drops after a few megabytes, every other one before a whole block has passed.
        await using var proxy = FreezingProxy.InFrontOf(site.Server.BaseAddress, n => n % 2 == 1 ? 11 * Megabyte / 2 : 2 * Megabyte);
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-GB" });
        await context.AddInitScriptAsync(WatchProgress);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Through(proxy, site.Url));

        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#send");

        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync("on time", new() { Timeout = 90_000 });
        var row = page.Locator("#uploads tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td").Nth(3)).ToContainTextAsync(Texts.English.StatusValid, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#check-summary")).ToHaveTextAsync(Texts.English.StatusValid);

        Assert.True(proxy.Cuts >= 5, $"The proxy cut {proxy.Cuts} connections.");
        var shown = await page.EvaluateAsync<string[]>("window.__progress");
        Assert.Contains(Texts.English.ConnectionRetrying, shown);
        var sizes = shown.Select(t => BytesSent().Match(t)).Where(m => m.Success).ToList();
        Assert.NotEmpty(sizes);
        Assert.Equal(sizes[^1].Groups["total"].Value, sizes[^1].Groups["sent"].Value);
        Assert.Equal("40 MB", sizes[^1].Groups["total"].Value);

        var uploads = await site.Server.Get<UploadHistory>().ListAsync(Campaign.Year, site.Centre.Id, CancellationToken.None);
        var upload = Assert.Single(uploads);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(report)), upload.Sha256);
        Assert.Equal(report.Length, upload.Bytes);
        var rows = await site.Server.Get<SubmissionStore>().ListAsync(Campaign.Year, CancellationToken.None);
        Assert.Equal(upload.SubmissionId, Assert.Single(rows).SubmissionId);
    }

    [Fact]
    public async Task AfterAReloadTheSameFileChosenAgainSendsOnlyTheBlocksThatHadNotArrivedAndThePageSaysSoInItsLanguage()
    {
        var report = LargeReport.Docx("central-asia-2020.docx", 17 * Megabyte);
        var file = Path.Combine(_folder, "report-with-photos.docx");
        await File.WriteAllBytesAsync(file, report);
        await using var site = await UploadSite.StartAsync(Campaign.Deadline.AddDays(-3), Campaign);
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url);

        // The link dies after the first two blocks: everything later fails until the page is reloaded.
        await page.RouteAsync(BlockRoute(), route => BlockIndex(route.Request.Url) >= 2 ? route.AbortAsync("connectionreset") : route.ContinueAsync());
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#send");
        await Assertions.Expect(page.Locator("#progress-text")).ToHaveTextAsync(Texts.French.ConnectionRetrying);
        await page.ReloadAsync();
        await page.UnrouteAllAsync();

        await Assertions.Expect(page.Locator("#resume-hint")).ToHaveTextAsync(
            "L’envoi de report-with-photos.docx n’a pas abouti. Choisissez à nouveau le même fichier : l’envoi reprendra là où il s’est arrêté.");
        var sent = new List<int>();
        page.Request += (_, request) =>
        {
            if (request.Method == "PUT")
            {
                sent.Add(BlockIndex(request.Url));
            }
        };
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#send");

        await Assertions.Expect(page.Locator("#receipt")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#progress-text")).ToHaveTextAsync(new Regex(@"^[\d,]+\sMo sur [\d,]+\sMo envoyés$"));
        var blocks = (report.Length + BlockUpload.BlockSize - 1) / BlockUpload.BlockSize;
        Assert.Equal(Enumerable.Range(2, blocks - 2), sent);
        var upload = Assert.Single(await site.Server.Get<UploadHistory>().ListAsync(Campaign.Year, site.Centre.Id, CancellationToken.None));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(report)), upload.Sha256);
        await Assertions.Expect(page.Locator("#resume-hint")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#resume-hint")).ToHaveCountAsync(0);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Through(FreezingProxy proxy, string url) =>
        new UriBuilder(url) { Port = proxy.Url.Port }.Uri.ToString();

    private static int BlockIndex(string url) => int.Parse(BlockUrl().Match(url).Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/resumable/[^/]+/(?<index>\d+)$")]
    private static partial Regex BlockUrl();

    [GeneratedRegex(@"/resumable/[^/]+/\d+$")]
    private static partial Regex BlockRoute();

    [GeneratedRegex(@"^(?<sent>[\d.,]+ [kKM]B) of (?<total>[\d.,]+ [kKM]B) sent$")]
    private static partial Regex BytesSent();
}
