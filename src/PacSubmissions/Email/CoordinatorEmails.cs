using System.Globalization;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Upload;

namespace PacSubmissions.Email;

/// <summary>The e-mails a centre's coordinator gets, in the centre's language, each with the centre's upload link.</summary>
public sealed class CoordinatorEmails(UploadLinks links)
{
    public EmailMessage Reminder(Campaign campaign, Centre centre, int days)
    {
        var texts = CoordinatorTexts.For(centre.Language);
        var deadline = When(campaign.Deadline, campaign, texts);
        var body = Start(texts, centre)
            .Paragraph(CoordinatorTexts.Format(texts.ReminderBody, campaign.Year, deadline))
            .Paragraph(texts.UploadPrompt)
            .Link(links.CreateUrl(centre.Id, campaign));
        return Finish(new EmailKey(campaign.Year, centre.Id, EmailKinds.Reminder, Reminders.ReminderPlanner.DaysDetail(days)),
            centre, CoordinatorTexts.Format(texts.ReminderSubject, campaign.Year, When(campaign.Deadline, campaign, texts, dateOnly: true)), body, texts);
    }

    public EmailMessage LateNotice(Campaign campaign, Centre centre, int days)
    {
        var texts = CoordinatorTexts.For(centre.Language);
        var body = Start(texts, centre)
            .Paragraph(CoordinatorTexts.Format(texts.LateBody, campaign.Year, When(campaign.Deadline, campaign, texts)))
            .Paragraph(CoordinatorTexts.Format(texts.LateWindow, campaign.Year, When(campaign.LateUploadsCloseAt, campaign, texts)));
        if (days == campaign.LateNoticeDays.Max())
        {
            body.Paragraph(texts.LastNotice);
        }

        body.Paragraph(texts.UploadPrompt).Link(links.CreateUrl(centre.Id, campaign));
        return Finish(new EmailKey(campaign.Year, centre.Id, EmailKinds.LateNotice, Reminders.ReminderPlanner.DaysDetail(days)),
            centre, CoordinatorTexts.Format(texts.LateSubject, campaign.Year), body, texts);
    }

    /// <summary>The receipt for one upload. <paramref name="campaign"/> gives the zone and the link; without it, UTC and no link.</summary>
    public EmailMessage Receipt(Campaign? campaign, Submission submission, Centre centre, ReportReading? reading)
    {
        var texts = CoordinatorTexts.For(centre.Language);
        var received = campaign is null
            ? submission.ReceivedAt.UtcDateTime.ToString("D", texts.Culture()) + submission.ReceivedAt.UtcDateTime.ToString(" HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : When(submission.ReceivedAt, campaign, texts);
        var body = Start(texts, centre)
            .Paragraph(CoordinatorTexts.Format(texts.ReceiptBody, submission.Year))
            .Facts([
                (texts.File, submission.OriginalFileName),
                (texts.Received, received),
                (texts.Timing, submission.Late ? texts.Late : texts.OnTime),
                ("SHA-256", submission.Sha256),
            ]);
        if (reading is null)
        {
            body.Paragraph(texts.NotChecked);
        }
        else if (reading.Problems.Count == 0)
        {
            body.Paragraph(texts.NoProblems);
        }
        else
        {
            body.Paragraph(texts.ProblemsFound).List(reading.Problems.Select(p => p.Message));
        }

        if (campaign is not null)
        {
            body.Paragraph(texts.Correction).Link(links.CreateUrl(centre.Id, campaign));
        }

        return Finish(new EmailKey(submission.Year, centre.Id, EmailKinds.Receipt, submission.SubmissionId),
            centre, CoordinatorTexts.Format(texts.ReceiptSubject, submission.Year), body, texts);
    }

    /// <summary>An instant in the campaign's zone, in the language's long date form, with the zone named.</summary>
    public static string When(DateTimeOffset instant, Campaign campaign, CoordinatorTexts texts, bool dateOnly = false)
    {
        var local = CampaignClock.InZone(instant, campaign.TimeZone);
        var culture = texts.Culture();
        return dateOnly
            ? local.ToString("D", culture)
            : $"{local.ToString("D", culture)} {local.ToString("HH:mm", CultureInfo.InvariantCulture)} ({CampaignClock.Label(campaign.TimeZone)})";
    }

    private static EmailBody Start(CoordinatorTexts texts, Centre centre)
    {
        var name = string.IsNullOrWhiteSpace(centre.CoordinatorName) ? centre.Name : centre.CoordinatorName;
        return new EmailBody(texts.Language).Paragraph(string.Format(CultureInfo.InvariantCulture, texts.Greeting, name));
    }

    private static EmailMessage Finish(EmailKey key, Centre centre, string subject, EmailBody body, CoordinatorTexts texts)
    {
        var (text, html) = body.Paragraph(texts.Signature).Build();
        return new EmailMessage(key, centre.CoordinatorEmail.Trim(), subject, text, html);
    }
}
