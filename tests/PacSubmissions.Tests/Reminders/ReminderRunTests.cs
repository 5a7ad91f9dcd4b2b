using PacSubmissions.Email;
using PacSubmissions.Reminders;

namespace PacSubmissions.Tests.Reminders;

public sealed class ReminderRunTests
{
    [Fact]
    public async Task AWholeCampaignThroughTheRealRunnerAndLedgerSendsEveryDueEmailExactlyOnce()
    {
        var run = await CampaignRun.StartAsync();
        await using var pipeline = run.Pipeline;

        var results = await run.PlayAsync();

        var mails = pipeline.Outbox.Messages();
        var keys = mails.Select(m => m.Headers["X-Pac-Email-Key"]).ToList();
        Assert.Equal(CampaignRun.ExpectedKeys(), keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(results, r => r.Outcome != ReminderOutcome.Sent);

        foreach (var centre in CampaignScenario.Centres.Where(c => c.CoordinatorEmail.Length > 0))
        {
            var received = mails.Where(m => m.To.Mailboxes.Single().Address == centre.CoordinatorEmail)
                .Select(m => m.Headers["X-Pac-Email-Key"] ?? "")
                .Select(k => k.Split('|', 3)[2])
                .Where(k => !k.StartsWith(EmailKinds.Receipt, StringComparison.Ordinal));
            Assert.Equal(CampaignScenario.TimerEmails[centre.Id], received);
        }

        // Once it is all done, another run finds nothing to do.
        Assert.Empty(await pipeline.Get<ReminderRun>().RunAsync(CancellationToken.None));
        var records = await pipeline.Get<EmailLedger>().ListAsync(CampaignScenario.Campaign.Year, CancellationToken.None);
        Assert.All(records, r => Assert.Equal(EmailStatus.Sent, r.Status));
        Assert.All(records, r => Assert.NotNull(r.SentAt));
        Assert.All(records, r => Assert.False(string.IsNullOrEmpty(r.MessageId)));
    }
}
