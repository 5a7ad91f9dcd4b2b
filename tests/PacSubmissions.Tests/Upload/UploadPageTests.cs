using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using PacSubmissions.Campaigns;
using PacSubmissions.Languages;
using PacSubmissions.Storage;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;
using PacSubmissions.Upload.Page;

namespace PacSubmissions.Tests.Upload;

public sealed class UploadPageTests
{
    [Fact]
    public async Task PageShowsCentreYearDeadlineTimeLeftAndTheForm()
    {
        await using var site = await UploadSite.StartAsync();

        using var response = await site.GetAsync(site.Url, acceptLanguage: "en-GB,en;q=0.8");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(site.Centre.Name, html, StringComparison.Ordinal);
        Assert.Contains($"{site.Campaign.Year} campaign", html, StringComparison.Ordinal);
        Assert.Contains("(Anywhere on Earth, UTC\u221212)", html, StringComparison.Ordinal);
        Assert.Contains("Time left: 7 days and 0 hours.", html, StringComparison.Ordinal);
        Assert.Contains("Accepted files: DOCX (Word), PDF, ODT (OpenDocument text). Largest size: 50 MB.", html, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        Assert.Contains("You have not sent a report yet.", html, StringComparison.Ordinal);
        Assert.True(html.Length < 16 * 1024, $"The page is {html.Length} bytes; it must stay small for slow links.");
    }

    [Fact]
    public async Task WithoutTheScriptTheLocalTimeRowShowsTheDeadlineInTheCentresOwnZone()
    {
        // 15 July 2030, 23:59:59 Anywhere on Earth is 11:59:59 UTC on the 16th: 16:59 in Almaty (UTC+5).
        var now = new DateTimeOffset(2030, 7, 1, 12, 0, 0, TimeSpan.Zero);
        var campaign = Campaign.WithDefaults(2030, now.AddDays(-30));
        await using var site = await UploadSite.StartAsync(now, campaign, TestData.Centre() with { TimeZone = "Asia/Almaty" });

        // Decoded as a browser reads it: the page writes "+" as "&#x2B;".
        var html = WebUtility.HtmlDecode(await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync());
        var russian = WebUtility.HtmlDecode(await (await site.GetAsync(site.Url, acceptLanguage: "ru")).Content.ReadAsStringAsync());

        Assert.Contains(">Monday, 15 July 2030 at 23:59 (Anywhere on Earth, UTC\u221212)</time>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>In your local time</dt><dd><time id=\"deadline-local\" class=\"local-time\" datetime=\"2030-07-16T11:59:59Z\">Tuesday, 16 July 2030 at 16:59 (Almaty, UTC+5)</time>",
            html, StringComparison.Ordinal);
        Assert.Contains(">16 июля 2030 г. (вторник), 16:59 (Almaty, UTC+5)</time>", russian, StringComparison.Ordinal);
        Assert.DoesNotContain("11:59 UTC", html, StringComparison.Ordinal);

        // An upload at the test clock's 12:00 UTC is listed at 17:00, Almaty's time.
        using var upload = await site.PostFileAsync(UploadSite.Sample("korea-2021.docx"), "report.docx");
        var listed = WebUtility.HtmlDecode(await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync());
        Assert.Contains("datetime=\"2030-07-01T12:00:00Z\">Monday, 1 July 2030 at 17:00 (Almaty, UTC+5)</time>", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheCentresZoneTheLocalTimeRowFallsBackToUtc()
    {
        var now = new DateTimeOffset(2030, 7, 1, 12, 0, 0, TimeSpan.Zero);
        await using var site = await UploadSite.StartAsync(now, Campaign.WithDefaults(2030, now.AddDays(-30)), TestData.Centre() with { TimeZone = "" });

        var html = WebUtility.HtmlDecode(await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync());

        Assert.Contains("datetime=\"2030-07-16T11:59:59Z\">Tuesday, 16 July 2030 at 11:59 (UTC)</time>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageOffersTheFormAsAWordDocumentForTheCentreInThePagesLanguage()
    {
        await using var site = await UploadSite.StartAsync();

        var html = await (await site.GetAsync(site.Url, acceptLanguage: "de")).Content.ReadAsStringAsync();
        using var download = await site.GetAsync($"{site.Url}/template?lang=de", acceptLanguage: "de");
        using var forged = await site.GetAsync($"{site.Url[..^2]}xx/template", acceptLanguage: "en");

        Assert.Contains("id=\"template\"><a href=\"/api/upload/", html, StringComparison.Ordinal);
        Assert.Contains("/template?lang=de\" download>Berichtsformular als Word-Dokument herunterladen", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"pac-{site.Campaign.Year}-{site.Centre.Id}-form-de.docx", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        var reading = await PacSubmissions.Tests.Reports.TestDocuments.ReadAsync(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(PacSubmissions.Forms.FormDefinitions.Current.Keys, reading.Sections.Select(s => s.Key));
        Assert.Equal("2. Internationale Zusammenarbeit", reading.Sections[1].Question);
        Assert.Contains(site.Centre.CoordinatorEmail, reading.Emails);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Theory]
    [InlineData("en", "What your report must contain", "Your report covers your centre's activities in 2029.", "International Cooperation", "(required)", "Any other comments", "Questions about the report? Write to IFLA HQ:")]
    [InlineData("ru", "Что должно быть в отчёте", "Отчёт охватывает деятельность вашего центра в 2029 году.", "Международное сотрудничество", "(обязательно)", "Другие комментарии", "Есть вопросы об отчёте? Напишите в штаб-квартиру ИФЛА:")]
    [InlineData("ar", "ما يجب أن يتضمنه تقريركم", "يغطي تقريركم أنشطة مركزكم في عام 2029.", "التعاون الدولي", "(إلزامي)", "تعليقات أخرى", "هل لديكم أسئلة عن التقرير؟ راسلوا المقر الرئيسي للإفلا:")]
    public async Task ThePageSaysWhatTheReportMustContainInItsLanguageAfterTheSendButton(
        string language, string title, string activities, string requiredQuestion, string requiredMark, string optionalQuestion, string askHq)
    {
        await using var site = await UploadSite.StartAsync();

        var html = await (await site.GetAsync($"{site.Url}?lang={language}")).Content.ReadAsStringAsync();
        var section = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "<details id=\"what-to-send\">.*?</details>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);

        Assert.Equal(2030, site.Campaign.Year);
        Assert.True(html.IndexOf("id=\"send\"", StringComparison.Ordinal) < html.IndexOf("id=\"what-to-send\"", StringComparison.Ordinal), "The send button must come before the section.");
        Assert.Contains($"<summary>{title}</summary>", section, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"activities-year\">{activities}</p>", section, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"question\">{requiredQuestion}</span> <strong class=\"required\">{requiredMark}</strong><span class=\"hint\">", section, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"question\">{optionalQuestion}</span></li>", section, StringComparison.Ordinal);
        var form = PacSubmissions.Forms.FormDefinitions.Current;
        var listed = System.Text.RegularExpressions.Regex.Matches(section, "<li data-key=\"([a-z-]+)\">(.*?)</li>").Select(m => (Key: m.Groups[1].Value, Text: m.Groups[2].Value)).ToList();
        Assert.Equal(form.Keys, listed.Select(l => l.Key));
        Assert.Equal(form.RequiredKeys, listed.Where(l => l.Text.Contains($"<strong class=\"required\">{requiredMark}</strong>", StringComparison.Ordinal)).Select(l => l.Key));
        Assert.All(form.Questions.Where(q => q.Hint is not null), q => Assert.Contains($"<span class=\"hint\">{q.HintIn(language)}</span>", listed.Single(l => l.Key == q.Key).Text, StringComparison.Ordinal));
        Assert.Contains($"<p id=\"ask-hq\">{askHq} <a href=\"mailto:{TestSettings.HqAddress}\">{TestSettings.HqAddress}</a></p>", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeUploadsOpenThePageAlreadySaysWhatTheReportMustContain()
    {
        var campaign = Campaign.WithDefaults(2031, DateTimeOffset.UtcNow.AddDays(10));
        await using var site = await UploadSite.StartAsync(campaign: campaign);

        var html = WebUtility.HtmlDecode(await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync());

        Assert.Contains("id=\"not-open\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"send\"", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"activities-year\">Your report covers your centre's activities in 2030.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<li data-key=\"centre\"><span class=\"question\">PAC Centre</span> <strong class=\"required\">(required)</strong><span class=\"hint\">hosting institution, country and contact information</span></li>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-CA,fr;q=0.9", null, "fr", "ltr", "Déposer votre rapport annuel")]
    [InlineData("ja,ar;q=0.5", null, "ar", "rtl", "رفع تقريرك السنوي")]
    [InlineData("ja", null, "ru", "ltr", "Загрузка годового отчёта")]
    [InlineData("fr", "zh", "zh", "ltr", "上传年度报告")]
    [InlineData("de-AT", null, "de", "ltr", "Jahresbericht hochladen")]
    [InlineData("es-MX", null, "es", "ltr", "Enviar su informe anual")]
    public async Task LanguageComesFromSwitcherThenBrowserThenCentre(string acceptLanguage, string? chosen, string expected, string dir, string title)
    {
        await using var site = await UploadSite.StartAsync();
        var url = chosen is null ? site.Url : $"{site.Url}?lang={chosen}";

        var html = await (await site.GetAsync(url, acceptLanguage: acceptLanguage)).Content.ReadAsStringAsync();

        Assert.StartsWith($"<!DOCTYPE html><html lang=\"{expected}\" dir=\"{dir}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        foreach (var language in Texts.All)
        {
            Assert.Contains($"?lang={language.Code}\" lang=\"{language.Code}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ACentresNameAndAFilesNameAreShownAsTextOnEveryPageNeverAsMarkup()
    {
        var centre = Infrastructure.TestData.Centre(name: "PAC <script>alert(1)</script> «Алматы» & Co");
        await using var site = await UploadSite.StartAsync(centre: centre, processOnDemand: true);
        using var received = await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"), "<img src=x onerror=alert(1)>.pdf", accept: "text/html");
        var receipt = await received.Content.ReadAsStringAsync();
        var submissionId = (await site.Server.Get<UploadHistory>().ListAsync(site.Campaign.Year, centre.Id, CancellationToken.None)).Single().SubmissionId;

        var page = await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync();
        var check = await (await site.GetAsync($"{site.Url}/status/{submissionId}", acceptLanguage: "en")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Accepted, received.StatusCode);
        Assert.Contains("<p class=\"centre\">PAC &lt;script&gt;alert(1)&lt;/script&gt; «Алматы» &amp; Co</p>", page, StringComparison.Ordinal);
        foreach (var html in new[] { page, receipt, check })
        {
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;.pdf", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script"));
        }
    }

    [Fact]
    public async Task EveryResponseCarriesTheSecurityHeaders()
    {
        await using var site = await UploadSite.StartAsync();
        using var upload = await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"), "r.pdf");
        var accepted = await upload.Content.ReadFromJsonAsync<UploadAccepted>();
        using var refused = await site.PostFileAsync([], "empty.pdf");
        var urls = new[]
        {
            site.Url,
            $"{site.Server.BaseAddress}api/upload/forged.2030.1.1.abc",
            accepted!.StatusUrl,
            $"{site.Server.BaseAddress}api/upload-assets/upload.js",
            $"{site.Server.BaseAddress}api/upload-assets/upload.css",
        };

        var responses = new List<HttpResponseMessage> { upload, refused };
        foreach (var url in urls)
        {
            responses.Add(await site.GetAsync(url));
        }

        foreach (var response in responses)
        {
            var headers = response.Headers;
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", Assert.Single(headers.GetValues("Referrer-Policy")));
            Assert.Equal(SecurityHeaders.StrictTransportSecurity, Assert.Single(headers.GetValues("Strict-Transport-Security")));
            Assert.True(headers.CacheControl?.NoStore, response.RequestMessage?.RequestUri?.ToString());
        }

        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("text/javascript", responses[^2].Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/css", responses[^1].Content.Headers.ContentType?.MediaType);
        responses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task PageHasNoInlineScriptOrStyle()
    {
        await using var site = await UploadSite.StartAsync();

        var html = await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script"));
        Assert.Contains("<script src=\"/api/upload-assets/upload.js\" defer></script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAssetIs404()
    {
        await using var site = await UploadSite.StartAsync();

        using var response = await site.GetAsync($"{site.Server.BaseAddress}api/upload-assets/secrets.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StatusJsonAndTheCheckPageSpellTheStatesAsThePagesScriptReadsThem()
    {
        await using var site = await UploadSite.StartAsync(processOnDemand: true);
        using var upload = await site.PostFileAsync(UploadSite.Sample("incomplete-2021.docx"), "incomplete.docx");
        var accepted = (await upload.Content.ReadFromJsonAsync<UploadAccepted>())!;

        using var before = System.Text.Json.JsonDocument.Parse(await (await site.GetAsync(accepted.StatusUrl, accept: "application/json")).Content.ReadAsStringAsync());
        var pageBefore = await (await site.GetAsync(accepted.StatusUrl)).Content.ReadAsStringAsync();
        await site.ProcessAsync(accepted.SubmissionId);
        using var after = System.Text.Json.JsonDocument.Parse(await (await site.GetAsync(accepted.StatusUrl, accept: "application/json")).Content.ReadAsStringAsync());
        var pageAfter = await (await site.GetAsync(accepted.StatusUrl)).Content.ReadAsStringAsync();

        Assert.Contains("id=\"check-result\" data-state=\"checking\"", pageBefore, StringComparison.Ordinal);
        Assert.Contains("id=\"check-result\" data-state=\"checked\"", pageAfter, StringComparison.Ordinal);

        Assert.Equal("checking", before.RootElement.GetProperty("state").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, before.RootElement.GetProperty("checkStatus").ValueKind);
        Assert.Equal("checked", after.RootElement.GetProperty("state").GetString());
        Assert.Equal("incomplete", after.RootElement.GetProperty("checkStatus").GetString());
    }

    [Fact]
    public async Task StatusSaysCheckingUntilTheProcessorStoresTheCheckThenShowsEachProblemInPlainWords()
    {
        await using var site = await UploadSite.StartAsync(processOnDemand: true);
        using var upload = await site.PostFileAsync(UploadSite.Sample("incomplete-2021.docx"), "incomplete.docx");
        var accepted = (await upload.Content.ReadFromJsonAsync<UploadAccepted>())!;

        var before = await (await site.GetAsync($"{accepted.StatusUrl}?lang=fr", accept: "application/json")).Content.ReadFromJsonAsync<UploadStatus>();
        await site.ProcessAsync(accepted.SubmissionId);
        var after = await (await site.GetAsync($"{accepted.StatusUrl}?lang=fr", accept: "application/json")).Content.ReadFromJsonAsync<UploadStatus>();
        var page = await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync();

        Assert.Equal(UploadState.Checking, before!.State);
        Assert.Equal("Vérification en cours…", before.Summary);
        Assert.Equal(UploadState.Checked, after!.State);
        Assert.Equal(PacSubmissions.Reports.ReportStatus.Incomplete, after.CheckStatus);
        Assert.Equal(
            [
                "Cette question du formulaire manque : Coopération locale.",
                "Cette question n’a pas de vraie réponse : Ateliers/formations/événements.",
                "Cette question du formulaire manque : Participation du Centre PAC aux initiatives de l'IFLA.",
            ],
            after.Problems.Select(p => p.Text));
        Assert.Contains("This question has no real answer: Workshops/trainings/events.", page, StringComparison.Ordinal);
        Assert.Contains("Incomplete: some required questions are missing or not answered.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADamagedFileAfterAGoodReportSaysItDoesNotCountWhichReportStillDoesAndHowToMendIt()
    {
        await using var site = await UploadSite.StartAsync(processOnDemand: true);
        using var good = await site.PostFileAsync(UploadSite.Sample("korea-2021.docx"), "report.docx");
        var first = (await good.Content.ReadFromJsonAsync<UploadAccepted>())!;
        await site.ProcessAsync(first.SubmissionId);
        site.Clock.Advance(TimeSpan.FromHours(2));
        using var broken = await site.PostFileAsync(UploadSite.Sample("truncated.docx"), "report-final.docx");
        var second = (await broken.Content.ReadFromJsonAsync<UploadAccepted>())!;
        var whileChecking = await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync();
        await site.ProcessAsync(second.SubmissionId);

        var english = await (await site.GetAsync(site.Url, acceptLanguage: "en")).Content.ReadAsStringAsync();
        var russian = await (await site.GetAsync(site.Url, acceptLanguage: "ru")).Content.ReadAsStringAsync();

        // The centre has no zone in the register: its report's time in UTC, phrased as each language says a date (ShowTimeTests).
        var firstAt = ShowTime.At(Texts.English, first.ReceivedAt, "UTC");
        Assert.DoesNotContain("does-not-count", whileChecking, StringComparison.Ordinal);
        var notice = $"This file does not count: your report of {firstAt} is still the one we use.";
        Assert.Contains(notice, english, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(english, "class=\"does-not-count\""));
        // The notice sits in the broken upload's row (newest first), not in the good one's.
        var (brokenRow, goodRow, at) = (english.IndexOf($"data-submission=\"{second.SubmissionId}\"", StringComparison.Ordinal),
            english.IndexOf($"data-submission=\"{first.SubmissionId}\"", StringComparison.Ordinal), english.IndexOf(notice, StringComparison.Ordinal));
        Assert.True(brokenRow < at && at < goodRow, $"The notice is at {at}, outside the broken upload's row ({brokenRow} to {goodRow}).");
        Assert.Contains("save it again as .docx or PDF, and send that file.", english, StringComparison.Ordinal);
        Assert.Contains($"Этот файл не учитывается: мы по-прежнему используем ваш отчёт от {ShowTime.At(Texts.Russian, first.ReceivedAt, "UTC")}.", russian, StringComparison.Ordinal);
        Assert.Contains("сохраните заново в формате .docx или PDF", russian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusOfAnotherCentresOrUnknownUploadIs404()
    {
        await using var site = await UploadSite.StartAsync();
        var other = Infrastructure.TestData.Centre("br-rio", "PAC Centre Rio");
        await Infrastructure.TestData.SeedAsync(site.Server.Services, site.Campaign, other);
        using var upload = await site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"), "r.pdf");
        var accepted = (await upload.Content.ReadFromJsonAsync<UploadAccepted>())!;

        using var otherCentre = await site.GetAsync($"{site.LinkFor(other.Id)}/status/{accepted.SubmissionId}", accept: "application/json");
        using var unknown = await site.GetAsync($"{site.Url}/status/20300101T000000000Z-00000000", accept: "application/json");
        using var malformed = await site.GetAsync($"{site.Url}/status/..%2F..%2Fetc", accept: "application/json");

        Assert.Equal(HttpStatusCode.NotFound, otherCentre.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }
}
