using System.Text.Json;
using PacSubmissions.Cli;
using PacSubmissions.Email;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Reminders;

public sealed class RemindersCommandTests
{
    [Fact]
    public async Task PlanPrintsWhatARunAtThatInstantWouldSendAndWhyAndSendsNothing()
    {
        await using var pipeline = await ScenarioWithItsUploadsAsync();
        using var settings = SettingsFile(pipeline);

        var (exit, output, error) = await PacAsync("reminders", "plan", "--at", "2031-07-14T12:30:00Z", "--settings", settings.Path);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("A run at 2031-07-14 12:30 UTC would send", output, StringComparison.Ordinal);
        // Never was never invited (the ledger is empty): its invitation stands for the reminder due now.
        Assert.Contains("2031|never|invitation|opening to never@pac-test.example: invitation: the campaign opened 2031-03-01 00:00 UTC and never has not been invited yet; "
            + "its deadline is 2031-07-15 11:59 UTC", output, StringComparison.Ordinal);
        Assert.DoesNotContain("2031|never|reminder", output, StringComparison.Ordinal);
        Assert.Contains("2031|noaddress|missing-address|coordinator to HQ", output, StringComparison.Ordinal);
        // Early has reported on time: no invitation, no reminder. Its e-mails were never sent (the ledger is empty), so they are caught up.
        Assert.DoesNotContain("2031|early|reminder", output, StringComparison.Ordinal);
        Assert.DoesNotContain("2031|early|invitation", output, StringComparison.Ordinal);
        Assert.Contains("2031|early|receipt|early-v1 to early@pac-test.example: the receipt for submission early-v1 from early is still pending", output, StringComparison.Ordinal);
        Assert.Empty(pipeline.Outbox.Messages());

        // Once Never has been invited (today, before the reminder's day), the reminder due is planned, with its reason.
        var invitation = await pipeline.Get<CoordinatorEmails>().InvitationAsync(CampaignScenario.Campaign, CampaignScenario.Never, TestSettings.HqAddress, CancellationToken.None);
        await pipeline.Get<EmailLedger>().SendOnceAsync(invitation, CancellationToken.None);
        var (_, invited, _) = await PacAsync("reminders", "plan", "--at", "2031-07-14T12:30:00Z", "--settings", settings.Path);

        Assert.Contains("2031|never|reminder|1d to never@pac-test.example: reminder 1 day(s) before the deadline, due 2031-07-14 11:59 UTC", invited, StringComparison.Ordinal);
        Assert.DoesNotContain("2031|never|invitation", invited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithDailyNoticesPlanShowsHqsSummaryOfTheLastDaysUploadsAndNoNoticePerUpload()
    {
        await using var pipeline = await ScenarioWithItsUploadsAsync();
        using var settings = SettingsFile(pipeline, HqDailyNoticeTests.Daily);

        var (exit, output, error) = await PacAsync("reminders", "plan", "--at", "2031-07-14T06:30:00Z", "--settings", settings.Path);
        var (_, beforeTheHour, _) = await PacAsync("reminders", "plan", "--at", "2031-07-14T05:30:00Z", "--settings", settings.Path);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        // NoAddress's upload of 13 July, 12:00:59 UTC.
        Assert.Contains("2031|hq|daily-summary|2031-07-14 to HQ: HQ's daily summary of the 1 upload(s) processed from 2031-07-13 06:00 UTC to 2031-07-14 06:00 UTC", output, StringComparison.Ordinal);
        Assert.DoesNotContain("submission-received", output, StringComparison.Ordinal);
        // Before 06:00 the day's summary is not due; the day before's (Incomplete's upload of 12 July) is.
        Assert.DoesNotContain("2031|hq|daily-summary|2031-07-14", beforeTheHour, StringComparison.Ordinal);
        Assert.Contains("2031|hq|daily-summary|2031-07-13 to HQ", beforeTheHour, StringComparison.Ordinal);
        Assert.Empty(pipeline.Outbox.Messages());
    }

    [Fact]
    public async Task PlanShowsTheNeedsWorkReminderAndWhyForACentreWhoseReportIsIncompleteOrUnreadable()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, NeedsWorkScenario.Campaign, [.. NeedsWorkScenario.Centres]);
        foreach (var submission in NeedsWorkScenario.Submissions.Where(s => s.SubmissionId != "fixed-v2"))
        {
            await pipeline.Get<SubmissionStore>().SaveAsync(submission, CancellationToken.None);
        }

        using var settings = SettingsFile(pipeline);

        var (exit, output, error) = await PacAsync("reminders", "plan", "--at", "2032-05-25T13:00:00Z", "--settings", settings.Path);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("2032|fixed|needs-work-reminder|7d to fixed@pac-test.example: needs-work reminder 7 day(s) before the deadline, due 2032-05-25 12:00 UTC; "
            + "the report that counts from fixed (fixed-v1) is incomplete: workshops, standards", output, StringComparison.Ordinal);
        Assert.Contains("2032|broken|needs-work-reminder|7d to broken@pac-test.example: needs-work reminder 7 day(s) before the deadline, due 2032-05-25 12:00 UTC; "
            + "the report that counts from broken (broken-v1) is unreadable: corrupt", output, StringComparison.Ordinal);
        // A valid report, or a broken upload after one: nothing to chase.
        Assert.DoesNotContain("|done|needs-work", output, StringComparison.Ordinal);
        Assert.DoesNotContain("|brokenaftergood|needs-work", output, StringComparison.Ordinal);
        Assert.Empty(pipeline.Outbox.Messages());
    }

