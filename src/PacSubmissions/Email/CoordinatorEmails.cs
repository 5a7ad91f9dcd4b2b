using System.Globalization;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Upload;
using PacSubmissions.Upload.Page;

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
        return Finish(new EmailKey(campaign.Year, centre.Id, EmailKinds.Reminder, EmailKinds.DaysDetail(days)),
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
        return Finish(new EmailKey(campaign.Year, centre.Id, EmailKinds.LateNotice, EmailKinds.DaysDetail(days)),
            centre, CoordinatorTexts.Format(texts.LateSubject, campaign.Year), body, texts);
    }

    /// <summary>The receipt for one upload. <paramref name="campaign"/> gives the zone and the link; without it, UTC and no link.</summary>
    public EmailMessage Receipt(Campaign? campaign, Submission submission, Centre centre, ReportReading? reading)
    {
        var texts = CoordinatorTexts.For(centre.Language);
        var received = campaign is null
            ? texts.Date(submission.ReceivedAt.ToUniversalTime(), "UTC")
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
            // The page's catalogue, in the centre's language: never the reader's or a library's own (English) message.
            var problems = UploadTexts.Find(texts.Language) ?? UploadTexts.English;
            body.Paragraph(texts.ProblemsFound).List(reading.Problems.Select(p => problems.Problem(p.Code, p.Section)));
        }

        if (campaign is not null)
        {
            body.Paragraph(texts.Correction).Link(links.CreateUrl(centre.Id, campaign));
        }

        return Finish(new EmailKey(submission.Year, centre.Id, EmailKinds.Receipt, submission.SubmissionId),
            centre, CoordinatorTexts.Format(texts.ReceiptSubject, submission.Year), body, texts);
    }

    /// <summary>
    /// HQ's "E-mail the link": its text follows the centre's state. A centre that has reported is told which report we
    /// have and that the link sends a new version; one that has not gets what a reminder or a late notice says.
    /// <paramref name="report"/> is the centre's report that counts this campaign, if it has a readable one.
    /// </summary>
    public EmailMessage Link(Campaign campaign, Centre centre, Submission? report, DateTimeOffset now, string detail)
    {
        var texts = CoordinatorTexts.For(centre.Language);
        var body = Start(texts, centre);
        if (report is not null)
        {
            body.Paragraph(CoordinatorTexts.Format(texts.LinkReported, campaign.Year, When(report.ReceivedAt, campaign, texts)));
        }
        else if (now <= campaign.Deadline)
        {
            body.Paragraph(CoordinatorTexts.Format(texts.ReminderBody, campaign.Year, When(campaign.Deadline, campaign, texts)))
                .Paragraph(texts.UploadPrompt);
        }
        else
        {
            body.Paragraph(CoordinatorTexts.Format(texts.LateBody, campaign.Year, When(campaign.Deadline, campaign, texts)))
                .Paragraph(CoordinatorTexts.Format(texts.LateWindow, campaign.Year, When(campaign.LateUploadsCloseAt, campaign, texts)))
                .Paragraph(texts.UploadPrompt);
        }

        body.Link(links.CreateUrl(centre.Id, campaign));
        return Finish(new EmailKey(campaign.Year, centre.Id, EmailKinds.LinkResent, detail),
            centre, CoordinatorTexts.Format(texts.LinkSubject, campaign.Year), body, texts);
    }

    /// <summary>An instant in the campaign's zone as the language's date phrase, with the zone named.</summary>
    public static string When(DateTimeOffset instant, Campaign campaign, CoordinatorTexts texts, bool dateOnly = false) =>
        texts.Date(CampaignClock.InZone(instant, campaign.TimeZone), CampaignClock.Label(campaign.TimeZone), dateOnly);

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
