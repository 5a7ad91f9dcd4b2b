using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PacSubmissions.Audit;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Languages;
using PacSubmissions.Messages;
using PacSubmissions.Reminders;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Email;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Messages;

/// <summary>
/// HQ's messages and "Invite all" on real Azurite: who each state reaches, and that no centre gets a message or an
/// invitation twice, however often it is sent and whoever (HQ, a second post, the hourly run) sends it.
/// </summary>
public sealed class CentreMessagesTests
{
    private static readonly DateTimeOffset Now = new(2030, 7, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Campaign Campaign = TestData.OpenCampaign(Now);

    private static readonly Centre NotYet = TestData.Centre("kz-almaty") with { TimeZone = "Asia/Almaty" };
    private static readonly Centre Incomplete = TestData.Centre("fr-paris", "PAC Paris", "paris@pac-test.example") with { Language = "fr", CoordinatorName = "Mme Dupont", TimeZone = "Europe/Paris" };
    private static readonly Centre Extended = TestData.Centre("cn-beijing", "PAC Beijing", "beijing@pac-test.example") with { Language = "zh" };
    private static readonly Centre Unreadable = TestData.Centre("de-berlin", "PAC Berlin", "berlin@pac-test.example") with { Language = "de" };
    private static readonly Centre Done = TestData.Centre("br-rio", "PAC Rio", "rio@pac-test.example") with { Language = "es" };
    private static readonly Centre NoAddress = TestData.Centre("xx-nowhere", "PAC Nowhere", "") with { Language = "en" };
    private static readonly Centre Inactive = TestData.Centre("za-pretoria", "PAC Pretoria", "pretoria@pac-test.example") with { Active = false };

    internal static MessageDraft Draft(MessageAudience audience) =>
        new(audience, "Your report: two questions left", "Please answer the last two questions.\nThank you!\n\nHQ");

    [Fact]
    public async Task EachStateReachesItsActiveCentresAndLateMeansPastTheirOwnDeadlineWithoutACompleteReport()
    {
        var (pipeline, clock) = await StartAsync();
        await using var _ = pipeline;
        var messages = pipeline.Get<CentreMessages>();

        async Task<string[]> To(MessageAudience audience) =>
            [.. (await messages.PreviewMessageAsync(2030, Draft(audience), CancellationToken.None)).Recipients.Select(r => r.Centre.Id).Order(StringComparer.Ordinal)];

        Assert.Equal(["kz-almaty", "xx-nowhere"], await To(MessageAudience.NotYet));
        Assert.Equal(["cn-beijing", "fr-paris"], await To(MessageAudience.Incomplete));
        Assert.Equal(["de-berlin"], await To(MessageAudience.Unreadable));
        Assert.Empty(await To(MessageAudience.Late));
        Assert.Equal(["br-rio", "cn-beijing", "de-berlin", "fr-paris", "kz-almaty", "xx-nowhere"], await To(MessageAudience.All));

        // After the deadline (and its grace): late are those still owing a complete report, but not Beijing, whose deadline was extended.
        clock.SetUtcNow(Campaign.OnTimeUntil().AddHours(1));
        Assert.Equal(["de-berlin", "fr-paris", "kz-almaty", "xx-nowhere"], await To(MessageAudience.Late));
    }

    [Fact]
    public async Task AMessageReachesEachCentreOnceInItsLanguageHoweverOftenItIsSent()
    {
        var (pipeline, _) = await StartAsync();
        await using var __ = pipeline;
        var messages = pipeline.Get<CentreMessages>();

        var first = await messages.SendMessageAsync(2030, Draft(MessageAudience.Incomplete), "hq@ifla.example", CancellationToken.None);
        var again = await messages.SendMessageAsync(2030, Draft(MessageAudience.Incomplete), "hq@ifla.example", CancellationToken.None);
        // The same message to everyone afterwards: Paris and Beijing had it, Nowhere has no address.
        var all = await messages.SendMessageAsync(2030, Draft(MessageAudience.All), "pac (it)", CancellationToken.None);

        Assert.Equal((2, 0, 0), (first.Sent, first.HadItAlready, first.NotSent.Count));
        Assert.Equal((0, 2), (again.Sent, again.HadItAlready));
        Assert.Equal((3, 2), (all.Sent, all.HadItAlready));
        Assert.Equal(["xx-nowhere (no valid address in the register (''))"], all.NotSent);
        var outbox = pipeline.Outbox.Messages();
        Assert.Equal(["beijing@pac-test.example", "berlin@pac-test.example", "coordinator@pac-test.example", "paris@pac-test.example", "rio@pac-test.example"],
            outbox.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        var paris = Assert.Single(pipeline.Outbox.To(Incomplete.CoordinatorEmail));
        var french = Texts.For("fr");
        var text = paris.TextBody!.ReplaceLineEndings("\n");
        Assert.Equal("Your report: two questions left", paris.Subject);
        Assert.StartsWith("Madame, Monsieur Mme Dupont,", text, StringComparison.Ordinal);
        Assert.Contains("Please answer the last two questions.\nThank you!\n\nHQ\n\n", text, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(french.MessageDeadlineAhead, 2030, CoordinatorEmails.Deadline(Campaign.Deadline, Campaign, Incomplete, french)),
            text, StringComparison.Ordinal);
        Assert.Matches(System.Text.RegularExpressions.Regex.Escape(french.MessageLink) + "\n\nhttps?://\\S+/api/upload/", text);

        // Beijing's deadline is its extended one, in its own words.
        var chinese = Texts.For("zh");
        var beijing = Campaign.ForCentre(Campaign.Deadline.AddDays(20));
        Assert.Contains(Texts.Format(chinese.MessageDeadlineAhead, 2030, CoordinatorEmails.Deadline(beijing.Deadline, beijing, Extended, chinese)),
            Assert.Single(pipeline.Outbox.To(Extended.CoordinatorEmail)).TextBody, StringComparison.Ordinal);

        var entries = (await pipeline.Get<AuditLog>().ListAsync(2030, null, CancellationToken.None)).Where(e => e.Action == CentreMessages.Messaged).ToList();
        Assert.Equal(3, entries.Count);
        Assert.Contains(entries, e => e.Who == "hq@ifla.example" && e.Detail.Contains("incomplete: 2 sent", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Who == "pac (it)" && e.Detail.Contains("all: 3 sent, 2 had it already, 1 not sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InviteAllSendsTheHourlyRunsOwnInvitationOnceAndTheRunSendsNoSecond()
    {
        var (pipeline, _) = await StartAsync();
        await using var __ = pipeline;
        var messages = pipeline.Get<CentreMessages>();

        var preview = await messages.PreviewInvitationsAsync(2030, CancellationToken.None);
        var sent = await messages.InviteAllAsync(2030, "hq@ifla.example", CancellationToken.None);
        var clickedTwice = await messages.InviteAllAsync(2030, "hq@ifla.example", CancellationToken.None);
        await pipeline.Get<ReminderRun>().RunAsync(CancellationToken.None);

        // Only Almaty has sent nothing and has an address; Nowhere is listed, with why it gets none.
        Assert.Equal(["kz-almaty", "xx-nowhere"], preview.Recipients.Select(r => r.Centre.Id).Order(StringComparer.Ordinal));
        Assert.Equal(1, preview.ToSend);
        var sample = Assert.Single(preview.Samples);
        Assert.Equal(("ru", 1), (sample.Language, sample.Centres));
        Assert.Equal(Texts.Format(Texts.For("ru").InvitationSubject, 2030), sample.Email.Subject);
        Assert.DoesNotContain("/api/upload/", sample.PreviewText, StringComparison.Ordinal);
        Assert.Equal((1, 0), (sent.Sent, sent.HadItAlready));
        Assert.Equal((0, 1), (clickedTwice.Sent, clickedTwice.HadItAlready));
        Assert.Single(Invitations(pipeline.Outbox.Messages()));
    }

    [Fact]
    public async Task AfterTheHourlyRunInvitedACentreInviteAllSendsItNothing()
    {
        var (pipeline, _) = await StartAsync();
        await using var __ = pipeline;

        await pipeline.Get<ReminderRun>().RunAsync(CancellationToken.None);
        var preview = await pipeline.Get<CentreMessages>().PreviewInvitationsAsync(2030, CancellationToken.None);
        var sent = await pipeline.Get<CentreMessages>().InviteAllAsync(2030, "hq@ifla.example", CancellationToken.None);

        Assert.Equal(0, preview.ToSend);
        Assert.True(preview.Recipients.Single(r => r.Centre.Id == NotYet.Id).HadItAlready);
        Assert.Equal((0, 1), (sent.Sent, sent.HadItAlready));
        Assert.Single(Invitations(pipeline.Outbox.Messages()));
    }

    [Theory]
    [InlineData("", "text", "Write a subject.")]
    [InlineData("two\nlines", "text", "The subject must be one line")]
    [InlineData("Subject", " \n ", "Write the message's text.")]
    public async Task ADraftWithoutASubjectOrTextIsRefusedAndNothingIsSentOrRecorded(string subject, string text, string problem)
    {
        var (pipeline, _) = await StartAsync();
        await using var __ = pipeline;

        var refused = await Assert.ThrowsAsync<OperationRefusedException>(() =>
            pipeline.Get<CentreMessages>().SendMessageAsync(2030, new MessageDraft(MessageAudience.All, subject, text), "hq", CancellationToken.None));

        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
        Assert.Empty(pipeline.Outbox.Messages());
        Assert.Empty(await pipeline.Get<AuditLog>().ListAsync(2030, null, CancellationToken.None));
    }

    [Fact]
    public async Task NothingGoesOutBeforeTheCampaignOpensOrAfterItsLateUploadsClose()
    {
        var (pipeline, clock) = await StartAsync();
        await using var __ = pipeline;
        var messages = pipeline.Get<CentreMessages>();

        await pipeline.Get<CampaignStore>().SaveAsync(TestData.OpenCampaign(Now.AddDays(31), 2031), CancellationToken.None);
        var early = await Assert.ThrowsAsync<OperationRefusedException>(() => messages.InviteAllAsync(2031, "hq", CancellationToken.None));
        clock.SetUtcNow(Campaign.LateUploadsCloseAt.AddMinutes(1));
        var closed = await Assert.ThrowsAsync<OperationRefusedException>(() => messages.SendMessageAsync(2030, Draft(MessageAudience.All), "hq", CancellationToken.None));
        var none = await Assert.ThrowsAsync<OperationRefusedException>(() => messages.PreviewMessageAsync(2099, Draft(MessageAudience.All), CancellationToken.None));

        Assert.Contains("opens on", early.Message, StringComparison.Ordinal);
        Assert.Contains("Late uploads for 2030 closed", closed.Message, StringComparison.Ordinal);
        Assert.Contains("There is no campaign 2099", none.Message, StringComparison.Ordinal);
        Assert.Empty(pipeline.Outbox.Messages());
    }

    [Fact]
    public async Task HqsTextIsEncodedInTheHtmlPartWithItsLineBreaksKept()
    {
        var centre = TestData.Centre() with { Language = "en" };

        var email = await CoordinatorLanguageTests.Emails.MessageAsync(Campaign, centre, "abc", "Hello <b>all</b>",
            "<script>alert('x')</script> & more\nsecond line\n\n<img src=x onerror=alert(1)>", Now, CancellationToken.None);

        Assert.Equal("Hello <b>all</b>", email.Subject);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", email.Html, StringComparison.Ordinal);
        Assert.Contains("<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more<br>second line</p>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<p>&lt;img src=x onerror=alert(1)&gt;</p>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script> & more\nsecond line\n\n<img", email.Text, StringComparison.Ordinal);
        Assert.Equal(new EmailKey(2030, centre.Id, EmailKinds.Message, "abc"), email.Key);
    }

    [Fact]
    public async Task AfterTheDeadlineTheMessageSaysItPassedAndUntilWhenLateReportsAreTaken()
    {
        var centre = TestData.Centre() with { Language = "es", TimeZone = "America/Bogota" };
        var spanish = Texts.For("es");

        var email = await CoordinatorLanguageTests.Emails.MessageAsync(Campaign, centre, "abc", "Subject", "Text.", Campaign.Deadline.AddDays(2), CancellationToken.None);

        Assert.Contains(Texts.Format(spanish.MessageDeadlinePassed, 2030, CoordinatorEmails.Deadline(Campaign.Deadline, Campaign, centre, spanish)) + "\n\n"
            + Texts.Format(spanish.LateWindow, 2030, CoordinatorEmails.Deadline(Campaign.LateUploadsCloseAt, Campaign, centre, spanish)), email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Texts.Format(spanish.MessageDeadlineAhead, 2030, CoordinatorEmails.Deadline(Campaign.Deadline, Campaign, centre, spanish)), email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMessageIdIsTheSameForTheSameTextWhateverTheStateOrLineEndings() =>
        Assert.Equal(
            new MessageDraft(MessageAudience.All, " Subject ", "a\r\nb\r\n").Id(2030),
            new MessageDraft(MessageAudience.Incomplete, "Subject", "a\nb").Id(2030));

    private static IEnumerable<MimeMessage> Invitations(IEnumerable<MimeMessage> outbox) =>
        outbox.Where(m => m.Headers[OutboxEmailSender.KeyHeader]?.Contains($"|{EmailKinds.Invitation}|", StringComparison.Ordinal) == true);

    /// <summary>The campaign open a month, its deadline in a week; one centre of each state, one without an address, one inactive.</summary>
    /// <param name="settings">Settings of the test's own (SendGrid's, say) on top of the usual ones.</param>
    internal static async Task<(TestPipeline Pipeline, FakeTimeProvider Clock)> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(Now);
        var pipeline = await TestPipeline.StartAsync(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)), settings);
        await TestData.SeedAsync(pipeline.Services, Campaign, NotYet, Incomplete, Extended, Unreadable, Done, NoAddress, Inactive);
        var store = pipeline.Get<SubmissionStore>();
        await store.SaveAsync(Upload(Incomplete, ReportStatus.Incomplete), CancellationToken.None);
        await store.SaveAsync(Upload(Extended, ReportStatus.Incomplete), CancellationToken.None);
        await store.SaveAsync(Upload(Unreadable, ReportStatus.Unreadable), CancellationToken.None);
        await store.SaveAsync(Upload(Done, ReportStatus.Valid), CancellationToken.None);
        await pipeline.Get<CentreDeadlines>().ExtendAsync(2030, Extended.Id, Campaign.Deadline.AddDays(20), CancellationToken.None);
        return (pipeline, clock);
    }

    private static Submission Upload(Centre centre, ReportStatus status)
    {
        var at = Now.AddDays(-2);
        var id = SubmissionBlob.NewSubmissionId(at);
        return new(centre.Id, 2030, id, $"2030/{centre.Id}/{id}", "r.docx", 10, "00", at, false, at,
            new SubmissionCheck(status, "docx", [], [], status == ReportStatus.Valid ? ["centre"] : [], null, null, null, [], [], 1, 10));
    }
}
