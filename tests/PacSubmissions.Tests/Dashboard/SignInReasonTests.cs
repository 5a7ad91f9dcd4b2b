using System.Net;
using System.Net.Http.Headers;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Dashboard;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>
/// HQ staff whose session ended, or who never signed in, get the sign-in page saying why in plain words on every
/// dashboard route (an export opened in a browser included), never a bare 401; after a form, that nothing was done.
/// </summary>
public sealed class SignInReasonTests
{
    private const string Campaign = "/api/dashboard/2030";

    [Fact]
    public async Task ABrowserThatNeverSignedInIsToldSoAndTakenBackToThePageAfterSigningIn()
    {
        await using var site = await DashboardSite.StartAsync();

        using var response = await site.NewClient().GetAsync(Campaign + "?state=late");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("This browser is not signed in to HQ&#x27;s dashboard. Sign in to see the page you asked for; you are taken back to it.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"/api/dashboard/2030?state=late\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionThatEndedIsNamedAsEnded()
    {
        await using var site = await DashboardSite.StartAsync();
        using var browser = site.NewClient();
        using var signIn = await site.SignInAsync(browser);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie")).Split(';')[0];
        site.Clock.Advance(DashboardSessions.Lifetime + TimeSpan.FromMinutes(1));

        using var request = new HttpRequestMessage(HttpMethod.Get, Campaign);
        request.Headers.Add("Cookie", cookie);
        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains($"Your sign-in has ended: a session lasts {(int)DashboardSessions.Lifetime.TotalHours} hours", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnActionSentAfterTheSessionEndedSaysNothingWasDoneAndDoesNothing()
    {
        await using var site = await DashboardSite.StartAsync();
        using var browser = site.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dashboard/2030/centres/kz-almaty/actions/extend")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("deadline", "2030-07-20")]),
        };
        request.Headers.Add("Cookie", $"{DashboardSessions.CookieName}=AAAAAAAAAAAAAAAAAAAAAAAA.1999999999.c2lnbmF0dXJl");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await browser.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Nothing was done. Your sign-in has ended", page, StringComparison.Ordinal);
        Assert.Contains("Sign in again, go back to the page and send it once more.", page, StringComparison.Ordinal);
        Assert.Null(await site.Get<CentreDeadlines>().FindAsync(DashboardSite.Year, "kz-almaty", CancellationToken.None));
        Assert.Empty(await site.Get<AuditLog>().ListAsync(DashboardSite.Year, null, CancellationToken.None));
    }

    [Fact]
    public async Task AnExportOpenedInABrowserGetsTheSignInPageAndAScriptAJsonProblem()
    {
        await using var site = await DashboardSite.StartAsync();
        const string export = "/api/dashboard/2030/export/table.csv";
        using var browser = new HttpRequestMessage(HttpMethod.Get, export);
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var script = new HttpRequestMessage(HttpMethod.Get, export);
        script.Headers.Add(DashboardAccess.KeyHeader, "not-the-key-not-the-key-not-the-key");

        using var page = await site.NewClient().SendAsync(browser);
        using var problem = await site.NewClient().SendAsync(script);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (page.StatusCode, problem.StatusCode));
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("This browser is not signed in", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{export}\"", html, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }
}
