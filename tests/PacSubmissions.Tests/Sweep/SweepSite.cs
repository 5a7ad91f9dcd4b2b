using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Blobs.Models;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Upload;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Sweep;

/// <summary>
/// One local host shared by a sweep class's cases (their own storage names and outbox), and the two checks each
/// hostile request is followed by: the host still takes a good report, and nothing but the good reports is stored.
/// </summary>
public sealed class SweepSite : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, bool> _good = new(StringComparer.Ordinal);

    public UploadSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await UploadSite.StartAsync();

    public async Task DisposeAsync() => await Site.DisposeAsync();

    /// <summary>Counts an upload the test meant to be accepted among the good reports.</summary>
    public void Remember(string submissionId) => _good[submissionId] = true;

    /// <summary>A good report right after the hostile request still gets 202.</summary>
    public async Task AssertStillServesAsync()
    {
        using var response = await Site.PostFileAsync(UploadSite.Sample("brazil-2021.pdf"), "brazil-2021.pdf");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<UploadAccepted>();
        Assert.NotNull(accepted);
        Remember(accepted.SubmissionId);
    }

    /// <summary>
    /// Everything stored belongs to a good report: no committed blob, submission row, archived reading or e-mail for
    /// anything else. Staged blocks may remain (an abandoned body); they are never committed and storage drops them.
    /// </summary>
    public async Task AssertOnlyGoodReportsStoredAsync()
    {
        var stored = await StoredState.ReadAsync(Site);
        Assert.All(stored.CommittedReports, id => Assert.True(_good.ContainsKey(id), $"Report blob {id} was committed for a refused request."));
        Assert.All(stored.Rows, id => Assert.True(_good.ContainsKey(id), $"Submission row {id} was written for a refused request."));
        Assert.All(stored.Readings, id => Assert.True(_good.ContainsKey(id), $"Reading {id} was archived for a refused request."));
        Assert.All(stored.EmailSubmissions, id => Assert.True(_good.ContainsKey(id), $"An e-mail was sent for {id}, a refused request."));
    }
}

/// <summary>What the test's storage and outbox hold for the site's centre, as submission ids.</summary>
public sealed record StoredState(
    IReadOnlyList<string> CommittedReports,
    IReadOnlyList<string> UncommittedReports,
    IReadOnlyList<string> Rows,
    IReadOnlyList<string> Readings,
    IReadOnlyList<string> EmailSubmissions)
{
    public static async Task<StoredState> ReadAsync(UploadSite site)
    {
        var storage = site.Server.Get<PacStorage>();
        var committed = await IdsAsync(storage.Reports, BlobStates.None);
        var all = await IdsAsync(storage.Reports, BlobStates.Uncommitted);
        var rows = (await site.Server.Get<SubmissionStore>().ListAsync(site.Campaign.Year, CancellationToken.None)).Select(r => r.SubmissionId).ToList();
        var readings = (await IdsAsync(storage.Readings, BlobStates.None)).Select(n => n.Replace(".json", "", StringComparison.Ordinal)).ToList();
        // Keys are year|centre|kind|submissionId.
        var emails = site.Server.Outbox.Messages().Select(m => m.Headers["X-Pac-Email-Key"]?.Split('|').Last() ?? "(no key)").ToList();
        return new StoredState(committed, [.. all.Except(committed, StringComparer.Ordinal)], rows, readings, emails);
    }

    private static async Task<List<string>> IdsAsync(Azure.Storage.Blobs.BlobContainerClient container, BlobStates states)
    {
        var ids = new List<string>();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, states, prefix: null, CancellationToken.None))
        {
            ids.Add(item.Name.Split('/').Last());
        }

        return ids;
    }
}
