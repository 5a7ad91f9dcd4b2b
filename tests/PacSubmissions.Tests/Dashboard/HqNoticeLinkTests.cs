using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using PacSubmissions.Storage;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Reports;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>HQ's notice of an upload sends HQ to the centre's dashboard page, which opens, never to the storage address (403).</summary>
public sealed partial class HqNoticeLinkTests
{
    [Fact]
    public async Task HqsNoticeOfAnUploadLinksTheCentresDashboardPageAndNoStorageAddress()
    {
        await using var site = await DashboardSite.StartAsync(DashboardSignInTests.PlatformSignIn);
        DashboardSignInTests.SignIn(site, "officer@ifla.example", DashboardSignInTests.HqGroup);

        var submission = await site.UploadAsync(DashboardSite.Almaty, Samples.PathOf("korea-2021.docx"), "almaty-report.docx");
        var notice = await Eventually.Until(() => Task.FromResult(site.Server.Outbox.To(TestSettings.HqAddress)), m => m.Count > 0);

        var sent = Assert.Single(notice);
        var links = Links(sent);
        var storage = site.Get<PacStorage>().Reports.Uri;
        Assert.DoesNotContain(links, l => l.Authority == storage.Authority || l.AbsolutePath.Contains(submission.BlobName, StringComparison.Ordinal));
        var centrePage = Assert.Single(links.Distinct(), l => l.AbsolutePath == "/api/dashboard/2030/centres/kz-almaty");
        Assert.Equal(site.Server.BaseAddress.Authority, centrePage.Authority);

        using var page = await site.GetAsync(centrePage.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(DashboardSite.Almaty.Name, html, StringComparison.Ordinal);
        Assert.Contains("almaty-report.docx", html, StringComparison.Ordinal);
    }

    /// <summary>Every address the e-mail carries, in its text and in its HTML.</summary>
    private static List<Uri> Links(MimeMessage message) =>
        [.. Address().Matches((message.TextBody ?? "") + "\n" + (message.HtmlBody ?? "")).Select(m => new Uri(WebUtility.HtmlDecode(m.Value)))];

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex Address();
}
