using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Reminders;

namespace PacSubmissions.Tests.Email;

/// <summary>A coordinator in Almaty reads the times of their e-mails in Almaty's time, beside the campaign's (Anywhere on Earth).</summary>
public sealed class CoordinatorTimeZoneTests
{
    /// <summary>IFLA's usual campaign: 15 July 2031, 23:59:59 Anywhere on Earth, which is 16:59 on 16 July in Almaty (UTC+5).</summary>
    private static readonly Campaign Campaign = Campaign.WithDefaults(2031, new DateTimeOffset(2031, 3, 1, 0, 0, 0, TimeSpan.Zero));

    private static readonly Centre Almaty = TestData.Centre() with { TimeZone = "Asia/Almaty" };

    private static readonly PacSubmissions.Email.CoordinatorEmails Emails = CoordinatorLanguageTests.Emails;

    [Fact]
    public async Task AReceiptGivesTheUploadsTimeInTheCoordinatorsOwnZone()
    {
        // 19:32 in Almaty is 14:32 UTC, and 02:32 Anywhere on Earth: the "02:32 (UTC-12)".
        var submission = CampaignScenario.Submissions[0] with { CentreId = Almaty.Id, ReceivedAt = new DateTimeOffset(2031, 7, 14, 14, 32, 0, TimeSpan.Zero) };

        var receipt = await Emails.ReceiptAsync(Campaign, submission, Almaty, CampaignScenario.IncompleteReading, CancellationToken.None);
        var english = await Emails.ReceiptAsync(Campaign, submission, Almaty with { Language = "en" }, null, CancellationToken.None);

        Assert.Contains("14 июля 2031 г. (понедельник), 19:32 (Almaty, UTC+5)", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("14 июля 2031 г. (понедельник), 19:32 (Almaty, UTC+5)", System.Net.WebUtility.HtmlDecode(receipt.Html), StringComparison.Ordinal);
        Assert.Contains("Monday, 14 July 2031 at 19:32 (Almaty, UTC+5)", english.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("02:32", receipt.Text + english.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReminderGivesTheDeadlineInTheCampaignsZoneNamedPlainlyAndInTheCoordinatorsOwn()
    {
        var reminder = await Emails.ReminderAsync(Campaign, Almaty, 7, CancellationToken.None);
        var english = await Emails.ReminderAsync(Campaign, Almaty with { Language = "en" }, 7, CancellationToken.None);
        var late = await Emails.LateNoticeAsync(Campaign, Almaty with { Language = "de" }, 1, CancellationToken.None);

        Assert.Contains("Годовой отчёт вашего центра за 2031 год нужно представить до 15 июля 2031 г. (вторник), 23:59 (в любой точке Земли, UTC\u221212), " +
            "то есть 16 июля 2031 г. (среда), 16:59 по вашему времени (Almaty, UTC+5). Мы его ещё не получили.", reminder.Text, StringComparison.Ordinal);
        Assert.Contains("is due on Tuesday, 15 July 2031 at 23:59 (Anywhere on Earth, UTC\u221212), which is Wednesday, 16 July 2031 at 16:59 where you are (Almaty, UTC+5).",
            english.Text, StringComparison.Ordinal);
        // The subject keeps the date alone, in the campaign's zone.
        Assert.Equal("Reminder: your PAC Centre report for 2031 is due on Tuesday, 15 July 2031", english.Subject);
        // The close of late uploads is a limit too: the coordinator's own time beside it.
        Assert.Contains("bei Ihnen (Almaty, UTC+5) am Freitag, 15. August 2031 um 16:59 Uhr angenommen.", late.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("GMT", reminder.Text + english.Text + late.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACentreWhoseZoneTheRegisterDoesNotKnowGetsTheCampaignsZoneAlone()
    {
        var reminder = await Emails.ReminderAsync(Campaign, Almaty with { Language = "en", TimeZone = "" }, 7, CancellationToken.None);

        Assert.Contains("is due on Tuesday, 15 July 2031 at 23:59 (Anywhere on Earth, UTC\u221212). We have not received it yet.", reminder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("where you are", reminder.Text, StringComparison.Ordinal);
    }
}
