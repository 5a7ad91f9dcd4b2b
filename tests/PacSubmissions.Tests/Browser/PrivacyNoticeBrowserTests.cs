using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Upload;

namespace PacSubmissions.Tests.Browser;

/// <summary>The privacy notice as a coordinator reads it on a 360 px phone: under the form, whole, no sideways scrolling, no axe violation.</summary>
[Trait("Category", "Slow")]
[Collection(SharedChromium.Name)]
public sealed class PrivacyNoticeBrowserTests(Chromium chromium)
{
    [Theory]
    [InlineData("ar")]
    [InlineData("de")]
    public async Task OnAPhoneTheNoticeFollowsTheFormReadsWholeAndPassesAxe(string locale)
    {
        await using var site = await UploadSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            Locale = locale, ViewportSize = new() { Width = 360, Height = 640 }, IsMobile = true, HasTouch = true, BypassCSP = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url);

        await Assertions.Expect(page.Locator("#send")).ToBeInViewportAsync();
        Assert.True((await page.Locator("#send").BoundingBoxAsync())!.Y < (await page.Locator("#privacy").BoundingBoxAsync())!.Y);
        await page.Locator("#privacy-ask a").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.Locator("#privacy-ask a")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("#privacy-ask a")).ToHaveAttributeAsync("href", $"mailto:{TestSettings.HqAddress}");
        await Assertions.Expect(page.Locator("#privacy-how-long")).ToContainTextAsync(PacSubmissions.Languages.Texts.For(locale).Years(5));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        var result = await page.Locator("#privacy").RunAxe(UploadPageBrowserTests.WcagRules);
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0,
            string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }
}
