using System.Globalization;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Html;
using PacSubmissions.Languages;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Upload;

namespace PacSubmissions.Email;

/// <summary>The e-mails a centre's coordinator gets, in the centre's language, each with the centre's upload link.</summary>
public sealed class CoordinatorEmails(UploadLinks links, HtmlPages pages)
{
    /// <summary>
    /// The invitation when the campaign opens: the deadline (as a reminder says it), what the report must contain (the
    /// year it covers and the form's questions, the required ones marked, as the upload page lists them), the centre's
    /// link, and HQ's address, <paramref name="hqAddress"/>, for questions.
    /// </summary>
    public Task<EmailMessage> InvitationAsync(Campaign campaign, Centre centre, string hqAddress, CancellationToken cancellationToken)
    {
        var texts = Texts.For(centre.Language);
        var contents = ReportContents.Of(campaign.Form(), campaign.ActivitiesYear, texts);
        var body = Start(texts, centre)
            .Paragraph(Texts.Format(texts.InvitationBody, campaign.Year, Deadline(campaign.Deadline, campaign, centre, texts)))
            .Paragraph(contents.ActivitiesYear)
            .Paragraph(contents.QuestionsIntro)
            .List(contents.Questions.Select(q => q.Line))
            .Paragraph(texts.InvitationLink)
            .Link(links.CreateUrl(centre.Id, campaign))
            .Paragraph($"{texts.AskHq} {hqAddress}");
        return FinishAsync(new EmailKey(campaign.Year, centre.Id, EmailKinds.Invitation, EmailKinds.Opening),
            centre, Texts.Format(texts.InvitationSubject, campaign.Year), body, cancellationToken);
    }

    public Task<EmailMessage> ReminderAsync(Campaign campaign, Centre centre, int days, CancellationToken cancellationToken)
    {
        var texts = Texts.For(centre.Language);
        var deadline = Deadline(campaign.Deadline, campaign, centre, texts);
        var body = Start(texts, centre)
            .Paragraph(Texts.Format(texts.ReminderBody, campaign.Year, deadline))
            .Paragraph(texts.UploadPrompt)
            .Link(links.CreateUrl(centre.Id, campaign));
        return FinishAsync(new EmailKey(campaign.Year, centre.Id, EmailKinds.Reminder, EmailKinds.DaysDetail(days)),
            centre, Texts.Format(texts.ReminderSubject, campaign.Year, Deadline(campaign.Deadline, campaign, centre, texts, dateOnly: true)), body, cancellationToken);
    }

    public Task<EmailMessage> LateNoticeAsync(Campaign campaign, Centre centre, int days, CancellationToken cancellationToken)
    {
        var texts = Texts.For(centre.Language);
        var body = Start(texts, centre)
            .Paragraph(Texts.Format(texts.LateBody, campaign.Year, Deadline(campaign.Deadline, campaign, centre, texts)))
            .Paragraph(Texts.Format(texts.LateWindow, campaign.Year, Deadline(campaign.LateUploadsCloseAt, campaign, centre, texts)));
        if (days == campaign.LateNoticeDays.Max())
        {
            body.Paragraph(texts.LastNotice);
        }

        body.Paragraph(texts.UploadPrompt).Link(links.CreateUrl(centre.Id, campaign));
        return FinishAsync(new EmailKey(campaign.Year, centre.Id, EmailKinds.LateNotice, EmailKinds.DaysDetail(days)),
            centre, Texts.Format(texts.LateSubject, campaign.Year), body, cancellationToken);
    }

    /// <summary>
    /// The reminder (before the deadline) or late notice (after it) to a centre whose report that counts,
    /// <paramref name="report"/>, needs work: an incomplete one names the questions still to answer, as the campaign's
    /// form words them in the centre's language; an unreadable one names its problems with their remedies, as the page does.
    /// </summary>
    public Task<EmailMessage> NeedsWorkAsync(Campaign campaign, Centre centre, Submission report, int days, bool late, CancellationToken cancellationToken)
    {
        var texts = Texts.For(centre.Language);
        var received = Moment(report.ReceivedAt, campaign, centre, texts);
        var problems = report.Check?.Problems ?? [];
        var body = Start(texts, centre);
        if (CountingVersion.IsReadable(report))
        {
            var questions = problems.Where(p => p.Section is not null).Select(p => campaign.Form().TitleOf(p.Section!, texts.Code)).Distinct().ToList();
            body.Paragraph(Texts.Format(texts.NeedsWorkIncomplete, campaign.Year, received))
                .List(questions.Count > 0 ? questions : problems.Select(p => texts.Problem(p.Code, p.Section)));
        }
        else
        {
            Unreadable(body, texts, campaign, centre, report);
        }

        var deadline = Deadline(campaign.Deadline, campaign, centre, texts);
        if (late)
        {
            body.Paragraph(Texts.Format(texts.NeedsWorkOverdue, campaign.Year, deadline))
                .Paragraph(Texts.Format(texts.LateWindow, campaign.Year, Deadline(campaign.LateUploadsCloseAt, campaign, centre, texts)));
            if (days == campaign.LateNoticeDays.Max())
            {
                body.Paragraph(texts.LastNotice);
            }
        }
        else
        {
            body.Paragraph(Texts.Format(texts.NeedsWorkDue, campaign.Year, deadline));
        }

        body.Paragraph(texts.UploadPrompt).Link(links.CreateUrl(centre.Id, campaign));
        var kind = late ? EmailKinds.NeedsWorkLateNotice : EmailKinds.NeedsWorkReminder;
        return FinishAsync(new EmailKey(campaign.Year, centre.Id, kind, EmailKinds.DaysDetail(days)),
            centre, Texts.Format(texts.NeedsWorkSubject, campaign.Year), body, cancellationToken);
    }

