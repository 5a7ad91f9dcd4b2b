using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PacSubmissions.Campaigns;
using PacSubmissions.Languages;
using PacSubmissions.Tests.Upload;
using PacSubmissions.Upload;
using PacSubmissions.Upload.Page;

namespace PacSubmissions.Tests.Browser;

/// <summary>
/// What the page's script does with a 429 in headless Chromium: the link's hourly limit is shown to the coordinator with
/// when to send again; a short one from a busy platform is waited out and the upload goes through.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SharedChromium.Name)]
public sealed partial class UploadLimitsBrowserTests(Chromium chromium) : IDisposable
{
    private static readonly Campaign Campaign = Campaign.WithDefaults(2030, new DateTimeOffset(2030, 3, 1, 0, 0, 0, TimeSpan.Zero), "Europe/Paris");

    private readonly string _folder = Directory.CreateTempSubdirectory("pac-limits-").FullName;

    [Fact]
    public async Task OverTheHourlyLimitThePageSaysSoInItsLanguageWithWhenToSendAgainAndDoesNotRetry()
    {
        await using var site = await UploadSite.StartAsync(Campaign.Deadline.AddDays(-3), Campaign,
            settings: new() { ["Upload:UploadsPerHour"] = "1" }, processOnDemand: true);
        (await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"))).Dispose();
        var file = Path.Combine(_folder, "bericht.pdf");
        await File.WriteAllBytesAsync(file, UploadSite.Sample("brazil-2021.pdf"));
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "de-DE" });
        var page = await context.NewPageAsync();
        var blockRequests = 0;
        page.Request += (_, request) => blockRequests += request.Method == "PUT" ? 1 : 0;
        await page.GotoAsync(site.Url);

        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#send");

        var expected = UploadPage.Format(Texts.German.ErrorTooManyUploads, 1,
            UploadPage.Local(Texts.German, site.Clock.GetUtcNow() + UploadLimits.Hour, site.Centre.TimeZone));
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync(expected);
        await Assertions.Expect(page.Locator("#send")).ToBeEnabledAsync();
        Assert.Equal(1, blockRequests);
    }

    [Fact]
    public async Task AShort429FromTheBusyPlatformIsWaitedOutAndTheUploadGoesThrough()
    {
        await using var site = await UploadSite.StartAsync(Campaign.Deadline.AddDays(-3), Campaign, processOnDemand: true);
        var file = Path.Combine(_folder, "report.pdf");
        await File.WriteAllBytesAsync(file, UploadSite.Sample("brazil-2021.pdf"));
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var throttled = 0;
        await page.RouteAsync(BlockRoute(), route =>
            throttled++ == 0
                ? route.FulfillAsync(new() { Status = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "1" }, Body = "" })
                : route.ContinueAsync());
        await page.GotoAsync(site.Url);

        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("#send");

        await Assertions.Expect(page.Locator("#receipt")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(2, throttled);
        Assert.Single(await site.Server.Get<UploadHistory>().ListAsync(Campaign.Year, site.Centre.Id, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex(@"/resumable/[^/]+/\d+$")]
    private static partial Regex BlockRoute();
}
