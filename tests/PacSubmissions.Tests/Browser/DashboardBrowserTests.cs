using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PacSubmissions.Tests.Dashboard;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Browser;

/// <summary>HQ in a real browser: the sign-in with the key, a filter, a submission, a download, an accessibility scan.</summary>
[Trait("Category", "Slow")]
[Collection(SharedChromium.Name)]
public sealed class DashboardBrowserTests(Chromium chromium)
{
    [Fact]
    public async Task HqFiltersToLateCentresOpensASubmissionAndDownloadsIt()
    {
        await using var site = await DashboardSite.StartAsync();
        site.Clock.SetUtcNow(site.Campaign.OnTimeUntil().AddHours(1));
        var version = await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("korea-2021.docx"), fileName: "Almaty report 2030.docx");
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-GB", AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);

        // HQ opens a bookmark, is asked for the key once, and lands on the page it asked for at a clean address.
        await page.GotoAsync(new Uri(site.Server.BaseAddress, "/api/dashboard/2030").ToString());
        await page.GetByLabel("Dashboard key").FillAsync(site.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#centres tbody tr")).ToHaveCountAsync(2);
        Assert.Equal(new Uri(site.Server.BaseAddress, "/api/dashboard/2030").ToString(), page.Url);
        await page.SelectOptionAsync("#state", "late");
        // The URL, not the page's load event: a wait for "load" after a redirect can miss it under load (CI, stop 21).
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("state=late"));

        await Assertions.Expect(page.Locator("#centres tbody tr")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "PAC Centre Almaty" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("PAC Centre Almaty");
        // The link and the saved file carry the server's name; the centre's own is the label beside it.
        await Assertions.Expect(page.Locator("#versions .sent-as")).ToHaveTextAsync("(sent as “Almaty report 2030.docx”)");
        var serverName = $"kz-almaty-2030-{version.SubmissionId}.docx";
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = serverName }).ClickAsync());

        Assert.Equal(serverName, download.SuggestedFilename);
        Assert.Equal(await File.ReadAllBytesAsync(Samples.PathOf("korea-2021.docx")), await File.ReadAllBytesAsync((await download.PathAsync())!));
        await page.GotoAsync(new Uri(site.Server.BaseAddress, "/api/dashboard/2030/centres/xx-evil").ToString());
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("<script>alert('pwned')</script>");
        Assert.Empty(dialogs);
    }

    private const string ShownLink = "(the centre page showing a new link)";

    [Fact]
    public async Task AccessibilityScanFindsNoViolations()
    {
        await using var site = await DashboardSite.StartAsync();
        await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("incomplete-2021.docx"));
        using (await site.PostAsync("/api/dashboard/2030/centres/kz-almaty/actions/copy-link"))
        {
        }

        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en", BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Server.BaseAddress, "/api/dashboard/sign-in").ToString());
        var signIn = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.True(signIn.Violations.Length == 0, "sign-in: " + string.Join("; ", signIn.Violations.Select(v => $"{v.Id}: {v.Help}")));
        await page.GetByLabel("Dashboard key").FillAsync(site.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/api/dashboard$"));
        var paths = new[]
        {
            "/api/dashboard", "/api/dashboard?year=2030", "/api/dashboard/2030", "/api/dashboard/2030?state=late",
            "/api/dashboard/2030/centres/kz-almaty?notice=Done", ShownLink,
            "/api/dashboard/2030/centres/xx-evil", "/api/dashboard/2030/audit", "/api/dashboard/2099",
        };

        foreach (var path in paths)
        {
            await page.GotoAsync(new Uri(site.Server.BaseAddress, path == ShownLink ? "/api/dashboard/2030/centres/kz-almaty" : path).ToString());
            if (path == ShownLink)
            {
                // The link box appears only on the page the POST answers.
                await page.GetByRole(AriaRole.Button, new() { Name = "Show a new upload link" }).ClickAsync();
                await Assertions.Expect(page.Locator("#upload-link")).ToBeVisibleAsync();
            }

            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });

            Assert.NotEmpty(result.Passes);
            Assert.True(result.Violations.Length == 0,
                $"{path}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
        }
    }
}
