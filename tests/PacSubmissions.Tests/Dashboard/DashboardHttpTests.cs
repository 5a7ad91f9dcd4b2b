using System.Net;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Dashboard;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Reports;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>HQ's dashboard over real HTTP on the local host: the key, escaping, downloads and the campaign form.</summary>
public sealed class DashboardHttpTests
{
    private const string Base = "/api/dashboard";

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", Base },
        { "POST", Base },
        { "GET", $"{Base}/2030" },
        { "GET", $"{Base}/2030/centres/kz-almaty" },
        { "GET", $"{Base}/2030/centres/kz-almaty/versions/20300701T120000000Z-01234567/download" },
        { "POST", $"{Base}/2030/centres/kz-almaty/actions/revoke" },
        { "GET", $"{Base}/2030/audit" },
        { "GET", $"{Base}/2030/export/table.csv" },
        { "GET", $"{Base}/2030/export/reports.zip" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryDashboardRouteRefusesABrowserThatHasNotSignedIn(string method, string path)
    {
        await using var site = await DashboardSite.StartAsync();
        using var stranger = site.NewClient();
        using var forged = new HttpRequestMessage(new HttpMethod(method), path);
        forged.Headers.Add("Cookie", $"{DashboardSessions.CookieName}=AAAAAAAAAAAAAAAAAAAAAAAA.1999999999.c2lnbmF0dXJl");
        using var wrongHeader = new HttpRequestMessage(new HttpMethod(method), path);
        wrongHeader.Headers.Add(DashboardAccess.KeyHeader, "not-the-key-not-the-key-not-the-key");

        using var none = await stranger.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var withForgedCookie = await stranger.SendAsync(forged);
        using var withWrongKey = await stranger.SendAsync(wrongHeader);
        using var withTheOldCode = await stranger.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"{path}?code={site.Key}"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withForgedCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withWrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withTheOldCode.StatusCode);
        Assert.Empty(await site.Get<AuditLog>().ListAsync(2030, null, CancellationToken.None));
    }

    [Fact]
    public async Task EveryPageShowsAHostileReportAndCentreAsText()
    {
        await using var site = await DashboardSite.StartAsync();
        var version = await site.UploadAsync(DashboardSite.Evil, DashboardSite.HostileReport(), fileName: "<img src=x onerror=alert(1)>.docx");
        using var copied = await site.PostAsync($"{Base}/2030/centres/xx-evil/actions/copy-link");

        var pages = new[]
        {
            await site.PageAsync(Base),
            await site.PageAsync($"{Base}/2030"),
            await site.PageAsync($"{Base}/2030?q={Uri.EscapeDataString("<script>")}"),
            await site.PageAsync($"{Base}/2030/centres/xx-evil"),
            await site.PageAsync($"{Base}/2030/audit"),
        };

        Assert.NotEqual(ReportStatus.Unreadable, version.Check!.Status);
        foreach (var page in pages)
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>bold", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("PAC &lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; &quot;Co&quot;", pages[1], StringComparison.Ordinal);
        var centrePage = pages[3];
        Assert.Contains("&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; answer to Internatio", centrePage, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;.docx", centrePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCentrePageSaysWhenTheReaderIsUnsureAndWhy()
    {
        await using var site = await DashboardSite.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"unsure-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(path, TestDocuments.Docx([.. FormText.English.Pairs.Take(5).SelectMany(p => new[] { TestDocuments.Bold(p.Question), TestDocuments.Plain(p.Answer) }),
            TestDocuments.Bold("Practices which should be shared with colleagues"), TestDocuments.Plain("Our guide to handling wet books.")]));
        await site.UploadAsync(DashboardSite.Almaty, path);

        var page = await site.PageAsync($"{Base}/2030/centres/kz-almaty");
        var table = await site.PageAsync($"{Base}/2030");

