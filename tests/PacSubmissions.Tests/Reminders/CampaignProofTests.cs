using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Languages;
using PacSubmissions.Reminders;
using PacSubmissions.Tests.Email;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Reminders;

/// <summary>
/// Issue 16's proof: <see cref="ProofScenario"/> played hour by hour through the real reminder run, ledger and outbox on
/// Azurite, each upload recorded and notified (as the processor does) at the instant it was processed, HQ's extension
/// made through its operation, the late centres put in the register when they join, and a coordinator's new address
/// saved through the register's operation (<see cref="LinkOperations.SaveCentresAsync"/>), as <c>pac centres import</c> does.
/// </summary>
public sealed partial class CampaignProofTests
{
    [Fact]
    public async Task EachCentreGetsExactlyItsEmailsInItsLanguageOnceFromTheInvitationToTheLastLateNotice()
    {
        var clock = new FakeTimeProvider(ProofScenario.Campaign.OpensAt);
        await using var pipeline = await TestPipeline.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        await TestData.SeedAsync(pipeline.Services, ProofScenario.Campaign, [.. ProofScenario.AtOpening]);
        var uploads = ProofScenario.Uploads.ToList();
        var joining = ProofScenario.AddedAt.ToDictionary();
        var extended = false;
        var moved = false;
        var results = new List<ReminderRunItem>();

        foreach (var hour in NeedsWorkScenario.Hours())
        {
            foreach (var (centre, at) in joining.Where(j => j.Value <= hour).ToList())
            {
                clock.SetUtcNow(at);
                await pipeline.Get<CentreRegister>().SaveAsync(centre, CancellationToken.None);
                joining.Remove(centre);
            }

            if (!extended && ProofScenario.ExtendedOn <= hour)
            {
                clock.SetUtcNow(ProofScenario.ExtendedOn);
                Assert.Equal(ProofScenario.ExtendedDeadline, await pipeline.Get<CampaignOperations>().ExtendAsync(
                    ProofScenario.Campaign, ProofScenario.Extended, ProofScenario.ExtendedTo, "hq@pac-test.example", CancellationToken.None));
                extended = true;
            }

            await NeedsWorkCampaignTests.ProcessUploadsAsync(pipeline, clock, uploads, ProofScenario.Centres, hour);
            if (!moved && ProofScenario.MovedOn <= hour)
            {
                // After the hour's uploads (the clock never goes back), before the hour's run.
                clock.SetUtcNow(clock.GetUtcNow() > ProofScenario.MovedOn ? clock.GetUtcNow() : ProofScenario.MovedOn);
                await pipeline.Get<LinkOperations>().SaveCentresAsync(
                    [ProofScenario.Moved with { CoordinatorEmail = ProofScenario.MovedTo }], "pac test", CancellationToken.None);
                moved = true;
            }

            clock.SetUtcNow(hour);
            results.AddRange(await pipeline.Get<ReminderRun>().RunAsync(CancellationToken.None));
        }

        Assert.DoesNotContain(results, r => r.Outcome != ReminderOutcome.Sent);
        var mails = pipeline.Outbox.Messages();
        var keys = mails.Select(KeyOf).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        foreach (var centre in ProofScenario.Centres)
        {
            var own = mails.Where(m => m.To.Mailboxes.Single().Address == centre.CoordinatorEmail).ToList();
            // Exactly the timer's e-mails, in order, and one receipt per upload: nothing else, nothing twice.
            Assert.Equal(ProofScenario.TimerEmails[centre.Id], own.Select(Kind).Where(k => !k.StartsWith(EmailKinds.Receipt, StringComparison.Ordinal)));
            Assert.Equal(ProofScenario.Uploads.Where(u => u.Submission.CentreId == centre.Id).Select(u => $"{EmailKinds.Receipt}|{u.Submission.SubmissionId}"),
                own.Select(Kind).Where(k => k.StartsWith(EmailKinds.Receipt, StringComparison.Ordinal)));
            AssertInLanguage(own, Texts.For(centre.Language));
        }

        // The new address: its link once, then every chase after the change, in the centre's language.
        var toNewAddress = mails.Where(m => m.To.Mailboxes.Single().Address == ProofScenario.MovedTo).ToList();
        Assert.Equal(ProofScenario.MovedToEmails,
            toNewAddress.Select(Kind).Select(k => k.StartsWith(EmailKinds.AddressChanged, StringComparison.Ordinal) ? EmailKinds.AddressChanged : k));
        AssertInLanguage(toNewAddress, Texts.French);

        // The invitation lists what to send in the centre's language; the extended centre's last reminder names its own deadline.
        var invitation = mails.Single(m => KeyOf(m) == "2032|broken|invitation|opening").TextBody;
        Assert.Contains(Texts.Russian.RequiredMark, invitation, StringComparison.Ordinal);
        Assert.Contains("hq@pac-test.example", invitation, StringComparison.Ordinal);
        var lastReminder = mails.Single(m => KeyOf(m) == "2032|extended|reminder|1d").TextBody;
        var ownDeadline = ProofScenario.Campaign.ForCentre(ProofScenario.ExtendedDeadline);
        Assert.Contains(CoordinatorEmails.Deadline(ProofScenario.ExtendedDeadline, ownDeadline, ProofScenario.Extended, Texts.German), lastReminder, StringComparison.Ordinal);
        // The broken upload after a good one started no chase: the good report still counts.
        Assert.DoesNotContain(mails, m => KeyOf(m).StartsWith("2032|brokenaftergood|needs-work", StringComparison.Ordinal));

        // Once it is all done, another run finds nothing to do.
        Assert.Empty(await pipeline.Get<ReminderRun>().RunAsync(CancellationToken.None));
    }

    /// <summary>Each e-mail's subject and greeting in the centre's language, and no sentence of the English catalogue in it.</summary>
    private static void AssertInLanguage(List<MimeMessage> mails, Texts texts)
    {
        Assert.All(mails, m => Assert.StartsWith(Placeholder().Split(SubjectOf(texts, KeyOf(m).Split('|')[2]))[0], m.Subject, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.StartsWith(texts.Greeting.Split("{0}")[0], m.TextBody, StringComparison.Ordinal));
        if (texts != Texts.English)
        {
            Assert.All(mails, m => Assert.DoesNotContain(CoordinatorLanguageTests.EnglishSentences(texts), s => Prose(m).Contains(s, StringComparison.OrdinalIgnoreCase)));
        }
    }

    private static string KeyOf(MimeMessage message) => message.Headers[OutboxEmailSender.KeyHeader] ?? "";

    private static string Kind(MimeMessage message) => KeyOf(message).Split('|', 3)[2];

    private static string Prose(MimeMessage message) => Regex.Replace(message.TextBody ?? "", @"https?://\S+", "");

    private static string SubjectOf(Texts texts, string kind) => kind switch
    {
        EmailKinds.Invitation => texts.InvitationSubject,
        EmailKinds.Reminder => texts.ReminderSubject,
        EmailKinds.LateNotice => texts.LateSubject,
        EmailKinds.NeedsWorkReminder or EmailKinds.NeedsWorkLateNotice => texts.NeedsWorkSubject,
        EmailKinds.Receipt => texts.ReceiptSubject,
        EmailKinds.AddressChanged => texts.LinkSubject,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an e-mail this campaign sends a coordinator"),
    };

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholder();
}
