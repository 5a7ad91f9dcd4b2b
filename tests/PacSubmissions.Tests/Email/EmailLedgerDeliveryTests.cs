using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PacSubmissions.Email;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Email;

/// <summary>What SendGrid's Event Webhook reports lands on the ledger's e-mail, however it races the send's own record.</summary>
public sealed class EmailLedgerDeliveryTests
{
    private static readonly EmailKey Key = new(2030, "kz-almaty", EmailKinds.Reminder, "7d");
    private static readonly DateTimeOffset At = new(2030, 7, 8, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ADeliveryReportedBeforeTheSendIsRecordedIsKeptAndTheEmailIsNotSentAgain()
    {
        var sender = new WebhookFirstSender();
        await using var pipeline = await TestPipeline.StartAsync(services => services.Replace(ServiceDescriptor.Singleton<IEmailSender>(sender)));
        var ledger = pipeline.Get<EmailLedger>();
        sender.Ledger = ledger;
        var message = new EmailMessage(Key, "pac@nlrk.example.kz", "Your PAC report", "Text", "<p>Text</p>");

        var outcome = await ledger.SendOnceAsync(message, CancellationToken.None);
        var again = await ledger.SendOnceAsync(message, CancellationToken.None);

        var record = Assert.Single(await ledger.ListAsync(2030, CancellationToken.None));
        Assert.Equal((EmailOutcome.Sent, EmailOutcome.AlreadyHandled, 1), (outcome, again, sender.Sends));
        Assert.Equal(EmailStatus.Sent, record.Status);
        Assert.Equal(new EmailDelivery(DeliveryState.Delivered, At, "250 OK"), record.Delivery);
    }

    [Fact]
    public async Task AnEventForAnEmailTheLedgerNeverHeldCreatesNothing()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var ledger = pipeline.Get<EmailLedger>();

        var record = await ledger.RecordDeliveryAsync(Key, new EmailDelivery(DeliveryState.Bounced, At, "550"), CancellationToken.None);

        Assert.Null(record);
        Assert.Empty(await ledger.ListAsync(2030, CancellationToken.None));
    }

    /// <summary>SendGrid as it can be: accepts the e-mail, delivers it and posts the event before the ledger records the send.</summary>
    private sealed class WebhookFirstSender : IEmailSender
    {
        public EmailLedger? Ledger { get; set; }

        public int Sends { get; private set; }

        public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Sends++;
            Assert.NotNull(await Ledger!.RecordDeliveryAsync(message.Key, new EmailDelivery(DeliveryState.Delivered, At, "250 OK"), cancellationToken));
            return "message-id";
        }
    }
}
