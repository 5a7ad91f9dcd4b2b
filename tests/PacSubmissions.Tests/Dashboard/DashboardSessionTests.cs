using System.Net;
using PacSubmissions.Audit;
using PacSubmissions.Dashboard;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>
/// No credential in any URL the dashboard makes: HQ gives the key once at the sign-in page for an HttpOnly,
/// SameSite=Strict session cookie, and every POST needs the session's antiforgery token and must come from the
/// dashboard's own origin. Each test talks to the real local host over HTTP as a browser would.
/// </summary>
public sealed class DashboardSessionTests
{
    private const string Actions = "/api/dashboard/2030/centres/kz-almaty/actions/";

    [Fact]
    public async Task NoPageRedirectOrFormOfTheDashboardCarriesTheKeyOrACode()
    {
        await using var site = await DashboardSite.StartAsync();
        await site.UploadAsync(DashboardSite.Almaty, Infrastructure.Samples.PathOf("korea-2021.docx"));
        using var browser = site.NewClient();
        using var stranger = site.NewClient();
        using var signIn = await site.SignInAsync(browser);
        var cookie = SessionCookie(signIn);
        var token = DashboardSite.AntiforgeryIn(await GetWithCookieAsync(browser, cookie, "/api/dashboard"));
        var seen = new List<string>
        {
            signIn.Headers.Location!.ToString(),
            await GetWithCookieAsync(browser, cookie, "/api/dashboard"),
            await GetWithCookieAsync(browser, cookie, "/api/dashboard?year=2030"),
            await GetWithCookieAsync(browser, cookie, "/api/dashboard/2030"),
            await GetWithCookieAsync(browser, cookie, "/api/dashboard/2030/centres/kz-almaty"),
            await GetWithCookieAsync(browser, cookie, "/api/dashboard/2030/audit"),
            await GetWithCookieAsync(browser, cookie, "/api/dashboard/2099"),
            await (await stranger.GetAsync("/api/dashboard/2030")).Content.ReadAsStringAsync(),
        };
        foreach (var action in new[] { DashboardActions.Revoke, DashboardActions.ResendLink, DashboardActions.CopyLink })
        {
            using var posted = await PostWithCookieAsync(browser, cookie, Actions + action, token);
            seen.Add(posted.Headers.Location?.ToString() ?? await posted.Content.ReadAsStringAsync());
            Assert.True((int)posted.StatusCode is 200 or 302, $"{action}: {(int)posted.StatusCode}");
        }

        Assert.NotNull(token);
        Assert.All(seen, text =>
        {
            Assert.DoesNotContain("code=", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(site.Key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(cookie, text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SignInSwapsTheKeyForAnHttpOnlyStrictCookieAndSendsTheBrowserOnToACleanAddress()
    {
        await using var site = await DashboardSite.StartAsync();
        using var browser = site.NewClient();

        using var asked = await browser.GetAsync("/api/dashboard/2030?state=late");
        using var signIn = await site.SignInAsync(browser, returnTo: "/api/dashboard/2030?state=late");
        using var once = await browser.GetAsync($"/api/dashboard/sign-in?key={Uri.EscapeDataString(site.Key)}");

        Assert.Equal(HttpStatusCode.Unauthorized, asked.StatusCode);
        var askedPage = await asked.Content.ReadAsStringAsync();
        Assert.Contains("Sign in to HQ", askedPage, StringComparison.Ordinal);
        Assert.Contains("name=\"return\" value=\"/api/dashboard/2030?state=late\"", askedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/api/dashboard/2030?state=late", signIn.Headers.Location!.ToString());
        var flags = Assert.Single(signIn.Headers.GetValues("Set-Cookie")).Split(';', StringSplitOptions.TrimEntries).Skip(1).ToList();
        Assert.Contains("httponly", flags, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", flags, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("path=/api/dashboard", flags, StringComparer.OrdinalIgnoreCase);
        // Plain HTTP here (a local run): a Secure cookie would never come back.
        Assert.DoesNotContain("secure", flags, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, once.StatusCode);
        Assert.Equal("/api/dashboard", once.Headers.Location!.ToString());
        Assert.Contains("PAC Centre Almaty", await GetWithCookieAsync(browser, SessionCookie(signIn), "/api/dashboard/2030", status: true), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionEndsAfterItsLifeAndTheKeyIsAskedForAgain()
    {
        await using var site = await DashboardSite.StartAsync();
        using var browser = site.NewClient();
        var cookie = SessionCookie(await site.SignInAsync(browser));

        site.Clock.Advance(DashboardSessions.Lifetime - TimeSpan.FromSeconds(1));
        var before = await GetWithCookieAsync(browser, cookie, "/api/dashboard", status: true);
        site.Clock.Advance(TimeSpan.FromSeconds(2));
        var after = await GetWithCookieAsync(browser, cookie, "/api/dashboard");

        Assert.DoesNotContain("Sign in to HQ", before, StringComparison.Ordinal);
        Assert.Contains("Sign in to HQ", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutEndsTheSessionOnlyFromTheDashboardsOwnForm()
    {
        await using var site = await DashboardSite.StartAsync();
        var page = await site.PageAsync("/api/dashboard");

        using var forged = await site.Server.Client.PostAsync("/api/dashboard/sign-out", new FormUrlEncodedContent([]));
        var stillIn = await site.PageAsync("/api/dashboard/2030");
        using var signedOut = await site.PostAsync("/api/dashboard/sign-out");
        using var after = await site.Server.Client.GetAsync("/api/dashboard/2030");

        Assert.Contains("<form method=\"post\" action=\"/api/dashboard/sign-out\" class=\"sign-out\">", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("PAC Centre Almaty", stillIn, StringComparison.Ordinal);
        Assert.Equal("/api/dashboard/sign-in", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("Sign in to HQ", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverHttpsTheCookieIsSecure()
    {
        await using var server = await Infrastructure.LocalHostServer.StartAsync(settings: new() { ["Links:PublicBaseUrl"] = "https://pac.example.org" });
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        var key = server.Get<Microsoft.Extensions.Options.IOptions<DashboardOptions>>().Value.Key;

        using var signIn = await browser.PostAsync("/api/dashboard/sign-in", new FormUrlEncodedContent([KeyValuePair.Create("key", key)]));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("secure", Assert.Single(signIn.Headers.GetValues("Set-Cookie")).Split(';', StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("not-the-key-not-the-key-not-the-key")]
    [InlineData("")]
    public async Task AWrongOrMissingKeyGetsTheSignInPageAgainWithAPlainReasonAndNoCookie(string key)
    {
        await using var site = await DashboardSite.StartAsync();
        using var browser = site.NewClient();

        using var refused = await site.SignInAsync(browser, key);

        Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"{(int)refused.StatusCode}");
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", page, StringComparison.Ordinal);
        Assert.Contains(key.Length == 0 ? "Type in HQ&#x27;s dashboard key." : "That is not HQ&#x27;s dashboard key.", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/api/dashboard/sign-in\">", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/api/dashboard")]
    [InlineData("https://evil.example/")]
    [InlineData("/api/dashboard/../../upload/x")]
    [InlineData("/api/dashboard-assets/dashboard.js")]
    [InlineData("/\\evil.example")]
    public async Task SignInNeverSendsTheBrowserOffTheDashboard(string returnTo)
    {
        await using var site = await DashboardSite.StartAsync();
        using var browser = site.NewClient();

        using var signIn = await site.SignInAsync(browser, returnTo: returnTo);

        Assert.Equal("/api/dashboard", signIn.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("another session's token")]
    [InlineData("forged")]
    public async Task APostWithoutThisSessionsTokenIsRefusedAndChangesNothing(string? kind)
    {
        await using var site = await DashboardSite.StartAsync();
        using var browser = site.NewClient();
        var cookie = SessionCookie(await site.SignInAsync(browser));
        var token = kind switch
        {
            null => null,
            "forged" => "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            _ => await site.AntiforgeryAsync(),
        };

        using var revoke = await PostWithCookieAsync(browser, cookie, Actions + DashboardActions.Revoke, token);
        using var campaign = await PostWithCookieAsync(browser, cookie, "/api/dashboard", token, ("year", "2031"));

        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        Assert.Contains("Nothing was changed", await revoke.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, campaign.StatusCode);
        Assert.Empty(await site.Get<AuditLog>().ListAsync(2030, null, CancellationToken.None));
        Assert.Empty(await site.Get<AuditLog>().ListAsync(2031, null, CancellationToken.None));
        Assert.NotNull(site.Get<UploadLinks>().Verify(site.Get<UploadLinks>().CreateToken("kz-almaty", site.Campaign)));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    public async Task APostFromAnotherSiteIsRefusedWith403AndAPlainMessageAndChangesNothing(string header, string value)
    {
        await using var site = await DashboardSite.StartAsync();
        var token = await site.AntiforgeryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Actions + DashboardActions.Revoke)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create(DashboardSessions.AntiforgeryField, token!)]),
        };
        request.Headers.Add(header, value);

        using var response = await site.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Refused: this form was sent from another web site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await site.Get<AuditLog>().ListAsync(2030, null, CancellationToken.None));
    }

    [Fact]
    public async Task APostFromTheDashboardsOwnPageIsDone()
    {
        await using var site = await DashboardSite.StartAsync();
        var token = await site.AntiforgeryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Actions + DashboardActions.Revoke)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create(DashboardSessions.AntiforgeryField, token!)]),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add("Origin", site.Server.BaseAddress.GetLeftPart(UriPartial.Authority));

        using var response = await site.Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await site.Get<AuditLog>().ListAsync(2030, null, CancellationToken.None), e => e.Action == DashboardActions.Revoke && e.Who == DashboardAccess.SharedKey);
    }

    [Fact]
    public async Task SignedInThroughThePlatformAFormStillNeedsTheToken()
    {
        await using var site = await DashboardSite.StartAsync(DashboardSignInTests.PlatformSignIn);
        DashboardSignInTests.SignIn(site, "officer@ifla.example", DashboardSignInTests.HqGroup);
        using var bare = new HttpRequestMessage(HttpMethod.Post, Actions + DashboardActions.Revoke) { Content = new FormUrlEncodedContent([]) };

        using var withoutToken = await site.Server.Client.SendAsync(bare);
        using var withToken = await site.PostAsync(Actions + DashboardActions.Revoke);

        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal("officer@ifla.example", Assert.Single(await site.Get<AuditLog>().ListAsync(2030, null, CancellationToken.None)).Who);
    }

    [Fact]
    public async Task AScriptMaySendTheKeyInAHeaderInsteadOfSigningIn()
    {
        await using var site = await DashboardSite.StartAsync();
        using var script = site.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard/2030/export/table.csv");
        request.Headers.Add(DashboardAccess.KeyHeader, site.Key);

        using var export = await script.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.False(export.Headers.Contains("Set-Cookie"));
    }

    /// <summary>The session cookie's name=value from a sign-in answer.</summary>
    private static string SessionCookie(HttpResponseMessage signIn) =>
        Assert.Single(signIn.Headers.GetValues("Set-Cookie")).Split(';')[0];

    private static async Task<string> GetWithCookieAsync(HttpClient client, string cookie, string path, bool status = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(!status || response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return body;
    }

    private static async Task<HttpResponseMessage> PostWithCookieAsync(HttpClient client, string cookie, string path, string? token, params (string Name, string Value)[] form)
    {
        var fields = form.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList();
        if (token is not null)
        {
            fields.Add(KeyValuePair.Create(DashboardSessions.AntiforgeryField, token));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
