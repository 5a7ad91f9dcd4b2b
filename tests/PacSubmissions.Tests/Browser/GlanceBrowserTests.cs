using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Dashboard.Pages;
using PacSubmissions.Forms;
using PacSubmissions.Overview;
using PacSubmissions.Tests.Dashboard;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Reports;

namespace PacSubmissions.Tests.Browser;

/// <summary>
/// HQ sees a campaign at a glance, in a real browser, on three campaigns played through the upload links (2028, 2029,
/// 2030): the centre × question grid, the progress chart, a question's page, and a centre's answers and on-time record
/// across the years. axe finds nothing on any of these pages.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SharedChromium.Name)]
public sealed class GlanceBrowserTests(Chromium chromium)
{
    private static readonly Centre Rio = TestData.Centre("br-rio", "PAC Centre Rio de Janeiro", "rio@pac-test.example") with { City = "Rio de Janeiro", Country = "Brazil" };

    private static readonly FormDefinition Form = FormDefinitions.Current;

    private static DateTimeOffset At(int year, int month, int day, int hour = 10) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Almaty reports on time in 2028, late in 2029, on time in 2030; the hostile-named centre sends nothing in 2028 and
    /// is on time in 2029 only by the deadline HQ extends for it; Rio, new in 2030, first sends a broken file, then a
    /// report whose one answer is two words (needs review). HQ's zone is Europe/Amsterdam.
    /// </summary>
    private static async Task<DashboardSite> PlayedAsync()
    {
        var site = await DashboardSite.StartAsync(startAt: At(2028, 6, 20));
        var campaign2028 = TestData.OpenCampaign(At(2028, 7, 1, 12), 2028);
        var campaign2029 = TestData.OpenCampaign(At(2029, 7, 1, 12), 2029);
        await TestData.SeedAsync(site.Server.Services, campaign2028, Rio);
        await TestData.SeedAsync(site.Server.Services, campaign2029);

        await site.UploadAsync(DashboardSite.Almaty, campaign2028, Samples.PathOf("korea-2021.docx"));

        site.Clock.SetUtcNow(At(2029, 7, 10));
        await site.UploadAsync(DashboardSite.Almaty, campaign2029, Samples.PathOf("china-2021.docx"));
        using (var extended = await site.PostAsync("/api/dashboard/2029/centres/xx-evil/actions/extend", ("deadline", "2029-07-15")))
        {
            extended.EnsureSuccessStatusCode();
        }

        Assert.NotNull(await site.Get<CentreDeadlines>().FindAsync(2029, DashboardSite.Evil.Id, CancellationToken.None));

        site.Clock.SetUtcNow(At(2029, 7, 12));
        await site.UploadAsync(DashboardSite.Evil, campaign2029, Samples.PathOf("brazil-2021.pdf"));

        // Whole to its end (a file cut short is refused at upload) but damaged inside: the reader finds it unreadable.
        var damaged = Path.Combine(Path.GetTempPath(), $"damaged-{Guid.NewGuid():N}.docx");
        var shortSuggestion = ShortSuggestionReport();
        await File.WriteAllBytesAsync(damaged, TestDocuments.DamagedDocx());
        try
        {
            site.Clock.SetUtcNow(At(2030, 6, 5));
            await site.UploadAsync(Rio, damaged, "report.docx");
            site.Clock.SetUtcNow(At(2030, 6, 10));
            await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("central-asia-2020.docx"));
            await site.UploadAsync(Rio, shortSuggestion);
        }
        finally
        {
            File.Delete(damaged);
            File.Delete(shortSuggestion);
        }

