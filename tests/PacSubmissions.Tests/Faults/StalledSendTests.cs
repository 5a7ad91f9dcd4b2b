using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PacSubmissions.Email;
using PacSubmissions.Tests.Email;
using PacSubmissions.Tests.Infrastructure;
using Answer = PacSubmissions.Tests.Email.FakeSendGrid.Answer;

namespace PacSubmissions.Tests.Faults;

/// <summary>
/// A send that stalls past the ledger's claim timeout (a frozen process) while another run re-claims the key and
/// sends: when the stalled send finally fails, it must not write "failed" over the other run's "sent".
/// </summary>
[Trait("Category", "Slow")]
public sealed class StalledSendTests
{
    [Fact]
    public async Task AStalledSendThatFailsAfterItsClaimWasTakenOverLeavesTheOtherSendRecorded()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        using var stalled = new SemaphoreSlim(0);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sendGrid.StalledBody = release.Task;
        var requests = 0;
        sendGrid.Behaviour = _ =>
        {
            if (Interlocked.Increment(ref requests) > 1)
            {
                return Answer.Accept;
            }

            stalled.Release();
            // SendGrid's answer starts, then its body hangs: the send outlives its claim, whatever the clock says.
            return Answer.ServerErrorWithStalledBody;
        };
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var settings = SendGridFailureTests.SendGridSettings(sendGrid);
        settings["Email:SendGridAttempts"] = "1";
        settings["Email:SendGridTimeout"] = "00:01:00";
        await using var pipeline = await TestPipeline.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)), settings);
        var ledger = pipeline.Get<EmailLedger>();
        var message = new EmailMessage(new EmailKey(2031, "stalled", EmailKinds.Receipt, "v1"), "coordinator@stalled.example", "Receipt", "text", "<p>html</p>");

        var stalledSend = ledger.SendOnceAsync(message, CancellationToken.None);
        Assert.True(await stalled.WaitAsync(TimeSpan.FromSeconds(30)), "the first send never reached SendGrid");
        clock.Advance(ledger.ClaimTimeout + TimeSpan.FromMinutes(1));
        var takeover = await ledger.SendOnceAsync(message, CancellationToken.None);
        release.SetResult();
        var stalledOutcome = await stalledSend;
        var again = await ledger.SendOnceAsync(message, CancellationToken.None);

        Assert.Equal(EmailOutcome.Sent, takeover);
        Assert.Equal(EmailOutcome.InFlight, stalledOutcome);
        Assert.Equal(EmailOutcome.AlreadyHandled, again);
        Assert.Equal(message.Key.ToString(), Assert.Single(sendGrid.Accepted).Key);
        var record = Assert.Single(await ledger.ListAsync(2031, CancellationToken.None));
        Assert.Equal(EmailStatus.Sent, record.Status);
        Assert.Equal(2, record.Attempts);
    }
}
