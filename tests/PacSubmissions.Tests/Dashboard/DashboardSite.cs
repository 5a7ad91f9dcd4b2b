using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Dashboard;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Reports;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>
/// The local host on real Kestrel and Azurite with a 2030 campaign open, a well-behaved centre and one whose register
/// entry is hostile markup. HQ signs in as a browser does: the key the host printed posted once to the sign-in page,
/// then the session cookie (in <see cref="LocalHostServer.Client"/>'s cookie container) and, in every form posted, the
/// antiforgery token the pages carry.
/// </summary>
public sealed class DashboardSite : IAsyncDisposable
{
    public const int Year = 2030;
    public const string Hostile = "<script>alert('pwned')</script><b>bold</b>";
    public static readonly DateTimeOffset Now = new(2030, 7, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly Centre Almaty = TestData.Centre();
    public static readonly Centre Evil = TestData.Centre("xx-evil", $"PAC {Hostile} & \"Co\"", "evil@pac-test.example") with { City = Hostile };

    private DashboardSite(LocalHostServer server, FakeTimeProvider clock, Campaign campaign)
    {
        Server = server;
        Clock = clock;
        Campaign = campaign;
        Key = server.Get<IOptions<DashboardOptions>>().Value.Key;
    }

    public LocalHostServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public Campaign Campaign { get; }

    public string Key { get; }

    private string? antiforgery;

    /// <summary>When the site's own client last signed in (test clock); null with App Service Authentication.</summary>
    private DateTimeOffset? signedInAt;

    public T Get<T>() where T : notnull => Server.Get<T>();

    /// <param name="settings">Settings of the test's own on top of the usual ones (App Service Authentication, say).</param>
    /// <param name="startAt">Where the test clock starts: <see cref="Now"/>, or earlier for a test that plays campaigns of years before.</param>
    public static async Task<DashboardSite> StartAsync(Dictionary<string, string?>? settings = null, DateTimeOffset? startAt = null)
    {
        var clock = new FakeTimeProvider(startAt ?? Now);
        var server = await LocalHostServer.StartAsync(clock, settings);
        var campaign = TestData.OpenCampaign(Now, Year);
        await TestData.SeedAsync(server.Services, campaign, Almaty, Evil);
        var site = new DashboardSite(server, clock, campaign);
        if (settings?.ContainsKey(DashboardAccess.PlatformAuthenticationSetting) != true)
        {
            await site.KeepSignedInAsync();
        }

        return site;
    }

    /// <summary>Posts the key to the sign-in page, as HQ's browser does; the client keeps the session cookie.</summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient client, string? key = null, string? returnTo = null)
    {
        using var form = new FormUrlEncodedContent([KeyValuePair.Create("key", key ?? Key), KeyValuePair.Create("return", returnTo ?? "")]);
        return await client.PostAsync("/api/dashboard/sign-in", form);
    }

    /// <summary>A client that keeps no cookies and follows no redirect: what the server answers is what the test sees.</summary>
    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Server.BaseAddress };

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        await KeepSignedInAsync();
        return await Server.Client.GetAsync(path);
    }

    /// <summary>
    /// Signs the site's client in, and in again once the test clock has moved past the session's life (tests move it by
    /// days), as HQ would when the dashboard asks for the key again.
    /// </summary>
    private async Task KeepSignedInAsync()
    {
        if (signedInAt is { } at && Clock.GetUtcNow() < at + DashboardSessions.Lifetime - TimeSpan.FromMinutes(1))
        {
            return;
        }

        if (signedInAt is null && Server.Get<DashboardAccess>().PlatformAuthenticationIsOn)
        {
            return;
        }

        using var signIn = await SignInAsync(Server.Client);
        signIn.EnsureSuccessStatusCode();
        signedInAt = Clock.GetUtcNow();
        antiforgery = null;
    }

    public async Task<string> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>The antiforgery token the dashboard's pages carry in their forms for this client's session.</summary>
    public async Task<string?> AntiforgeryAsync()
    {
        if (antiforgery is null)
        {
            using var response = await GetAsync("/api/dashboard");
            antiforgery = AntiforgeryIn(await response.Content.ReadAsStringAsync());
        }

        return antiforgery;
    }

    public static string? AntiforgeryIn(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, $"name=\"{DashboardSessions.AntiforgeryField}\" value=\"([^\"]+)\"") is { Success: true } found
            ? found.Groups[1].Value
            : null;

    /// <summary>Posts a form as the dashboard's own page does: with the session's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] form)
    {
        await KeepSignedInAsync();
        var token = await AntiforgeryAsync();
        var fields = form.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList();
        if (token is not null)
        {
            fields.Add(KeyValuePair.Create(DashboardSessions.AntiforgeryField, token));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        return await Server.Client.SendAsync(request);
    }

    /// <summary>Uploads a file through the centre's own link and waits until the processor has checked it.</summary>
    public Task<Submission> UploadAsync(Centre centre, string path, string? fileName = null) => UploadAsync(centre, Campaign, path, fileName);

    /// <summary>Uploads a file through the centre's link for <paramref name="campaign"/> (another year's) and waits for its check.</summary>
    public async Task<Submission> UploadAsync(Centre centre, Campaign campaign, string path, string? fileName = null)
    {
        var url = Get<UploadLinks>().CreateUrl(centre.Id, campaign).ToString();
        using var response = await Server.Client.PostFileAsync(url, path, fileName: fileName);
        response.EnsureSuccessStatusCode();
        var accepted = (await response.Content.ReadFromJsonAsync<UploadAccepted>())!;
        var store = Get<SubmissionStore>();
        return (await Eventually.Until(() => store.FindAsync(campaign.Year, centre.Id, accepted.SubmissionId, CancellationToken.None), s => s?.Check is not null))!;
    }

    /// <summary>A report whose every answer is markup and script: the dashboard must show it as text.</summary>
    public static string HostileReport()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(path, TestDocuments.Docx([.. FormText.English.Questions.Select(q => TestDocuments.BoldLead(q, $"{Hostile} answer to {q[..10]}"))]));
        return path;
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
