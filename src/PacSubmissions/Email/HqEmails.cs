using System.Globalization;
using Microsoft.Extensions.Options;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Html;
using PacSubmissions.Overview;
using PacSubmissions.Reports;
using PacSubmissions.Storage;
using PacSubmissions.Submissions;
using PacSubmissions.Upload;

namespace PacSubmissions.Email;

/// <summary>The e-mails IFLA HQ gets: one per submission, the weekly digest, the closing summaries, and address problems.</summary>
public sealed class HqEmails(IOptions<EmailOptions> options, IOptions<LinkOptions> links, PacStorage storage, HtmlPages pages)
{
    public Task<EmailMessage> SubmissionReceivedAsync(Submission submission, Centre? centre, ReportReading? reading, CancellationToken cancellationToken)
    {
        var centreName = centre?.Name ?? submission.CentreId;
        var timing = submission.Late ? "LATE" : "on time";
        var check = reading is null ? "not checked yet" : reading.Status.ToString().ToLowerInvariant();
        var body = new EmailBody()
            .Paragraph("A new report has arrived.")
            .Facts([
                ("Centre", centreName),
                ("Campaign", Number(submission.Year)),
                ("Received", Hq(submission.ReceivedAt)),
                ("On time", submission.Late ? "No, late" : "Yes"),
                ("Check", check),
                ("File", submission.OriginalFileName),
                ("Size", string.Create(CultureInfo.InvariantCulture, $"{submission.Bytes:N0} bytes")),
                ("SHA-256", submission.Sha256),
                ("Stored as", submission.BlobName),
            ]);
        if (reading?.Problems.FirstOrDefault(p => p.Code == ProblemCodes.ActiveContent) is { } active)
        {
            // Said first and in plain words: HQ is about to open the file, and that is when it acts.
            body.Paragraph($"Careful before opening the file: {active.Message}");
        }

        if (reading is not null)
        {
            var answered = reading.Sections.Where(s => s.Answered).Select(s => s.Question).ToList();
            body.Paragraph(answered.Count == 0 ? "No question of the form is answered." : "Questions answered:").List(answered);
            if (reading.Problems.Count > 0)
            {
                body.Paragraph("Problems found:").List(reading.Problems.Select(p => $"{p.Message} ({p.Code})"));
            }

            if (reading.NeedsReview)
            {
                // The reader's doubt is HQ's to resolve; the coordinator's receipt does not mention it.
                body.Paragraph("Needs review: the reader is unsure of this reading, so please check the report itself:")
                    .List(reading.ReviewReasons.Select(r => $"{r.Message} ({r.Code})"));
            }
        }

        // The storage address answers 403 to a browser; the dashboard serves the file to HQ once signed in.
        body.Paragraph("The centre's page on the dashboard (the file is under Versions):").Link(CentrePage(submission.Year, submission.CentreId));
        return HqAsync(new EmailKey(submission.Year, submission.CentreId, EmailKinds.SubmissionReceived, submission.SubmissionId),
            $"PAC report {submission.Year}: {centreName} ({timing}{(reading is { Status: not ReportStatus.Valid } ? ", " + check : "")}{(reading is { NeedsReview: true } ? ", needs review" : "")}{(reading?.Problems.Any(p => p.Code == ProblemCodes.ActiveContent) == true ? ", active content" : "")})", body, cancellationToken);
    }

    /// <summary>
    /// A report the processor failed on every time: what is known of it, and what HQ can do. The coordinator got the
    /// plain receipt (the upload itself went through), so the next step is HQ's.
    /// </summary>
    public Task<EmailMessage> ProcessingFailedAsync(Submission submission, Centre? centre, CancellationToken cancellationToken)
    {
        var failure = submission.Failure ?? throw new ArgumentException("The submission was processed; it has no failure to report.", nameof(submission));
        var upload = new SubmissionBlob(submission.CentreId, submission.Year, submission.SubmissionId, submission.ReceivedAt, submission.Late,
            submission.OriginalFileName, submission.Bytes, submission.Sha256);
        return ProcessingFailedAsync(new EmailKey(submission.Year, submission.CentreId, EmailKinds.ProcessingFailed, submission.SubmissionId),
            new PoisonedReport(storage.Reports.Name, submission.BlobName, upload, submission.Bytes, failure.Reason, failure.At), centre, cancellationToken);
    }

