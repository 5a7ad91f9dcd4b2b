using PacSubmissions.Email;
using PacSubmissions.Reminders;
using PacSubmissions.Tests.Reminders;
using Answer = PacSubmissions.Tests.Email.FakeSendGrid.Answer;

namespace PacSubmissions.Tests.Email;

[Trait("Category", "Slow")]
public sealed class SendGridFailureTests
{
    [Fact]
    public async Task WithSendGridFailingOnSomeDaysEveryDueEmailArrivesExactlyOnceInTheEnd()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        var run = await CampaignRun.StartAsync(SendGridSettings(sendGrid));
        await using var pipeline = run.Pipeline;
        var incompleteProcessed = CampaignScenario.Submissions.Single(s => s.CentreId == CampaignScenario.Incomplete.Id).ProcessedAt;
        var deadline = CampaignScenario.Deadline;

        await run.PlayAsync(at =>
        {
            var answer = (at.Date - deadline.Date).Days switch
            {
                -30 => Answer.TooManyRequests, // the 30-day reminders
                -7 => Answer.ServerError, // the 7-day reminders
                1 => Answer.Timeout, // the first late notices and the closing summary
                _ => Answer.Accept,
            };
            // The processor's e-mails for one submission fail too: the next run catches them up.
            sendGrid.Behaviour = _ => at == incompleteProcessed ? Answer.ServerError : answer;
        });

        var accepted = sendGrid.Accepted.Select(r => r.Key).ToList();
        Assert.Equal(CampaignRun.ExpectedKeys(), accepted.Order(StringComparer.Ordinal));
        Assert.Contains(sendGrid.Refused, r => r.Answer == Answer.TooManyRequests);
        Assert.Contains(sendGrid.Refused, r => r.Answer == Answer.ServerError);
        Assert.Contains(sendGrid.Refused, r => r.Answer == Answer.Timeout);

        var records = await pipeline.Get<EmailLedger>().ListAsync(CampaignScenario.Campaign.Year, CancellationToken.None);
        Assert.All(records, r => Assert.Equal(EmailStatus.Sent, r.Status));
        var retried = records.Where(r => r.Attempts > 1).Select(r => r.Key.ToString()).ToHashSet();
        Assert.Equal(sendGrid.Refused.Select(r => r.Key).ToHashSet(), retried);
        Assert.All(records.Where(r => r.Attempts > 1), r => Assert.NotNull(r.FailedAt));
        Assert.Contains($"{CampaignScenario.Campaign.Year}|incomplete|receipt|incomplete-v1", retried);
    }

    [Fact]
    public async Task ARefusedKeyIsRecordedNotRetriedAndShownToHq()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        var run = await CampaignRun.StartAsync(SendGridSettings(sendGrid));
        await using var pipeline = run.Pipeline;
        var year = CampaignScenario.Campaign.Year;
        // The first run finds Never not yet invited: its invitation (instead of the 30-day reminder) is refused.
        var refusedKey = $"{year}|never|invitation|opening";
        sendGrid.Behaviour = key => key == refusedKey ? Answer.Unauthorized : Answer.Accept;
        var ledger = pipeline.Get<EmailLedger>();
        var reminders = pipeline.Get<ReminderRun>();

        run.Clock.SetUtcNow(CampaignScenario.Deadline - TimeSpan.FromDays(30) + TimeSpan.FromHours(1));
        var first = await reminders.RunAsync(CancellationToken.None);
        run.Clock.Advance(TimeSpan.FromHours(1));
        var second = await reminders.RunAsync(CancellationToken.None);
        run.Clock.Advance(TimeSpan.FromDays(7));
        await reminders.RunAsync(CancellationToken.None);

        var failure = Assert.Single(first, r => r.Planned.Key.ToString() == refusedKey);
        Assert.Equal(ReminderOutcome.FailedPermanently, failure.Outcome);
        Assert.DoesNotContain(second, r => r.Planned.Key.ToString() == refusedKey);
        Assert.Single(sendGrid.Refused);
        var record = Assert.Single(await ledger.ListAsync(year, CancellationToken.None), r => r.Key.ToString() == refusedKey);
        Assert.Equal(EmailStatus.FailedPermanently, record.Status);
        Assert.Equal(401, record.StatusCode);
        Assert.Equal(CampaignScenario.Never.CoordinatorEmail, record.To);
        Assert.NotNull(record.FailedAt);
        var digest = sendGrid.Accepted.Last(r => r.Key.Contains(EmailKinds.WeeklyDigest, StringComparison.Ordinal));
        var text = digest.Json.GetProperty("content")[0].GetProperty("value").GetString();
        Assert.Contains($"{refusedKey} to {CampaignScenario.Never.CoordinatorEmail}: SendGrid refused the e-mail with 401", text, StringComparison.Ordinal);
    }

    public static Dictionary<string, string?> SendGridSettings(FakeSendGrid sendGrid) => new()
    {
        ["Email:SendGridApiKey"] = "SG.test-key",
        ["Email:SendGridHost"] = sendGrid.BaseAddress.ToString().TrimEnd('/'),
        ["Email:SendGridAttempts"] = "2",
        // Retry at once: the waits themselves are checked in SendGridEmailSenderTests.
        ["Email:SendGridMaxRetryDelay"] = "00:00:00",
        ["Email:SendGridTimeout"] = "00:00:01",
    };
}