    [Fact]
    public async Task PlanRejectsATimeThatIsNotIso()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        using var settings = SettingsFile(pipeline);

        var (exit, _, error) = await PacAsync("reminders", "plan", "--at", "next tuesday", "--settings", settings.Path);

        Assert.Equal(1, exit);
        Assert.Contains("--at 'next tuesday' is not an ISO 8601 time", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunSendsWhatIsDueNowOnce()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        var centre = TestData.Centre();
        await TestData.SeedAsync(pipeline.Services, campaign, centre);
        using var settings = SettingsFile(pipeline);

        var (exit, output, _) = await PacAsync("reminders", "run", "--settings", settings.Path);
        var (again, secondOutput, _) = await PacAsync("reminders", "run", "--settings", settings.Path);

        Assert.Equal(0, exit);
        Assert.Equal(0, again);
        // The centre has not been invited: the invitation goes, in Russian, in place of the 7-day reminder.
        Assert.Contains($"sent: {campaign.Year}|{centre.Id}|invitation|opening to {centre.CoordinatorEmail}", output, StringComparison.Ordinal);
        Assert.Contains("0 sent, 0 failed, 0 skipped.", secondOutput, StringComparison.Ordinal);
        var invitation = Assert.Single(pipeline.Outbox.Messages(), m => m.To.Mailboxes.Single().Address == centre.CoordinatorEmail);
        Assert.Equal(PacSubmissions.Languages.Texts.Format(PacSubmissions.Languages.Texts.Russian.InvitationSubject, campaign.Year), invitation.Subject);
    }

    /// <summary>The scenario's campaign, centres and uploads in storage, none of their e-mails in the ledger.</summary>
    private static async Task<TestPipeline> ScenarioWithItsUploadsAsync()
    {
        var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, CampaignScenario.Campaign, [.. CampaignScenario.Centres]);
        foreach (var submission in CampaignScenario.Submissions)
        {
            await pipeline.Get<SubmissionStore>().SaveAsync(submission, CancellationToken.None);
        }

        return pipeline;
    }

    private static async Task<(int Exit, string Output, string Error)> PacAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PacCommand.Create(output, error).Parse(args).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }

    private static TemporaryFile SettingsFile(TestPipeline pipeline, Dictionary<string, string?>? more = null)
    {
        var values = TestSettings.Create(pipeline.Storage, pipeline.Names, pipeline.Outbox.Path);
        foreach (var (name, value) in more ?? [])
        {
            values[name] = value;
        }

        var file = new TemporaryFile();
        File.WriteAllText(file.Path, JsonSerializer.Serialize(values));
        return file;
    }

    private sealed class TemporaryFile : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pac-settings-{Guid.NewGuid():N}.json");

        public void Dispose() => File.Delete(Path);
    }
}