    public Task<EmailMessage> ProcessingFailedAsync(EmailKey key, PoisonedReport report, Centre? centre, CancellationToken cancellationToken)
    {
        var upload = report.Upload;
        var centreName = centre?.Name ?? upload?.CentreId;
        var body = new EmailBody();
        if (report.Message is not null)
        {
            body.Paragraph("The blob trigger's poison queue held a message that names no report, so no report could be looked at. It was removed from the queue.")
                .Facts([("Queued", Hq(report.PoisonedAt)), ("Reason", report.Reason)])
                .Paragraph("The message:")
                .Paragraph(report.Message)
                .Paragraph("Look in Application Insights for the ProcessReport failures around that time to find the upload.");
            return HqAsync(key, "PAC: an unreadable message in the poison queue", body, cancellationToken);
        }

        body.Paragraph("A report could not be processed: the processor failed on it every time it tried, and gave up. It is not checked, and it is not in the reports table as checked.")
            .Facts([
                ("Centre", centre is null ? upload?.CentreId ?? "unknown (the file has no upload record)" : $"{centre.Name} ({centre.Id})"),
                ("Campaign", upload is null ? "unknown" : Number(upload.Year)),
                ("File", upload?.OriginalFileName is { Length: > 0 } name ? name : "unknown"),
                ("Received", upload is null ? "unknown" : Hq(upload.ReceivedAt) + (upload.Late ? " (late)" : "")),
                ("Size", report.Bytes is { } bytes ? string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes") : "unknown"),
                ("SHA-256 at upload", upload?.Sha256 ?? "unknown"),
                ("Stored as", $"{report.Container}/{report.BlobName}"),
                ("Given up at", Hq(report.PoisonedAt)),
                ("Reason", report.Reason),
            ]);
        if (upload is null)
        {
            body.Paragraph("The blob carries no upload record, so it did not come through the upload page: someone or something put it in the container. Find out who, and remove it if it does not belong there.");
            return HqAsync(key, $"PAC: a file in the reports container could not be processed ({report.BlobName})", body, cancellationToken);
        }

        body.Paragraph("What to do:")
            .List([
                "Open the file from the dashboard (Versions, on the centre's page below) and see whether it opens.",
                "If the fault was ours and has been fixed, press “Check again” for this version on the same page.",
                $"If the file itself is broken, ask {centreName} for a new copy: “E-mail the link to the coordinator” on that page sends them their upload link.",
            ])
            .Paragraph("The centre's page:").Link(CentrePage(upload.Year, upload.CentreId))
            .Paragraph("The coordinator got the usual receipt for the upload, without a check result; they were not told anything failed.");
        return HqAsync(key, $"PAC report {upload.Year}: {centreName}'s upload could not be processed", body, cancellationToken);
    }

    public Task<EmailMessage> MissingAddressAsync(int year, Centre centre, CancellationToken cancellationToken)
    {
        var body = new EmailBody()
            .Paragraph($"{centre.Name} ({centre.Id}) has no usable coordinator e-mail address in the register, so it gets no reminders, late notices or receipts for {Number(year)}.")
            .Facts([("Centre", centre.Name), ("Coordinator", centre.CoordinatorName), ("Address on record", centre.CoordinatorEmail)])
            .Paragraph("Please add the coordinator's address to the centre register.");
        return HqAsync(new EmailKey(year, centre.Id, EmailKinds.MissingAddress, "coordinator"),
            $"PAC {year}: no coordinator address for {centre.Name}", body, cancellationToken);
    }

    /// <summary>
    /// SendGrid could not deliver an e-mail to a coordinator's address (a bounce, or dropped by SendGrid itself): the
    /// centre gets nothing at that address, so HQ corrects it. Keyed by the address, so HQ hears of each address once.
    /// </summary>
    public Task<EmailMessage> AddressFailedAsync(EmailRecord email, EmailDelivery delivery, Centre? centre, CancellationToken cancellationToken)
    {
        var centreName = centre?.Name ?? email.Key.Centre;
        var what = delivery.State == DeliveryState.Dropped ? "SendGrid did not send it (dropped)" : "the receiving server refused it (bounced)";
        var body = new EmailBody()
            .Paragraph($"An e-mail to the coordinator of {centreName} ({email.Key.Centre}) did not arrive: {what}. The centre gets nothing at this address until it is corrected.")
            .Facts([
                ("Address", email.To),
                ("E-mail", $"{email.Subject} ({email.Key.Kind})"),
                ("When", Hq(delivery.At)),
                ("Reason", delivery.Reason is { Length: > 0 } reason ? reason : "not given"),
            ])
            .Paragraph("Please check the address with the centre and correct it in the register; the centre's page shows what happened to each of its e-mails:")
            .Link(CentrePage(email.Key.Year, email.Key.Centre))
            .Paragraph("You are told once per address: later e-mails to it that fail show on the centre's page only.");
        // The key names the address by a hash: the ledger keeps keys for good, and a forgotten address must not stay in one.
        var address = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.To.Trim().ToLowerInvariant())))[..16];
        return HqAsync(new EmailKey(email.Key.Year, email.Key.Centre, EmailKinds.AddressFailed, address),
            $"PAC {email.Key.Year}: an e-mail to {centreName}'s coordinator did not arrive", body, cancellationToken);
    }

    /// <summary>The uploads of the day before <paramref name="at"/>, each with its state and the centre's dashboard page.</summary>
    public Task<EmailMessage> DailySummaryAsync(Campaign campaign, string detail, DateTimeOffset at, IReadOnlyList<Submission> uploads, IReadOnlyList<Centre> centres,
        CancellationToken cancellationToken)
    {
        var body = new EmailBody().Paragraph(
            $"The {Number(uploads.Count)} upload(s) of the {campaign.Year} campaign checked from {Hq(at.AddDays(-1))} to {Hq(at)} (deadline {Hq(campaign.Deadline)}):");
        UploadLines(body, uploads, centres);
        return HqAsync(new EmailKey(campaign.Year, EmailKinds.Hq, EmailKinds.DailySummary, detail),
            $"PAC {campaign.Year}: daily summary, {Number(uploads.Count)} upload(s) to {Hq(at)}", body, cancellationToken);
    }

    /// <summary>
    /// The one notice of the uploads a centre sent within <paramref name="window"/> of <paramref name="first"/>, which HQ
    /// was told of at once (<see cref="UploadBursts"/>): each with its file, time and check, and the centre's page.
    /// </summary>
    public Task<EmailMessage> UploadBurstAsync(Submission first, Centre? centre, IReadOnlyList<Submission> uploads, TimeSpan window,
        CancellationToken cancellationToken)
    {
        var centreName = centre?.Name ?? first.CentreId;
        var minutes = Number((int)Math.Ceiling(window.TotalMinutes));
        var body = new EmailBody().Paragraph(
            $"{centreName} sent {Number(uploads.Count)} more upload(s) within {minutes} minute(s) of the one received {Hq(first.ReceivedAt)}, which you were told of then. "
            + "They are told of together here, not one e-mail each:");
        UploadLines(body, uploads, centre is null ? [] : [centre]);
        return HqAsync(new EmailKey(first.Year, first.CentreId, EmailKinds.UploadBurst, first.SubmissionId),
            $"PAC {first.Year}: {Number(uploads.Count)} more upload(s) from {centreName}", body, cancellationToken);
    }

    /// <summary>One paragraph per upload, with the centre's dashboard page: its file, when it came, on time or late, and its check.</summary>
    private void UploadLines(EmailBody body, IReadOnlyList<Submission> uploads, IReadOnlyList<Centre> centres)
    {
        foreach (var upload in uploads)
        {
            var centreName = centres.FirstOrDefault(c => c.Id == upload.CentreId)?.Name ?? upload.CentreId;
            var state = upload switch
            {
                { Failure: not null } => "could not be processed",
                { Check: { } check } => check.Status.ToString().ToLowerInvariant(),
                _ => "not checked yet",
            };
            body.Paragraph($"{centreName}: {upload.OriginalFileName}, received {Hq(upload.ReceivedAt)}, {(upload.Late ? "late" : "on time")}, {state}.")
                .Link(CentrePage(upload.Year, upload.CentreId));
        }
    }

    public Task<EmailMessage> WeeklyDigestAsync(Campaign campaign, string detail, IReadOnlyList<CentreStatus> statuses, IReadOnlyList<EmailRecord> emails, CancellationToken cancellationToken) =>
        SummaryAsync(new EmailKey(campaign.Year, EmailKinds.Hq, EmailKinds.WeeklyDigest, detail),
            $"PAC {campaign.Year}: weekly digest", $"Where the {campaign.Year} campaign stands (deadline {Hq(campaign.Deadline)}).", statuses, emails, cancellationToken);

    public Task<EmailMessage> ClosingSummaryAsync(Campaign campaign, string detail, IReadOnlyList<CentreStatus> statuses, IReadOnlyList<EmailRecord> emails, CancellationToken cancellationToken)
    {
        var afterDeadline = detail == EmailKinds.AfterDeadline;
        var intro = afterDeadline
            ? $"The on-time window of the {campaign.Year} campaign has closed. Late reports are accepted until {Hq(campaign.LateUploadsCloseAt)}."
            : $"The late window of the {campaign.Year} campaign has closed; no more reports are accepted.";
        return SummaryAsync(new EmailKey(campaign.Year, EmailKinds.Hq, EmailKinds.ClosingSummary, detail),
            $"PAC {campaign.Year}: closing summary ({(afterDeadline ? "deadline" : "late window")})", intro, statuses, emails, cancellationToken);
    }

    /// <summary>The digest's groups, in the order HQ acts on them; a report that needs work is not counted as done.</summary>
    private static readonly IReadOnlyList<(string Heading, Func<CentreReportState, bool> Holds)> SummaryGroups =
    [
        ("Complete, on time", s => s == CentreReportState.OnTime),
        ("Complete, late", s => s == CentreReportState.Late),
        ("Incomplete (the report that counts misses required answers)", s => s == CentreReportState.Incomplete),
        ("Unreadable (nothing the centre sent could be read)", s => s is CentreReportState.Unreadable or CentreReportState.Failed),
        ("Not yet", s => s == CentreReportState.NotYet),
    ];

    private Task<EmailMessage> SummaryAsync(EmailKey key, string subject, string intro, IReadOnlyList<CentreStatus> statuses, IReadOnlyList<EmailRecord> emails, CancellationToken cancellationToken)
    {
        var body = new EmailBody().Paragraph(intro);
        foreach (var (heading, holds) in SummaryGroups)
        {
            var group = statuses.Where(s => holds(CentreOverview.StateOf(s.Counting))).ToList();
            body.Paragraph($"{heading}: {group.Count} of {statuses.Count}.").List(group.Select(SummaryLine));
        }

        var refused = emails.Where(e => e.Status == EmailStatus.FailedPermanently).ToList();
        if (refused.Count > 0)
        {
            body.Paragraph("E-mails SendGrid refused for good (check the addresses and the SendGrid key):")
                .List(refused.Select(e => $"{e.Key} to {e.To}: {e.LastError}"));
        }

        return HqAsync(key, subject, body, cancellationToken);
    }

    /// <summary>One centre in a digest: when its counting report came and, when it needs work, what is wrong with it.</summary>
    private string SummaryLine(CentreStatus status)
    {
        if (status.Counting is not { } counting)
        {
            return $"{status.Centre.Name} ({status.Centre.CoordinatorEmail})";
        }

        var line = $"{status.Centre.Name}: {Hq(counting.ReceivedAt)}" + (status.Versions > 1 ? $" ({status.Versions} versions)" : "");
        var problems = counting.Check?.Problems ?? [];
        var missing = problems.Where(p => p.Code is ProblemCodes.MissingSection or ProblemCodes.UnansweredSection && p.Section is not null)
            .Select(p => SectionTitles.Of(p.Section!)).Distinct().ToList();
        return counting switch
        {
            { Failure: { } failure } => $"{line}; could not be processed: {failure.Reason}",
            { Check.Status: ReportStatus.Unreadable } => $"{line}; {string.Join(" ", problems.Select(p => p.Message))}",
            { Check.Status: ReportStatus.Incomplete } when missing.Count > 0 => $"{line}; missing or unanswered: {string.Join(", ", missing)}",
            _ => line,
        };
    }

    private async Task<EmailMessage> HqAsync(EmailKey key, string subject, EmailBody body, CancellationToken cancellationToken)
    {
        var (text, html) = await body.BuildAsync(pages, cancellationToken);
        return new EmailMessage(key, options.Value.HqAddress, subject, text, html);
    }

    /// <summary>The centre's dashboard page; no key in it: HQ signs in on the dashboard itself.</summary>
    private Uri CentrePage(int year, string centreId) =>
        RouteUrl.Absolute(links.Value.PublicBaseUrl, RouteUrl.Path(DashboardRoutes.Centre, ("year", Number(year)), ("centre", centreId)));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An instant as HQ reads it: in HQ's own zone (<see cref="EmailOptions.HqTimeZone"/>), named with its offset.</summary>
    private string Hq(DateTimeOffset instant) => CampaignClock.ShowIn(instant, options.Value.HqTimeZone);
}
