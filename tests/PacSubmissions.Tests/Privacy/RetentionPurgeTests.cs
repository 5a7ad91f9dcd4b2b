using PacSubmissions.Audit;
using PacSubmissions.Email;
using PacSubmissions.Functions.Privacy;
using PacSubmissions.Privacy;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Privacy;

/// <summary>
/// The retention purge on real Azurite, through <c>pac purge</c> and the daily timer's function: a campaign past
/// <c>Privacy:RetentionYears</c> loses its files, readings, rows, e-mails and audit details; one inside it, or open, loses nothing.
/// </summary>
public sealed class RetentionPurgeTests
{
    [Fact]
    public async Task TheDryRunListsWhatTheExpiredCampaignHoldsAndChangesNothing()
    {
        await using var scenario = await PrivacyScenario.StartAsync();
        await scenario.ReportAsync(PrivacyScenario.Old, TestData.Centre());
        await scenario.ReportAsync(PrivacyScenario.Old, TestData.Centre());
        await scenario.ReportAsync(PrivacyScenario.Recent, TestData.Centre());
        var before = await scenario.EverythingAsync();

        var (exit, output, error) = await scenario.PacAsync("purge");

        Assert.True(exit == 0, error);
        Assert.Contains($"2015 (retention ended 2020-{PrivacyScenario.Old.LateUploadsCloseAt:MM-dd}): would delete 2 report files, 2 readings, 2 submission rows, 2 e-mails, 2 audit entries' details", output, StringComparison.Ordinal);
        Assert.DoesNotContain("2025", output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was changed.", output, StringComparison.Ordinal);
        Assert.Equal(before, await scenario.EverythingAsync());
    }

    [Fact]
    public async Task ApplyDeletesExactlyTheExpiredCampaignsDataAuditsItAndLeavesTheRecentAndOpenOnes()
    {
        await using var scenario = await PrivacyScenario.StartAsync();
        var old = await scenario.ReportAsync(PrivacyScenario.Old, TestData.Centre());
        var recent = await scenario.ReportAsync(PrivacyScenario.Recent, TestData.Centre());
        var open = await scenario.ReportAsync(TestData.OpenCampaign(DateTimeOffset.UtcNow), TestData.Centre());
        var recentAudit = await scenario.Get<AuditLog>().ListAsync(PrivacyScenario.Recent.Year, null, CancellationToken.None);

        var (exit, output, error) = await scenario.PacAsync("purge", "--apply");

        Assert.True(exit == 0, error);
        Assert.Contains("2015 (retention ended 2020-", output, StringComparison.Ordinal);
        Assert.Contains("deleted 1 report files, 1 readings, 1 submission rows, 1 e-mails, 1 audit entries' details", output, StringComparison.Ordinal);
        var storage = scenario.Get<PacStorage>();
        Assert.False(await storage.Reports.GetBlobClient(old.BlobName).ExistsAsync());
        Assert.Null(await scenario.Get<ReadingArchive>().FindAsync(old.BlobName, CancellationToken.None));
        Assert.Empty(await scenario.Get<SubmissionStore>().ListAsync(2015, CancellationToken.None));
        Assert.Empty(await scenario.Get<EmailLedger>().ListAsync(2015, CancellationToken.None));
        var audit = await scenario.Get<AuditLog>().ListAsync(2015, null, CancellationToken.None);
        var extend = Assert.Single(audit, e => e.Action == "extend");
        Assert.Equal(("kz-almaty", AuditLog.RemovedDetail, AuditLog.RemovedWho), (extend.Centre, extend.Detail, extend.Who));
        Assert.Equal(old.ReceivedAt, extend.At);
        var purge = Assert.Single(audit, e => e.Action == RetentionPurge.AuditAction);
        Assert.Equal($"pac ({Environment.UserName})", purge.Who);
        Assert.Contains("retention of 5 years ended 2020-", purge.Detail, StringComparison.Ordinal);
        Assert.Contains("deleted 1 report files, 1 readings, 1 submission rows, 1 e-mails, 1 audit entries' details", purge.Detail, StringComparison.Ordinal);
        // The campaign itself stays known; the others lose nothing.
        Assert.NotNull(await scenario.Get<PacSubmissions.Campaigns.CampaignStore>().FindAsync(2015, CancellationToken.None));
        foreach (var kept in new[] { recent, open })
        {
            Assert.True(await storage.Reports.GetBlobClient(kept.BlobName).ExistsAsync());
            Assert.NotNull(await scenario.Get<ReadingArchive>().FindAsync(kept.BlobName, CancellationToken.None));
            Assert.Single(await scenario.Get<SubmissionStore>().ListAsync(kept.Year, CancellationToken.None));
            Assert.Single(await scenario.Get<EmailLedger>().ListAsync(kept.Year, CancellationToken.None));
        }

        Assert.Equal(recentAudit, await scenario.Get<AuditLog>().ListAsync(PrivacyScenario.Recent.Year, null, CancellationToken.None));
        (exit, output, _) = await scenario.PacAsync("purge", "--apply");
        Assert.Equal(0, exit);
        Assert.StartsWith("Nothing to delete: no campaign holds data more than 5 years after its late uploads closed.", output, StringComparison.Ordinal);
        Assert.Single(await scenario.Get<AuditLog>().ListAsync(2015, null, CancellationToken.None), e => e.Action == RetentionPurge.AuditAction);
    }

    [Fact]
    public async Task APurgeCutOffAfterItsFilesIsFinishedByTheNextRun()
    {
        await using var scenario = await PrivacyScenario.StartAsync();
        var first = await scenario.ReportAsync(PrivacyScenario.Old, TestData.Centre());
        var second = await scenario.ReportAsync(PrivacyScenario.Old, TestData.Centre("br-rio", "PAC Rio", "rio@pac-test.example"));
        // Where a purge that died after its file step leaves the campaign: the files and one reading gone, every row still there.
        var storage = scenario.Get<PacStorage>();
        await storage.Reports.GetBlobClient(first.BlobName).DeleteAsync();
        await storage.Reports.GetBlobClient(second.BlobName).DeleteAsync();
        await storage.Readings.GetBlobClient(first.BlobName + ".json").DeleteAsync();

        var (exit, output, error) = await scenario.PacAsync("purge", "--apply");

        Assert.True(exit == 0, error);
        Assert.Contains("deleted 0 report files, 1 readings, 2 submission rows, 2 e-mails, 2 audit entries' details", output, StringComparison.Ordinal);
        Assert.Null(await scenario.Get<ReadingArchive>().FindAsync(second.BlobName, CancellationToken.None));
        Assert.Empty(await scenario.Get<SubmissionStore>().ListAsync(2015, CancellationToken.None));
        Assert.Empty(await scenario.Get<EmailLedger>().ListAsync(2015, CancellationToken.None));
        Assert.All((await scenario.Get<AuditLog>().ListAsync(2015, null, CancellationToken.None)).Where(e => e.Action != RetentionPurge.AuditAction),
            e => Assert.Equal(AuditLog.RemovedDetail, e.Detail));
        Assert.Empty(await scenario.Get<RetentionPurge>().PlanAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheDailyTimerPurgesAsTimerAndALongerRetentionKeepsTheCampaign()
    {
        await using var scenario = await PrivacyScenario.StartAsync();
        var old = await scenario.ReportAsync(PrivacyScenario.Old, TestData.Centre());

        var (exit, output, error) = await Pac.RunWithSettingsAsync(scenario.Pipeline, s => s["Privacy:RetentionYears"] = "20", "purge", "--apply");
        Assert.True(exit == 0, error);
        Assert.StartsWith("Nothing to delete: no campaign holds data more than 20 years", output, StringComparison.Ordinal);
        Assert.True(await scenario.Get<PacStorage>().Reports.GetBlobClient(old.BlobName).ExistsAsync());

        scenario.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        await new PurgeExpiredData(scenario.Get<RetentionPurge>()).Run(null!, CancellationToken.None);

        Assert.False(await scenario.Get<PacStorage>().Reports.GetBlobClient(old.BlobName).ExistsAsync());
        Assert.Equal(RetentionPurge.TimerOperator,
            Assert.Single(await scenario.Get<AuditLog>().ListAsync(2015, null, CancellationToken.None), e => e.Action == RetentionPurge.AuditAction).Who);
    }

    [Fact]
    public async Task ARetentionOutsideOneToFiftyYearsStopsPacBeforeItDoesAnything()
    {
        await using var scenario = await PrivacyScenario.StartAsync();
        await scenario.ReportAsync(PrivacyScenario.Old, TestData.Centre());
        var before = await scenario.EverythingAsync();

        var (exit, _, error) = await Pac.RunWithSettingsAsync(scenario.Pipeline, s => s["Privacy:RetentionYears"] = "0", "purge", "--apply");

        Assert.Equal(2, exit);
        Assert.Contains("Setting problem: Privacy:RetentionYears must be a whole number of years between 1 and 50.", error, StringComparison.Ordinal);
        Assert.Equal(before, await scenario.EverythingAsync());
    }
}
