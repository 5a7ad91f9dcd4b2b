using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Campaigns;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.LocalHost;

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

    private static async Task<int> StoredBlobCount(LocalHostServer server)
    {
        var count = 0;
        await foreach (var _ in server.Get<PacStorage>().Reports.GetBlobsAsync())
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task RequestWithoutFileGets400ProblemAndStoresNothing()
    {
        var (server, url, _) = await StartAsync(new FakeTimeProvider(Now));
        await using var _ = server;

        using var form = new MultipartFormDataContent { { new StringContent("hello"), "comment" } };
        using var response = await server.Client.PostAsync(url, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("No file", problem?.Title);
        Assert.Equal(0, await StoredBlobCount(server));
    }

    [Fact]
    public async Task EmptyFileGets400AndStoresNothing()
    {
        var (server, url, _) = await StartAsync(new FakeTimeProvider(Now));
        await using var _ = server;

        using var response = await server.Client.PostFileAsync(url, Samples.PathOf("empty.pdf"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Empty file", (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Title);
        Assert.Equal(0, await StoredBlobCount(server));
    }

    [Fact]
    public async Task UnknownLinkGets404()
    {
        var (server, url, _) = await StartAsync(new FakeTimeProvider(Now));
        await using var _ = server;
        var forged = url.Replace("kz-almaty", "kz-astana", StringComparison.Ordinal);

        using var response = await server.Client.PostFileAsync(forged, Samples.PathOf("korea-2021.docx"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await StoredBlobCount(server));
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
    public async Task UploadAfterTheLateWindowIsRefused()
    {
        var clock = new FakeTimeProvider(Now);
        var (server, url, campaign) = await StartAsync(clock);
        await using var _ = server;
        clock.SetUtcNow(campaign.LateUploadsCloseAt.AddSeconds(1));

        using var response = await server.Client.PostFileAsync(url, Samples.PathOf("korea-2021.docx"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("contact IFLA HQ", (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await StoredBlobCount(server));
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

    [Fact]
    public async Task UploadOverTheSizeLimitGets413AndStoresNothing()
    {
        var server = await LocalHostServer.StartAsync(new FakeTimeProvider(Now), new() { ["Upload:MaxBytes"] = "4096" });
        await using var _ = server;
        var campaign = Campaign.WithDefaults(2030, new DateTimeOffset(2030, 4, 1, 0, 0, 0, TimeSpan.Zero));
        await TestData.SeedAsync(server.Services, campaign, TestData.Centre());
        var url = server.Get<UploadLinks>().CreateUrl("kz-almaty", campaign).ToString();

        using var response = await server.Client.PostFileAsync(url, Samples.PathOf("korea-2021.docx"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredBlobCount(server));
    }
}