    /// <summary>
    /// The receipt for one upload, its time in the coordinator's own zone. Without the centre's zone, the campaign's
    /// (<paramref name="campaign"/> also gives the link); without either, UTC and no link.
    /// </summary>
    public Task<EmailMessage> ReceiptAsync(Campaign? campaign, Submission submission, Centre centre, ReportReading? reading, CancellationToken cancellationToken)
    {
        var texts = Texts.For(centre.Language);
        var received = ShowTime.Moment(texts, submission.ReceivedAt, centre.TimeZone, campaign?.TimeZone ?? "UTC");
        var body = Start(texts, centre)
            .Paragraph(Texts.Format(texts.ReceiptBody, submission.Year))
            .Facts([
                (texts.ColumnFile, submission.OriginalFileName),
                (texts.ReceiptReceived, received),
                (texts.ReceiptTiming, submission.Late ? texts.ReceiptLate : texts.ReceiptOnTime),
                ("SHA-256", submission.Sha256),
            ]);
        if (reading is null)
        {
            body.Paragraph(texts.ReceiptCheckNotFinished);
        }
        else if (reading.Problems.Count == 0)
        {
            body.Paragraph(texts.ReceiptNoProblems);
        }
        else
        {
            // The catalogue's words for each problem, as the upload page says them: never the reader's or a library's own (English) message.
            body.Paragraph(texts.ReceiptProblemsFound).List(reading.Problems.Select(p => texts.Problem(p.Code, p.Section)));
        }

        if (campaign is not null)
        {
            body.Paragraph(texts.ReceiptCorrection).Link(links.CreateUrl(centre.Id, campaign));
        }

        return FinishAsync(new EmailKey(submission.Year, centre.Id, EmailKinds.Receipt, submission.SubmissionId),
            centre, Texts.Format(texts.ReceiptSubject, submission.Year), body, cancellationToken);
    }

    /// <summary>
    /// HQ's "E-mail the link": its text follows the centre's state. A centre that has reported is told which report we
    /// have and that the link sends a new version; one whose only uploads could not be read, that its file could not be
    /// read and what to do about it; one that has sent nothing gets what a reminder or a late notice says.
    /// <paramref name="report"/> is the centre's report that counts this campaign (<see cref="CountingVersion"/>), if any.
    /// </summary>
    public Task<EmailMessage> LinkAsync(Campaign campaign, Centre centre, Submission? report, DateTimeOffset now, string detail, CancellationToken cancellationToken) =>
        LinkAsync(campaign, centre, report, now, detail, LinkReason.HqSent, cancellationToken);

    /// <summary>
    /// A new link, with a text that follows the centre's state, and why it comes first when HQ did not send it by
    /// hand: a fresh link asked for on a dead link's page, or the link to a coordinator's new address.
    /// </summary>
    public Task<EmailMessage> LinkAsync(Campaign campaign, Centre centre, Submission? report, DateTimeOffset now, string detail, LinkReason reason,
        CancellationToken cancellationToken)
    {
        var texts = Texts.For(centre.Language);
        var body = Start(texts, centre);
        var (kind, intro) = reason switch
        {
            LinkReason.FreshLinkRequested => (EmailKinds.FreshLink, texts.FreshLinkEmailIntro),
            LinkReason.AddressChanged => (EmailKinds.AddressChanged, texts.AddressChangedEmailIntro),
            _ => (EmailKinds.LinkResent, null),
        };
        if (intro is not null)
        {
            body.Paragraph(intro);
        }

        if (report is not null && CountingVersion.IsReadable(report))
        {
            body.Paragraph(Texts.Format(texts.LinkReported, campaign.Year, Moment(report.ReceivedAt, campaign, centre, texts)));
        }
        else if (report is not null)
        {
            Unreadable(body, texts, campaign, centre, report);
            var deadline = Deadline(campaign.Deadline, campaign, centre, texts);
            if (now <= campaign.Deadline)
            {
                body.Paragraph(Texts.Format(texts.NeedsWorkDue, campaign.Year, deadline));
            }
            else
            {
                body.Paragraph(Texts.Format(texts.NeedsWorkOverdue, campaign.Year, deadline))
                    .Paragraph(Texts.Format(texts.LateWindow, campaign.Year, Deadline(campaign.LateUploadsCloseAt, campaign, centre, texts)));
            }

            body.Paragraph(texts.UploadPrompt);
        }
        else if (now <= campaign.Deadline)
        {
            body.Paragraph(Texts.Format(texts.ReminderBody, campaign.Year, Deadline(campaign.Deadline, campaign, centre, texts)))
                .Paragraph(texts.UploadPrompt);
        }
        else
        {
            body.Paragraph(Texts.Format(texts.LateBody, campaign.Year, Deadline(campaign.Deadline, campaign, centre, texts)))
                .Paragraph(Texts.Format(texts.LateWindow, campaign.Year, Deadline(campaign.LateUploadsCloseAt, campaign, centre, texts)))
                .Paragraph(texts.UploadPrompt);
        }

        body.Link(links.CreateUrl(centre.Id, campaign));
        return FinishAsync(new EmailKey(campaign.Year, centre.Id, kind, detail),
            centre, Texts.Format(texts.LinkSubject, campaign.Year), body, cancellationToken);
    }

