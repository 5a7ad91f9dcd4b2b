using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using PacSubmissions.Load;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;
using Xunit.Abstractions;

namespace PacSubmissions.Tests.Faults;

/// <summary>Storage goes away mid-run (Azurite stopped, then started again on the same ports with the same data).</summary>
[Trait("Category", "Slow")]
public sealed class AzuriteRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task UploadWhileStorageIsDownIsAnswered503WithRetryAfterAndNothingIsStored()
    {
        await using var azurite = await RestartableAzurite.StartAsync();
        await using var server = await LocalHostServer.StartAsync(storage: azurite.ConnectionString);
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        var centre = TestData.Centre();
        await TestData.SeedAsync(server.Services, campaign, centre);
        var url = server.Get<UploadLinks>().CreateUrl(centre.Id, campaign).ToString();
        var sample = Samples.PathOf("central-asia-2020.docx");

        await azurite.StopAsync();
        var asked = Stopwatch.StartNew();
        using var refused = await server.Client.PostFileAsync(url, sample);
        output.WriteLine($"Upload with storage down answered {(int)refused.StatusCode} after {asked.Elapsed.TotalSeconds:0.0} s (the SDK's own retries included)");
        using var page = await PostFromBrowserAsync(server.Client, url, sample);
        await azurite.StartAgainAsync();
        using var accepted = await server.Client.PostFileAsync(url, sample);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(ReportUploadHandler.StorageRetryAfter, refused.Headers.RetryAfter?.Delta);
        var problem = await refused.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("nothing was stored", problem?.Detail, StringComparison.Ordinal);
        Assert.Contains("try again in a minute", problem?.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("nothing was stored", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertOnlyThisUploadIsStoredAsync(server, accepted, campaign.Year, centre.Id);
    }

    [Fact]
    public async Task UploadWhileStorageHangsIsAnswered503InsteadOfWaitingAndNothingIsStored()
    {
        await using var proxy = FreezingProxy.Start(await Azurite.ConnectionStringAsync());
        await using var server = await LocalHostServer.StartAsync(storage: proxy.ConnectionString,
            settings: new() { [StorageOptions.NetworkTimeoutSetting] = "00:00:01" });
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        var centre = TestData.Centre();
        await TestData.SeedAsync(server.Services, campaign, centre);
        var url = server.Get<UploadLinks>().CreateUrl(centre.Id, campaign).ToString();
        var sample = Samples.PathOf("central-asia-2020.docx");

        proxy.Freeze();
        var asked = Stopwatch.StartNew();
        // Without a storage network timeout the SDK would wait 100 s a try, and this client gives up after 60 s.
        using var refused = await server.Client.PostFileAsync(url, sample);
        output.WriteLine($"Upload with storage hanging answered {(int)refused.StatusCode} after {asked.Elapsed.TotalSeconds:0.0} s (Storage:NetworkTimeout 1 s, SDK retries included)");
        proxy.Thaw();
        using var accepted = await server.Client.PostFileAsync(url, sample);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(ReportUploadHandler.StorageRetryAfter, refused.Headers.RetryAfter?.Delta);
        await AssertOnlyThisUploadIsStoredAsync(server, accepted, campaign.Year, centre.Id);
    }

    /// <summary>The later upload was accepted and its blob is the container's only one: the refused one left nothing.</summary>
    private static async Task AssertOnlyThisUploadIsStoredAsync(LocalHostServer server, HttpResponseMessage accepted, int year, string centreId)
    {
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var stored = (await accepted.Content.ReadFromJsonAsync<UploadAccepted>())!;
        var blobs = new List<string>();
        await foreach (var blob in server.Get<PacStorage>().Reports.GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        Assert.Equal([SubmissionBlob.NameFor(year, centreId, stored.SubmissionId)], blobs);
    }

    [Fact]
    public async Task LoadRunLosesAndDoublesNothingWhenAzuriteIsRestartedMidRun()
    {
        await using var azurite = await RestartableAzurite.StartAsync();
        await using var server = await LocalHostServer.StartAsync(storage: azurite.ConnectionString);
        var year = DateTimeOffset.UtcNow.Year;
        var links = await LoadScenario.SeedAsync(server.Services, year, centres: 6, CancellationToken.None);
        var plan = new LoadPlan(Centres: 6, ReportsPerCentre: 3, Clients: 4, TimeLimit: TimeSpan.FromMinutes(4)) { RetryFor = TimeSpan.FromMinutes(2) };
        using var tally = new ResponseTally();
        using var client = new HttpClient(tally) { Timeout = TimeSpan.FromSeconds(60) };

        var run = new LoadDriver(client, TimeProvider.System).RunAsync(links, plan, Reports(), CancellationToken.None);
        await tally.Accepted(3).WaitAsync(TimeSpan.FromSeconds(60));
        var began = DateTimeOffset.UtcNow;
        await azurite.StopAsync();
        var stopped = DateTimeOffset.UtcNow;
        await Task.Delay(Outage);
        var restarting = DateTimeOffset.UtcNow;
        await azurite.StartAgainAsync();
        var over = DateTimeOffset.UtcNow;
        var attempts = await run;
        var reconciliation = await Reconciler.WaitAsync(server.Services, year, attempts,
            ct => OutboxDeliveries.KeysAsync(server.Outbox.Path, ct), Settle, CancellationToken.None);

        FaultRunOutcome.Write(output,
            $"Azurite stopped (SIGTERM; stopping took {(stopped - began).TotalSeconds:0.0} s), down {Outage.TotalSeconds:0} s, "
            + $"started again on the same ports with the same data in {(over - restarting).TotalSeconds:0.0} s; storage unavailable in all", plan, attempts, tally, reconciliation, (began, over, DateTimeOffset.UtcNow));
        Assert.True(reconciliation.IsClean, reconciliation.Describe());
        Assert.All(attempts, a => Assert.True(a.Accepted, $"{a}: {a.StatusCode} after {a.Tries} tries, {a.Error}"));
        // The outage reached the clients, and every upload it touched was still accepted: some were told 503 and sent
        // again (an attempt's times are its last try's), or were in flight during it, held by the storage client's own retries.
        var toldToComeBack = attempts.Where(a => a.Tries > 1).ToList();
        var inFlightDuringIt = attempts.Where(a => a.StartedAt < over && a.StartedAt + a.Elapsed > stopped).ToList();
        Assert.True(toldToComeBack.Count + inFlightDuringIt.Count > 0, tally.Describe());
    }

    private static async Task<HttpResponseMessage> PostFromBrowserAsync(HttpClient client, string url, string path)
    {
        await using var file = File.OpenRead(path);
        using var form = new MultipartFormDataContent { { new StreamContent(file), ReportUploadHandler.FileField, Path.GetFileName(path) } };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.AcceptLanguage.ParseAdd("en");
        return await client.SendAsync(request);
    }

    private static IReadOnlyList<string> Reports() => [.. SampleReports.Names.Select(Samples.PathOf)];
}