        // The table names the questions as the form does, not by their keys.
        Assert.Contains($"{PacSubmissions.Forms.FormDefinitions.Current.TitleOf("ifla-initiatives")}, {PacSubmissions.Forms.FormDefinitions.Current.TitleOf("standards")} (needs review)", table, StringComparison.Ordinal);
        Assert.DoesNotContain("ifla-initiatives, standards", table, StringComparison.Ordinal);
        Assert.Contains("Valid, needs review", page, StringComparison.Ordinal);
        Assert.Contains("<h3>Needs review</h3>", page, StringComparison.Ordinal);
        Assert.Contains("recognised only by its likeness to the form&#x27;s wording", page, StringComparison.Ordinal);
        Assert.Contains("pac-annual-report-2020", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesCarryTheStrictPolicyAndTheirOwnScript()
    {
        await using var site = await DashboardSite.StartAsync();

        using var page = await site.GetAsync($"{Base}/2030");
        using var script = await site.GetAsync("/api/dashboard-assets/dashboard.js");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/api/dashboard-assets/dashboard.js\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task CampaignTableFiltersAndSortsWithoutScript()
    {
        await using var site = await DashboardSite.StartAsync();
        site.Clock.SetUtcNow(site.Campaign.OnTimeUntil().AddHours(1));
        await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("korea-2021.docx"));

        var late = await site.PageAsync($"{Base}/2030?state=late");
        var notYet = await site.PageAsync($"{Base}/2030?state=not-yet");
        var all = await site.PageAsync($"{Base}/2030?sort=versions&dir=desc");
        var fewestFirst = await site.PageAsync($"{Base}/2030?sort=versions&dir=asc");

        Assert.Contains("PAC Centre Almaty", late, StringComparison.Ordinal);
        Assert.DoesNotContain("xx-evil", late, StringComparison.Ordinal);
        Assert.Contains("1 of 2 centres", late, StringComparison.Ordinal);
        Assert.Contains("xx-evil", notYet, StringComparison.Ordinal);
        Assert.DoesNotContain("centres/kz-almaty", notYet, StringComparison.Ordinal);
        Assert.True(all.IndexOf("centres/kz-almaty", StringComparison.Ordinal) < all.IndexOf("centres/xx-evil", StringComparison.Ordinal));
        Assert.True(fewestFirst.IndexOf("centres/xx-evil", StringComparison.Ordinal) < fewestFirst.IndexOf("centres/kz-almaty", StringComparison.Ordinal));
        Assert.Contains("Late: 1", all, StringComparison.Ordinal);
        Assert.Contains("Not yet: 1", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/dashboard/2030/export/compiled.docx\"", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadGivesTheVersionUnderTheServersNameWithTheOriginalNameAsALabelOnly()
    {
        await using var site = await DashboardSite.StartAsync();
        var version = await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("korea-2021.docx"), fileName: "Отчёт <b>ПАК 2030.docx");

        using var response = await site.GetAsync($"{Base}/2030/centres/kz-almaty/versions/{version.SubmissionId}/download");
        using var missing = await site.GetAsync($"{Base}/2030/centres/kz-almaty/versions/{version.SubmissionId[..^1]}{(version.SubmissionId[^1] == '0' ? '1' : '0')}/download");
        var page = await site.PageAsync($"{Base}/2030/centres/kz-almaty");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var serverName = $"kz-almaty-2030-{version.SubmissionId}.docx";
        Assert.Equal(serverName, response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.DoesNotContain("%D0%9E", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(Samples.PathOf("korea-2021.docx")), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains($">{serverName}</a>", page, StringComparison.Ordinal);
        Assert.Contains("class=\"sent-as\"", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", page[page.IndexOf("sent-as", StringComparison.Ordinal)..][..200], StringComparison.Ordinal);
        Assert.DoesNotContain("<b>ПАК", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoredFileNamedLikeAProgramDownloadsUnderTheFormatItReallyIs()
    {
        // A version stored before uploads checked names (or by any other way in): its name is never what HQ's disk gets.
        await using var site = await DashboardSite.StartAsync();
        var pdf = await File.ReadAllBytesAsync(Samples.PathOf("brazil-2021.pdf"));
        var at = DashboardSite.Now;
        var blob = new SubmissionBlob(DashboardSite.Almaty.Id, 2030, SubmissionBlob.NewSubmissionId(at), at, false, "Annual report 2027.pdf.cmd",
            pdf.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        var client = site.Get<PacSubmissions.Storage.PacStorage>().Reports.GetBlobClient(blob.BlobName);
        await client.UploadAsync(new BinaryData(pdf), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = blob.ToMetadata() });
        var version = await Eventually.Until(() => site.Get<SubmissionStore>().FindAsync(2030, DashboardSite.Almaty.Id, blob.SubmissionId, CancellationToken.None), s => s?.Check is not null);

        using var response = await site.GetAsync($"{Base}/2030/centres/kz-almaty/versions/{version!.SubmissionId}/download");

        Assert.Equal($"kz-almaty-2030-{version.SubmissionId}.pdf", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnUnreadableVersionIsOfferedOnlyBehindAWarning()
    {
        await using var site = await DashboardSite.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"damaged-{Guid.NewGuid():N}.docx");
        await File.WriteAllBytesAsync(path, TestDocuments.DamagedDocx());
        Submission version;
        try
        {
            version = await site.UploadAsync(DashboardSite.Almaty, path, "report.docx");
        }
        finally
        {
            File.Delete(path);
        }

        var download = $"{Base}/2030/centres/kz-almaty/versions/{version.SubmissionId}/download";
        using var warning = await site.GetAsync(download);
        using var anyway = await site.GetAsync(download + "?open=anyway");
        var page = await site.PageAsync($"{Base}/2030/centres/kz-almaty");

        Assert.Equal(ReportStatus.Unreadable, version.Check!.Status);
        Assert.Equal("text/html", warning.Content.Headers.ContentType?.MediaType);
        Assert.Null(warning.Content.Headers.ContentDisposition);
        var html = await warning.Content.ReadAsStringAsync();
        Assert.Contains("This file could not be read", html, StringComparison.Ordinal);
        Assert.Contains("id=\"download-anyway\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, anyway.StatusCode);
        Assert.Equal(version.DownloadName(), anyway.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.StartsWith($"kz-almaty-2030-{version.SubmissionId}.", version.DownloadName(), StringComparison.Ordinal);
        Assert.Equal(TestDocuments.DamagedDocx().Length, (await anyway.Content.ReadAsByteArrayAsync()).Length);
        Assert.Contains("Unreadable: opens behind a warning", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignFormOpensACampaignByTheCliRules()
    {
        await using var site = await DashboardSite.StartAsync();

        using var saved = await site.PostAsync(Base, ("year", "2031"), ("deadline", "2031-07-20"), ("timezone", "Europe/Paris"), ("opens", ""), ("late-until", ""), ("grace", "30"));
        using var refused = await site.PostAsync(Base, ("year", "2032"), ("deadline", "2032-07-20"), ("opens", "2032-08-01"));
        using var garbled = await site.PostAsync(Base, ("year", "2033"), ("deadline", "next friday"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.EndsWith("/api/dashboard/2031", saved.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var campaign = (await site.Get<CampaignStore>().FindAsync(2031, CancellationToken.None))!;
        Assert.Equal(new DateTimeOffset(2031, 7, 20, 21, 59, 59, TimeSpan.Zero), campaign.Deadline);
        Assert.Equal(TimeSpan.FromMinutes(30), campaign.Grace);
        Assert.Equal(campaign.Deadline + Campaign.DefaultLateWindow, campaign.LateUploadsCloseAt);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The deadline must come after the opening.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("&#x27;next friday&#x27; is not a date", await garbled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await site.Get<CampaignStore>().FindAsync(2032, CancellationToken.None));
        Assert.Null(await site.Get<CampaignStore>().FindAsync(2033, CancellationToken.None));
        Assert.Contains(await site.Get<AuditLog>().ListAsync(2031, null, CancellationToken.None), e => e.Action == "campaign-saved");
    }
}
