using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PacSubmissions.Campaigns;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Upload;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Browser;

[Trait("Category", "Slow")]
[Collection(SharedChromium.Name)]
public sealed class UploadPageBrowserTests(Chromium chromium)
{
    /// <summary>The rules every scan of a coordinator's page runs: WCAG 2.1 A and AA, and axe's best practices.</summary>
    internal static readonly AxeRunOptions WcagRules = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    };

    private static readonly Campaign Campaign = Campaign.WithDefaults(2030, new DateTimeOffset(2030, 3, 1, 0, 0, 0, TimeSpan.Zero), "Europe/Paris");

    [Fact]
    public async Task CoordinatorUploadsASampleSeesProgressThenTheCheckResult()
    {
        await using var site = await UploadSite.StartAsync(Campaign.Deadline.AddDays(-3), Campaign, processOnDemand: true);
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url);

        await page.SetInputFilesAsync("#file", Samples.PathOf("incomplete-2021.docx"));
        await page.ClickAsync("#send");

        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync("on time");
        await Assertions.Expect(page.Locator("#progress-area")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#progress")).ToHaveAttributeAsync("value", "100");
        // The bytes sent, as the browser writes sizes in the page's language: all of them by the time it is received.
        var size = $"{Math.Ceiling(new FileInfo(Samples.PathOf("incomplete-2021.docx")).Length / 1024.0)} kB";
        await Assertions.Expect(page.Locator("#progress-text")).ToHaveTextAsync($"{size} of {size} sent");
        await Assertions.Expect(page.Locator("#check-summary")).ToHaveTextAsync("Being checked…");

        await ProcessLatestAsync(site);

        await Assertions.Expect(page.Locator("#check-summary")).ToHaveTextAsync("Incomplete: some required questions are missing or not answered.", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#check-problems li")).ToHaveTextAsync(
        [
            "This question of the form is missing: Local Cooperation.",
            "This question has no real answer: Workshops/trainings/events.",
            "This question of the form is missing: Involvement of the PAC Centre with the IFLA Initiatives.",
        ]);
    }

    [Fact]
    public async Task AfterAnUploadTheUploadsListShowsItAndThenItsCheckWithoutAReload()
    {
        await using var site = await UploadSite.StartAsync(Campaign.Deadline.AddDays(-3), Campaign, processOnDemand: true);
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url);
        await Assertions.Expect(page.Locator("#no-uploads")).ToHaveTextAsync("You have not sent a report yet.");

        await page.SetInputFilesAsync("#file", Samples.PathOf("incomplete-2021.docx"));
        await page.ClickAsync("#send");

        var row = page.Locator("#uploads tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#no-uploads")).ToHaveCountAsync(0);
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("incomplete-2021.docx");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToContainTextAsync("Being checked…");

        await ProcessLatestAsync(site);

        await Assertions.Expect(row.Locator("td").Nth(3)).ToContainTextAsync("Incomplete: some required questions are missing or not answered.", new() { Timeout = 30_000 });
        await Assertions.Expect(row.Locator("li").First).ToHaveTextAsync("This question of the form is missing: Local Cooperation.");
        // The new row's time is shown in the reader's own time, as the rows the page came with are.
        await Assertions.Expect(row.Locator("time")).Not.ToContainTextAsync("UTC");
    }

    [Fact]
    public async Task WithoutJavaScriptTheResultPageLinksToTheCheckWhichShowsItOnceDone()
    {
        await using var site = await UploadSite.StartAsync(Campaign.Deadline.AddDays(-3), Campaign, processOnDemand: true);
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "fr", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url + "?lang=fr");
        await page.SetInputFilesAsync("#file", Samples.PathOf("incomplete-2021.docx"));
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#send"), r => r.Request.Method == "POST");

        await page.ClickAsync("#check-link");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("La vérification de votre rapport");
        await Assertions.Expect(page.Locator("#check-summary")).ToHaveTextAsync("Vérification en cours…");
        await Assertions.Expect(page.Locator("#check-refreshes")).ToBeVisibleAsync();

        await ProcessLatestAsync(site);

        // The page reloads itself (no script) until the check is done, then stops.
        await Assertions.Expect(page.Locator("#check-summary")).ToHaveTextAsync("Incomplet : des questions obligatoires manquent ou sont sans réponse.", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#check-problems li").First).ToContainTextAsync("Cette question du formulaire manque");
        Assert.Equal(0, await page.Locator("meta[http-equiv=refresh]").CountAsync());
    }

    [Fact]
    public async Task LateUploadShowsTheLateNotice()
    {
        await using var site = await UploadSite.StartAsync(Campaign.OnTimeUntil().AddMinutes(1), Campaign);
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url);

        await Assertions.Expect(page.Locator("#late-notice")).ToContainTextAsync("The deadline has passed.");
        await page.SetInputFilesAsync("#file", Samples.PathOf("brazil-2021.pdf"));
        await page.ClickAsync("#send");

        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync("after the deadline: it is stored and marked late.");
    }

    [Fact]
    public async Task ForgedLinkShowsTheErrorPage()
    {
        await using var site = await UploadSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en" });
        var page = await context.NewPageAsync();
        var token = site.Url[(site.Url.LastIndexOf('/') + 1)..];
        var forged = site.Url.Replace(token, token.Replace(site.Centre.Id, "xx-forged", StringComparison.Ordinal), StringComparison.Ordinal);

        var response = await page.GotoAsync(forged);

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("This link does not work");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("Please ask IFLA HQ for a new link.");
        // No upload form: the one form left asks for a fresh link to be sent to the register's address.
        Assert.Equal(0, await page.Locator("#upload-form").CountAsync());
        await Assertions.Expect(page.Locator("form")).ToHaveAttributeAsync("action", new System.Text.RegularExpressions.Regex("/fresh-link\\?lang=en$"));
    }

    [Fact]
    public async Task FormWorksWithoutJavaScript()
    {
        await using var site = await UploadSite.StartAsync(Campaign.Deadline.AddDays(-3), Campaign, TestData.Centre() with { TimeZone = "Asia/Almaty" });
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url);
        // Without the script, the server says the deadline (23:59 in Paris) in the centre's own zone from the register.
        await Assertions.Expect(page.Locator("#deadline-local")).ToHaveTextAsync("Tuesday, 16 July 2030 at 02:59 (Almaty, UTC+5)");

        await page.SetInputFilesAsync("#file", Samples.PathOf("central-asia-2020.docx"));
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#send"), r => r.Request.Method == "POST");

        Assert.Equal(202, response.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thank you: your report was received");
        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync("on time");
        // The receipt's time too, in the centre's zone: 21:59:59 UTC on 12 July is 02:59 on the 13th in Almaty.
        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync("Received Saturday, 13 July 2030 at 02:59 (Almaty, UTC+5), on time.");
        await page.ClickAsync("#back");
        await Assertions.Expect(page.Locator("#uploads tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#uploads tbody td").Nth(1)).ToHaveTextAsync("central-asia-2020.docx");
    }

    [Fact]
    public async Task DroppedFileIsUploaded()
    {
        await using var site = await UploadSite.StartAsync(Campaign.Deadline.AddDays(-3), Campaign);
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url);

        var dataTransfer = await page.EvaluateHandleAsync(
            "() => { const d = new DataTransfer(); d.items.add(new File(['%PDF-1.4 dropped report'], 'dropped.pdf', { type: 'application/pdf' })); return d; }");
        await page.DispatchEventAsync("#drop-zone", "drop", new { dataTransfer });
        await page.ClickAsync("#send");

        await Assertions.Expect(page.Locator("#receipt")).ToContainTextAsync("on time");
        var uploads = await site.Server.Get<UploadHistory>().ListAsync(Campaign.Year, site.Centre.Id, CancellationToken.None);
        Assert.Equal("dropped.pdf", Assert.Single(uploads).FileName);
    }

    [Fact]
    public async Task PageFitsAPhoneScreenWithoutSidewaysScrolling()
    {
        await using var site = await UploadSite.StartAsync();
        using (var upload = await site.PostFileAsync(UploadSite.Sample("central-asia-2020.docx"), "a-report-with-a-rather-long-file-name-2030.docx"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, upload.StatusCode);
        }

        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            Locale = "ru", ViewportSize = new() { Width = 360, Height = 640 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url);

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await Assertions.Expect(page.Locator("#send")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task OnAPhoneTheSendButtonComesFirstAndWhatToSendOpensToTheQuestionsWithTheRequiredOnesMarked()
    {
        await using var site = await UploadSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            Locale = "ru", ViewportSize = new() { Width = 360, Height = 640 }, IsMobile = true, HasTouch = true, BypassCSP = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url);

        await Assertions.Expect(page.Locator("#send")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("#questions")).ToBeHiddenAsync();
        Assert.True((await page.Locator("#send").BoundingBoxAsync())!.Y < (await page.Locator("#what-to-send").BoundingBoxAsync())!.Y);

        await page.ClickAsync("#what-to-send summary");

        var form = PacSubmissions.Forms.FormDefinitions.Current;
        await Assertions.Expect(page.Locator("#questions li .question")).ToHaveTextAsync([.. form.Questions.Select(q => q.TextIn("ru"))]);
        await Assertions.Expect(page.Locator("#questions li:has(.required) .question")).ToHaveTextAsync([.. form.Questions.Where(q => q.Required).Select(q => q.TextIn("ru"))]);
        await Assertions.Expect(page.Locator("#questions li[data-key=local-cooperation] .required")).ToHaveTextAsync("(обязательно)");
        await Assertions.Expect(page.Locator("#questions li[data-key=centre] .hint")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#questions li[data-key=centre] .hint")).ToHaveTextAsync("принимающая организация, страна и контактная информация");
        await Assertions.Expect(page.Locator("#activities-year")).ToHaveTextAsync($"Отчёт охватывает деятельность вашего центра в {site.Campaign.Year - 1} году.");
        await Assertions.Expect(page.Locator("#ask-hq a")).ToHaveAttributeAsync("href", $"mailto:{TestSettings.HqAddress}");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        var result = await page.RunAxe(WcagRules);
        Assert.True(result.Violations.Length == 0,
            string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
    }

    [Fact]
    public async Task ArabicPageIsRightToLeft()
    {
        await using var site = await UploadSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "ar" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(site.Url);

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.body).direction"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("رفع تقريرك السنوي");
    }

    [Fact]
    public async Task LanguageSwitcherChangesTheLanguage()
    {
        await using var site = await UploadSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url);

        await page.ClickAsync("nav a[lang=zh]");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("上传年度报告");
        await Assertions.Expect(page.Locator("nav a[aria-current=true]")).ToHaveAttributeAsync("lang", "zh");
    }

    [Theory]
    [InlineData("en", false)]
    [InlineData("ar", false)]
    [InlineData("ru", true)]
    public async Task AccessibilityScanFindsNoViolations(string locale, bool late)
    {
        var now = late ? Campaign.OnTimeUntil().AddMinutes(1) : Campaign.Deadline.AddDays(-3);
        await using var site = await UploadSite.StartAsync(now, Campaign, processOnDemand: true);
        using (var upload = await site.PostFileAsync(UploadSite.Sample("incomplete-2021.docx"), "incomplete.docx"))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, upload.StatusCode);
        }

        await ProcessLatestAsync(site);
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = locale, BypassCSP = true });
        var page = await context.NewPageAsync();
        var forged = site.Url[..(site.Url.LastIndexOf('/') + 1)] + "forged.2030.1.1.x";

        foreach (var url in new[] { site.Url, forged })
        {
            await page.GotoAsync(url);
            var result = await page.RunAxe(WcagRules);

            Assert.NotEmpty(result.Passes);
            Assert.True(result.Violations.Length == 0,
                $"{url}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
        }
    }

    [Fact]
    public async Task AccessibilityScanCatchesAFileInputWithoutALabel()
    {
        await using var site = await UploadSite.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en", BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url);

        await page.EvaluateAsync("document.querySelector('label[for=file]').remove(); document.getElementById('file').removeAttribute('aria-describedby')");
        var result = await page.RunAxe();

        Assert.Contains(result.Violations, v => v.Id == "label");
    }

    private static async Task ProcessLatestAsync(UploadSite site)
    {
        var uploads = await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, site.Centre.Id, CancellationToken.None);
        await site.ProcessAsync(uploads[0].SubmissionId);
    }
}