        site.Clock.SetUtcNow(At(2030, 6, 20));
        await site.UploadAsync(DashboardSite.Evil, Samples.PathOf("incomplete-2021.docx"));
        site.Clock.SetUtcNow(DashboardSite.Now);
        return site;
    }

    /// <summary>A Word report answering every question in full but the suggestions, answered in two words.</summary>
    private static byte[] ShortSuggestionDocx() =>
        TestDocuments.Docx([.. FormText.English.Pairs.Select((pair, i) =>
            TestDocuments.BoldLead(pair.Question, Form.Keys[i] == "suggestions" ? "Maybe later." : pair.Answer))]);

    private static string ShortSuggestionReport()
    {
        var path = Path.Combine(Path.GetTempPath(), $"short-suggestion-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(path, ShortSuggestionDocx());
        return path;
    }

    private static string Cell(AnswerMark mark) => AnswerMarks.Of(mark) is var (_, _, symbol, label) ? symbol + label : "";

    [Fact]
    public async Task HqSeesTheGridTheProgressAQuestionAndACentreAcrossYears()
    {
        await using var site = await PlayedAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await SignInAsync(page, site, "/api/dashboard/2030");

        // The campaign table names the questions, not their keys; it links the glance pages.
        var almatyRow = page.Locator("#centres tbody tr", new() { HasText = "PAC Centre Almaty" });
        await Assertions.Expect(almatyRow).ToContainTextAsync("6 of 8: PAC Centre, International Cooperation, ");
        await Assertions.Expect(almatyRow).Not.ToContainTextAsync("international-cooperation");

        // The grid: one row per centre, a symbol and its words in each cell, read from each report that counts.
        await page.GetByRole(AriaRole.Link, new() { Name = "Answers by question" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Answers 2030");
        var headers = await page.Locator("#answer-grid thead th").AllInnerTextsAsync();
        Assert.Equal(["Centre", .. Form.Keys.Select(k => Form.TitleOf(k))], headers.Select(h => h.Trim()));
        const AnswerMark A = AnswerMark.Answered, N = AnswerMark.NotAnswered, M = AnswerMark.Missing, R = AnswerMark.NeedsReview;
        Assert.Equal([A, A, A, A, A, A, N, N], await MarksAsync(page, "PAC Centre Almaty"));
        Assert.Equal([A, A, M, N, M, M, M, M], await MarksAsync(page, "alert("));
        Assert.Equal([A, A, A, A, A, R, A, A], await MarksAsync(page, "PAC Centre Rio de Janeiro"));
        await Assertions.Expect(page.Locator("#answer-grid tbody tr", new() { HasText = "Almaty" }).GetByRole(AriaRole.Link))
            .ToHaveAttributeAsync("href", "/api/dashboard/2030/centres/kz-almaty");

        // A question's page: every centre's answer in the table's order, the answer as the report has it.
        await page.GetByRole(AriaRole.Link, new() { Name = Form.TitleOf("standards") }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Form.TitleOf("standards"));
        var rioStandards = (await TestDocuments.ReadAsync(ShortSuggestionDocx())).AnswerTo("standards");
        var sections = page.Locator("#question-answers section");
        await Assertions.Expect(sections).ToHaveCountAsync(3);
        await Assertions.Expect(sections.Filter(new() { HasText = "Almaty" }).Locator(".no-answer")).ToHaveTextAsync("Not answered.");
        await Assertions.Expect(sections.Filter(new() { HasText = "Rio" }).Locator(".answer")).ToHaveTextAsync(rioStandards!);
        await Assertions.Expect(sections.Filter(new() { HasText = "alert(" }).Locator(".no-answer")).ToHaveTextAsync("Not answered.");

        // Progress: one point per day in HQ's zone from the opening (1 June) to today (1 July), counting readable reports.
        await page.GotoAsync(new Uri(site.Server.BaseAddress, "/api/dashboard/2030/progress").ToString());
        var expected = Enumerable.Range(0, 31).Select(day => day < 9 ? 0 : day < 19 ? 2 : 3).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var points = page.Locator("#progress-chart circle.point");
        await Assertions.Expect(points).ToHaveCountAsync(31);
        Assert.Equal(expected, await points.EvaluateAllAsync<string[]>("points => points.map(p => p.dataset.soFar)"));
        Assert.Equal("2030-06-10", await points.Nth(9).GetAttributeAsync("data-day"));
        await Assertions.Expect(page.Locator("#progress-days tbody tr")).ToHaveCountAsync(31);
        await Assertions.Expect(page.Locator("#days-left")).ToContainTextAsync("7 days left.");
        await Assertions.Expect(page.Locator("#reported")).ToContainTextAsync("3 of 3 centres have sent a readable report.");

        // A centre's page: this year's answers beside last year's and the year before's, and its record across years.
        await page.GotoAsync(new Uri(site.Server.BaseAddress, "/api/dashboard/2030/centres/kz-almaty").ToString());
        Assert.Equal(["2030 On time", "2029 Late", "2028 On time"], await RecordAsync(page));
        Assert.Equal(["Question", "2030", "2029", "2028"], (await page.Locator("#answers-by-year thead th").AllInnerTextsAsync()).Select(h => h.Trim()));
        var standards = page.Locator("#answers-by-year tbody tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = Form.TitleOf("standards"), Exact = true }) }).Locator("td");
        await Assertions.Expect(standards.Nth(0)).ToHaveTextAsync("Not answered");
        await Assertions.Expect(standards.Nth(1)).ToHaveTextAsync((await SampleAnswerAsync("china-2021.docx", "standards"))!);
        await Assertions.Expect(standards.Nth(2)).ToHaveTextAsync((await SampleAnswerAsync("korea-2021.docx", "standards"))!);
        await page.GotoAsync(new Uri(site.Server.BaseAddress, "/api/dashboard/2030/centres/xx-evil").ToString());
        Assert.Equal(["2030 On time", "2029 On time by an extended deadline", "2028 Missing"], await RecordAsync(page));

        // A broken file shows what it claimed to be, not the reader's "unknown".
        await page.GotoAsync(new Uri(site.Server.BaseAddress, "/api/dashboard/2030/centres/br-rio").ToString());
        await Assertions.Expect(page.Locator("#versions")).ToContainTextAsync("Unreadable: claims to be DOCX; not a readable DOCX");
    }

    [Fact]
    public async Task AccessibilityScanFindsNoViolationsOnTheGlancePages()
    {
        await using var site = await PlayedAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { Locale = "en", BypassCSP = true });
        var page = await context.NewPageAsync();
        await SignInAsync(page, site, "/api/dashboard");
        string[] paths =
        [
            "/api/dashboard/2030", "/api/dashboard/2030/answers", "/api/dashboard/2030/progress", "/api/dashboard/2030/questions/standards",
            "/api/dashboard/2030/centres/kz-almaty", "/api/dashboard/2030/centres/br-rio", "/api/dashboard/2028/progress", "/api/dashboard/2028/answers",
        ];
        foreach (var path in paths)
        {
            await page.GotoAsync(new Uri(site.Server.BaseAddress, path).ToString());
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            Assert.NotEmpty(result.Passes);
            Assert.True(result.Violations.Length == 0,
                $"{path}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")));
        }
    }

    private static async Task SignInAsync(IPage page, DashboardSite site, string path)
    {
        await page.GotoAsync(new Uri(site.Server.BaseAddress, path).ToString());
        await page.GetByLabel("Dashboard key").FillAsync(site.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
    }

    private static async Task<AnswerMark[]> MarksAsync(IPage page, string centre)
    {
        var cells = await page.Locator("#answer-grid tbody tr", new() { HasText = centre }).Locator("td").AllTextContentsAsync();
        return [.. cells.Select(text => AnswerMarks.All.Single(m => Cell(m.Mark) == text.Trim()).Mark)];
    }

    private static async Task<string[]> RecordAsync(IPage page) =>
        [.. (await page.Locator("#on-time-record tbody tr").AllInnerTextsAsync()).Select(row => Regex.Replace(row, @"\s+", " ").Trim()).Select(row => Regex.Replace(row, @" \d{4}-\d\d-\d\d .*$| –$", ""))];

    private static async Task<string?> SampleAnswerAsync(string sample, string key) =>
        (await TestDocuments.ReadAsync(await File.ReadAllBytesAsync(Samples.PathOf(sample)))).AnswerTo(key);
}
