using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Campaigns;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.LocalHost;

/// <summary>What the upload leaves behind once processed; status codes and edges are in Upload/UploadRequestTests and DeadlineTests.</summary>
public sealed class UploadHttpTests
{
    private static readonly DateTimeOffset Now = new(2030, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(LocalHostServer Server, string Url, Campaign Campaign)> StartAsync(TimeProvider clock)
    {
        var server = await LocalHostServer.StartAsync(clock);
        var campaign = Campaign.WithDefaults(2030, new DateTimeOffset(2030, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var centre = TestData.Centre();
        await TestData.SeedAsync(server.Services, campaign, centre);
        return (server, server.Get<UploadLinks>().CreateUrl(centre.Id, campaign).ToString(), campaign);
    }

    [Fact]
    public async Task LateUploadIsStoredAndFlagged()
    {
        var clock = new FakeTimeProvider(Now);
        var (server, url, campaign) = await StartAsync(clock);
        await using var _ = server;
        clock.SetUtcNow(campaign.Deadline + campaign.Grace + TimeSpan.FromSeconds(1));

        using var response = await server.Client.PostFileAsync(url, Samples.PathOf("korea-2021.docx"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<UploadAccepted>();
        Assert.True(accepted!.Late);
        var store = server.Get<SubmissionStore>();
        var row = await Eventually.Until(() => store.FindAsync(2030, "kz-almaty", accepted.SubmissionId, CancellationToken.None), r => r is not null);
        Assert.True(row!.Late);
    }

    [Fact]
    public async Task StoredBlobIsNamedByTheProjectNotTheClient()
    {
        var (server, url, _) = await StartAsync(new FakeTimeProvider(Now));
        await using var _ = server;

        using var response = await server.Client.PostFileAsync(url, Samples.PathOf("korea-2021.docx"), fileName: "../../etc/passwd");

        var accepted = await response.Content.ReadFromJsonAsync<UploadAccepted>();
        Assert.Equal("passwd", accepted!.FileName);
        var names = new List<string>();
        await foreach (var blob in server.Get<PacStorage>().Reports.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        Assert.Equal([$"2030/kz-almaty/{accepted.SubmissionId}"], names);
    }
}
