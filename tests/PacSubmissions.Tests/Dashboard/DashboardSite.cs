using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.LocalHost;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Reports;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Dashboard;

/// <summary>
/// The local host on real Kestrel and Azurite with a 2030 campaign open, a well-behaved centre and one whose register
/// entry is hostile markup; HQ's requests carry the key the host printed.
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
        Key = server.Get<IOptions<LocalHostOptions>>().Value.FunctionKey;
    }

    public LocalHostServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public Campaign Campaign { get; }

    public string Key { get; }

    public T Get<T>() where T : notnull => Server.Get<T>();

    /// <param name="settings">Settings of the test's own on top of the usual ones (App Service Authentication, say).</param>
    public static async Task<DashboardSite> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(Now);
        var server = await LocalHostServer.StartAsync(clock, settings);
        var campaign = TestData.OpenCampaign(Now, Year);
        await TestData.SeedAsync(server.Services, campaign, Almaty, Evil);
        return new DashboardSite(server, clock, campaign);
    }

    /// <summary>A dashboard path with the key as <c>?code=</c>, the way HQ opens it in a browser.</summary>
    public string WithKey(string path) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + Uri.EscapeDataString(Key);

    public Task<HttpResponseMessage> GetAsync(string path) => Server.Client.GetAsync(WithKey(path));

    public async Task<string> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    public async Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WithKey(path))
        {
            Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        return await Server.Client.SendAsync(request);
    }

    /// <summary>Uploads a file through the centre's own link and waits until the processor has checked it.</summary>
    public async Task<Submission> UploadAsync(Centre centre, string path, string? fileName = null)
    {
        var url = Get<UploadLinks>().CreateUrl(centre.Id, Campaign).ToString();
        using var response = await Server.Client.PostFileAsync(url, path, fileName: fileName);
        response.EnsureSuccessStatusCode();
        var accepted = (await response.Content.ReadFromJsonAsync<UploadAccepted>())!;
        var store = Get<SubmissionStore>();
        return (await Eventually.Until(() => store.FindAsync(Year, centre.Id, accepted.SubmissionId, CancellationToken.None), s => s?.Check is not null))!;
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