    /// <summary>
    /// HQ's own message, <paramref name="subject"/> and <paramref name="text"/> as HQ wrote them (the text as typed, its
    /// line breaks kept and encoded like every value), between the standard parts in the centre's language: the greeting,
    /// the deadline (or, once it has passed at <paramref name="now"/>, until when late reports are taken), the centre's
    /// link and the signature. <paramref name="messageId"/> is the same for every centre the message goes to.
    /// </summary>
    public Task<EmailMessage> MessageAsync(Campaign campaign, Centre centre, string messageId, string subject, string text, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var texts = Texts.For(centre.Language);
        var deadline = Deadline(campaign.Deadline, campaign, centre, texts);
        var body = Start(texts, centre).Typed(text);
        if (now <= campaign.Deadline)
        {
            body.Paragraph(Texts.Format(texts.MessageDeadlineAhead, campaign.Year, deadline));
        }
        else
        {
            body.Paragraph(Texts.Format(texts.MessageDeadlinePassed, campaign.Year, deadline))
                .Paragraph(Texts.Format(texts.LateWindow, campaign.Year, Deadline(campaign.LateUploadsCloseAt, campaign, centre, texts)));
        }

        body.Paragraph(texts.MessageLink).Link(links.CreateUrl(centre.Id, campaign));
        return FinishAsync(new EmailKey(campaign.Year, centre.Id, EmailKinds.Message, messageId), centre, subject.Trim(), body, cancellationToken);
    }

    /// <summary>
    /// That the centre's file, <paramref name="report"/>, could not be read, with each problem and its remedy as the
    /// upload page says them. An upload that could not be processed at all has no check: HQ has its details, the
    /// coordinator the catalogue's words.
    /// </summary>
    private static void Unreadable(EmailBody body, Texts texts, Campaign campaign, Centre centre, Submission report)
    {
        var problems = report.Check?.Problems ?? [];
        body.Paragraph(Texts.Format(texts.NeedsWorkUnreadable, campaign.Year, Moment(report.ReceivedAt, campaign, centre, texts)))
            .List(problems.Count > 0 ? problems.Select(p => texts.Problem(p.Code, p.Section)) : [texts.ProblemOther]);
    }

    /// <summary>A deadline of the campaign (or any limit in it, like the close of late uploads) with the coordinator's own time beside it: every coordinator e-mail says one this way.</summary>
    public static string Deadline(DateTimeOffset deadline, Campaign campaign, Centre centre, Texts texts, bool dateOnly = false) =>
        ShowTime.Deadline(texts, deadline, campaign.TimeZone, centre.TimeZone, dateOnly);

    /// <summary>An instant the coordinator lived (an upload's arrival), in their own zone, else the campaign's.</summary>
    public static string Moment(DateTimeOffset instant, Campaign campaign, Centre centre, Texts texts) =>
        ShowTime.Moment(texts, instant, centre.TimeZone, campaign.TimeZone);

    private static EmailBody Start(Texts texts, Centre centre)
    {
        var name = string.IsNullOrWhiteSpace(centre.CoordinatorName) ? centre.Name : centre.CoordinatorName;
        return new EmailBody(texts.Code, texts.RightToLeft).Paragraph(string.Format(CultureInfo.InvariantCulture, texts.Greeting, name));
    }

    private async Task<EmailMessage> FinishAsync(EmailKey key, Centre centre, string subject, EmailBody body, CancellationToken cancellationToken)
    {
        var (text, html) = await body.Paragraph(Texts.Signature).BuildAsync(pages, cancellationToken);
        return new EmailMessage(key, centre.CoordinatorEmail.Trim(), subject, text, html);
    }
}

/// <summary>Why a coordinator is sent a link: HQ sent it, the coordinator asked on a dead link's page, or the register has a new address.</summary>
public enum LinkReason
{
    HqSent,
    FreshLinkRequested,
    AddressChanged,
}
