using System.Diagnostics;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Email;
using PacSubmissions.Functions.Reminders;
using PacSubmissions.Languages;
using PacSubmissions.Load;
using PacSubmissions.Reminders;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Email;
using PacSubmissions.Tests.Infrastructure;
using Xunit.Abstractions;
using Answer = PacSubmissions.Tests.Email.FakeSendGrid.Answer;

namespace PacSubmissions.Tests.Faults;

/// <summary>
/// SendGrid failing for a stretch while centres upload: the processor leaves what it could not send pending in the
/// ledger, and the next reminder run sends it, so every HQ e-mail and receipt goes out exactly once in the end.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SendGridOutageTests(ITestOutputHelper output)
{
    /// <summary>The first e-mails SendGrid sees fail both tries of their send (left pending for the reminder run).</summary>
    private const int EmailsLeftPending = 4;

    /// <summary>The next e-mails fail their first try only and go through on the retry, within the send.</summary>
    private const int EmailsRetried = 8;

    private const int RefusedRequests = (EmailsLeftPending * 2) + EmailsRetried;

    [Theory]
    [InlineData(Answer.ServerError)]
    [InlineData(Answer.TooManyRequests)]
    [InlineData(Answer.Timeout)]
    public async Task EmailsLeftPendingByASendGridOutageGoOutOnceThroughTheReminderRun(Answer fault)
    {
        var cancellationToken = CancellationToken.None;
        await using var sendGrid = await FakeSendGrid.StartAsync();
        sendGrid.RetryAfterSeconds = 1;
        // By e-mail, not by request count, so how the sends interleave on a busy machine cannot change who is left pending.
        var seen = new Dictionary<string, (int Order, int Requests)>(StringComparer.Ordinal);
        sendGrid.Behaviour = key =>
        {
            lock (seen)
            {
                var (order, requests) = seen.TryGetValue(key, out var known) ? known : (seen.Count + 1, 0);
                seen[key] = (order, ++requests);
                return (order <= EmailsLeftPending && requests <= 2) || (order <= EmailsLeftPending + EmailsRetried && requests == 1)
                    ? fault
                    : Answer.Accept;
            }
        };
        var clock = new MovableClock();
        await using var host = await LocalHostServer.StartAsync(clock, Settings(sendGrid));
        var links = await LoadScenario.SeedAsync(host.Services, FaultLoad.Year, FaultLoad.Plan.Centres, cancellationToken);
        var run = Stopwatch.StartNew();

        var attempts = await FaultLoad.RunAsync(links, FaultLoad.Plan, cancellationToken);
        var pending = await StretchOverAsync(host, attempts, cancellationToken);
        var sentByProcessor = sendGrid.Accepted.Count;

        // The hourly run, as the timer calls it once the processor's head start has passed.
        clock.Advance(ReminderPlanner.ProcessorHeadStart + TimeSpan.FromMinutes(1));
        await new SendReminders(host.Get<ReminderRun>()).Run(new TimerInfo(), cancellationToken);
        var sentLater = sendGrid.Accepted.Skip(sentByProcessor).ToList();
        var reconciliation = await Reconciler.WaitAsync(host.Services, FaultLoad.Year, attempts,
            _ => Task.FromResult<IReadOnlyCollection<string>>([.. sendGrid.Accepted.Select(r => r.Key)]), TimeSpan.FromSeconds(30), cancellationToken);

        output.WriteLine($"SendGrid {fault} for the first {RefusedRequests} requests: {FaultLoad.Outcome(attempts, reconciliation, run.Elapsed)}");
        output.WriteLine($"refused requests: {sendGrid.Refused.Count}; e-mails sent by the processor: {sentByProcessor}; "
            + $"left pending: {pending.Count}; re-sent later by the reminder run: {sentLater.Count}");
        Assert.Equal(RefusedRequests, sendGrid.Refused.Count);
        Assert.All(sendGrid.Refused, r => Assert.Equal(fault, r.Answer));
        Assert.Equal(EmailsLeftPending, pending.Count);
        Assert.Equal(pending.Order(StringComparer.Ordinal), sentLater.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(sentLater, CatchUpTellsTheRecordedCheck);
        Assert.True(reconciliation.IsClean, reconciliation.Describe());
    }

    /// <summary>
    /// Waits until every accepted upload is recorded and each of its e-mails is either sent or failed (none still being
    /// sent), and returns the keys left failed: what the reminder run must send.
    /// </summary>
    private static async Task<IReadOnlyList<string>> StretchOverAsync(LocalHostServer host, IReadOnlyList<UploadAttempt> attempts, CancellationToken cancellationToken)
    {
        var expected = FaultLoad.Ids(attempts).Count * 2;
        var ledger = host.Get<EmailLedger>();
        var records = await Eventually.Until(
            () => ledger.ListAsync(FaultLoad.Year, cancellationToken),
            r => r.Count(e => e.Key.Kind is EmailKinds.SubmissionReceived or EmailKinds.Receipt && e.Status != EmailStatus.Sending) == expected,
            TimeSpan.FromSeconds(120));
        return [.. records.Where(r => r.Status == EmailStatus.Failed).Select(r => r.Key.ToString())];
    }

    /// <summary>An e-mail sent after the processor states the check it recorded, never "not finished".</summary>
    private static void CatchUpTellsTheRecordedCheck(FakeSendGrid.Request request)
    {
        var text = request.Json.GetProperty("content")[0].GetProperty("value").GetString() ?? "";
        if (request.Key.Contains($"|{EmailKinds.Receipt}|", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(Texts.English.ReceiptCheckNotFinished, text, StringComparison.Ordinal);
            Assert.True(text.Contains(Texts.English.ReceiptNoProblems, StringComparison.Ordinal)
                || text.Contains(Texts.English.ReceiptProblemsFound, StringComparison.Ordinal), text);
        }
        else
        {
            Assert.DoesNotContain("not checked yet", text, StringComparison.Ordinal);
            Assert.Contains("answered", text, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string?> Settings(FakeSendGrid sendGrid)
    {
        var settings = SendGridFailureTests.SendGridSettings(sendGrid);
        // Long enough to honour the 429's Retry-After within a run.
        settings["Email:SendGridMaxRetryDelay"] = "00:00:02";
        // The test calls the reminder run itself, once; the host's own timer stays out of the way.
        settings[TriggerOptions.ReminderScheduleSetting] = "0 0 0 1 1 *";
        return settings;
    }
}
