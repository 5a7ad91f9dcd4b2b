using PacSubmissions.Email;
using PacSubmissions.Reminders;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Reminders;

/// <summary>
/// <c>Email:HqNotices</c> = <c>Daily</c> through the real reminder run and ledger on Azurite: HQ gets no e-mail per
/// upload, but one summary a day of the day's uploads, at the fixed hour, and none on a day nothing came.
/// </summary>
public sealed class HqDailyNoticeTests
{
    public static Dictionary<string, string?> Daily => new() { ["Email:HqNotices"] = nameof(HqNotices.Daily) };

    [Fact]
    public async Task WithDailyNoticesHqGetsOneSummaryOnEachDayAfterUploadsAndNoNoticePerUpload()
    {
        var run = await CampaignRun.StartAsync(Daily);
        await using var pipeline = run.Pipeline;
        // Every hour of the days around the deadline (15 July), when four of the six uploads come; the key days' noon runs elsewhere.
        var hourly = CampaignScenario.Hours(new DateTimeOffset(2031, 7, 11, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2031, 7, 21, 0, 0, 0, TimeSpan.Zero));

        var results = await run.PlayAsync(moreRuns: hourly);

        var mails = pipeline.Outbox.Messages();
        var keys = mails.Select(m => m.Headers["X-Pac-Email-Key"] ?? "").ToList();
        Assert.DoesNotContain(keys, k => k.Contains(EmailKinds.SubmissionReceived, StringComparison.Ordinal));
        Assert.DoesNotContain(results, r => r.Outcome != ReminderOutcome.Sent);
        // Each upload is processed a minute after 12:00 UTC: it is in the next morning's summary, one upload a day.
        string[] days = ["2031-06-26", "2031-07-06", "2031-07-13", "2031-07-14", "2031-07-16", "2031-07-19"];
        Assert.Equal(days.Select(d => $"2031|hq|daily-summary|{d}"), keys.Where(k => k.Contains(EmailKinds.DailySummary, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        // Nothing else is missing or extra: the scenario's other e-mails are all there, each once.
        Assert.Equal(
            CampaignRun.ExpectedKeys().Where(k => !k.Contains(EmailKinds.SubmissionReceived, StringComparison.Ordinal)).Concat(days.Select(d => $"2031|hq|daily-summary|{d}")).Order(StringComparer.Ordinal),
            keys.Order(StringComparer.Ordinal));

        var records = await pipeline.Get<EmailLedger>().ListAsync(CampaignScenario.Campaign.Year, CancellationToken.None);
        foreach (var day in days.Where(d => string.CompareOrdinal(d, "2031-07-11") > 0))
        {
            // Within the hourly stretch, each is sent by the run of its hour, 06:00 UTC.
            var record = Assert.Single(records, r => r.Key.ToString() == $"2031|hq|daily-summary|{day}");
            Assert.Equal(DateTimeOffset.Parse(day + "T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture), record.SentAt);
        }

        foreach (var submission in CampaignScenario.Submissions)
        {
            var day = submission.ProcessedAt.UtcDateTime.Date.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var summary = Assert.Single(mails, m => m.Headers["X-Pac-Email-Key"] == $"2031|hq|daily-summary|{day}");
            Assert.Equal(TestSettings.HqAddress, summary.To.Mailboxes.Single().Address);
            var centre = CampaignScenario.Centres.Single(c => c.Id == submission.CentreId);
            // In HQ's zone (Email:HqTimeZone, The Hague's by default), with its offset then.
            var atHq = TimeZoneInfo.ConvertTime(submission.ReceivedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
            Assert.Contains($"{centre.Name}: report.docx, received {atHq:yyyy-MM-dd HH:mm} (Europe/Amsterdam, UTC+{atHq.Offset.Hours}), {(submission.Late ? "late" : "on time")}, not checked yet.",
                summary.TextBody, StringComparison.Ordinal);
            Assert.Contains($"/api/dashboard/2031/centres/{centre.Id}", summary.TextBody, StringComparison.Ordinal);
        }
    }
}
