using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Upload;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Browser;

/// <summary>The dead-link page and its fresh-link request in headless Chromium: a plain form under the strict CSP, without JavaScript.</summary>
[Trait("Category", "Slow")]
[Collection(SharedChromium.Name)]
public sealed class LinkRecoveryBrowserTests(Chromium chromium)
{
    [Fact]
    public async Task ARevokedLinksPageWithoutJavaScriptSendsAFreshLinkToTheRegistersAddress()
    {
        await using var site = await UploadSite.StartAsync();
        site.Clock.Advance(TimeSpan.FromSeconds(1));
        await site.Server.Get<LinkRevocations>().RevokeAsync(site.Centre.Id, CancellationToken.None);
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-GB", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) => violations.Add(message.Text);

        await page.GotoAsync(site.Url);
        await Assertions.Expect(page.Locator("#write-to-hq a")).ToHaveAttributeAsync("href", $"mailto:{TestSettings.HqAddress}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a fresh link to the address IFLA HQ has for this centre" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Request received");
        await Assertions.Expect(page.Locator("#fresh-link-requested")).ToContainTextAsync("If this link was one of ours, a fresh link is on its way");
        await Assertions.Expect(page.Locator("#fresh-link-requested a")).ToHaveAttributeAsync("href", $"mailto:{TestSettings.HqAddress}");
        Assert.Single(site.Server.Outbox.To(site.Centre.CoordinatorEmail));
        Assert.DoesNotContain(violations, v => v.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task TheDeadLinkPageAndItsAnswerPassTheAccessibilityScan(string locale)
    {
        await using var site = await UploadSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = locale, BypassCSP = true });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{site.Server.BaseAddress}api/upload/not-a-token");
        var deadPage = await page.RunAxe(UploadPageBrowserTests.WcagRules);
        await page.Locator("#fresh-link button").ClickAsync();
        await Assertions.Expect(page.Locator("#fresh-link-requested")).ToBeVisibleAsync();
        var answer = await page.RunAxe(UploadPageBrowserTests.WcagRules);

        Assert.True(deadPage.Violations.Length == 0 && answer.Violations.Length == 0,
            string.Join("; ", deadPage.Violations.Concat(answer.Violations).Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
        Assert.Empty(site.Server.Outbox.Messages());
    }
}
