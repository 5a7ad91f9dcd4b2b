using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Privacy;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Worker;

/// <summary>
/// The daily retention purge, invoked in the built worker as the host invokes it on its schedule. A worker of its own:
/// the purge reads every campaign in its tables.
/// </summary>
[Trait("Category", "Slow")]
public sealed class WorkerPurgeTests(WorkerFixture fixture) : IClassFixture<WorkerFixture>
{
    private TestPipeline Pipeline => fixture.Pipeline;

    [Fact]
    public async Task TheTimerDeletesACampaignPastItsRetentionAndIsAuditedAsTimer()
    {
        var old = Campaign.WithDefaults(2015, new DateTimeOffset(2015, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var recent = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        var versions = new List<Submission>();
        foreach (var campaign in new[] { old, recent })
        {
            await TestData.SeedAsync(Pipeline.Services, campaign, TestData.Centre());
            var received = campaign.Deadline.AddDays(-1);
            var id = SubmissionBlob.NewSubmissionId(received);
            var version = new Submission("kz-almaty", campaign.Year, id, SubmissionBlob.NameFor(campaign.Year, "kz-almaty", id), "report.docx", 8, "abc", received, false, received);
            await Pipeline.Get<PacStorage>().Reports.GetBlobClient(version.BlobName).UploadAsync(BinaryData.FromString("a report"));
            await Pipeline.Get<SubmissionStore>().SaveAsync(version, CancellationToken.None);
            versions.Add(version);
        }

        var now = DateTimeOffset.UtcNow;
        var response = await fixture.Worker.InvokeAsync("PurgeExpiredData", HostTriggerData.Timer(now.AddDays(-1), now.AddDays(1)));

        WorkerAssert.Succeeded(response, fixture.Worker);
        Assert.False(await Pipeline.Get<PacStorage>().Reports.GetBlobClient(versions[0].BlobName).ExistsAsync());
        Assert.Empty(await Pipeline.Get<SubmissionStore>().ListAsync(old.Year, CancellationToken.None));
        var purge = Assert.Single(await Pipeline.Get<AuditLog>().ListAsync(old.Year, null, CancellationToken.None));
        Assert.Equal((RetentionPurge.AuditAction, RetentionPurge.TimerOperator), (purge.Action, purge.Who));
        Assert.True(await Pipeline.Get<PacStorage>().Reports.GetBlobClient(versions[1].BlobName).ExistsAsync());
        Assert.Single(await Pipeline.Get<SubmissionStore>().ListAsync(recent.Year, CancellationToken.None));
    }
}
