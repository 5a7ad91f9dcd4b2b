using System.Globalization;
using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Reminders;

/// <summary>
/// Works out which e-mails are due at an instant, from its inputs alone (no clock, no storage), so a run, HQ's preview
/// and the tests all ask the same question. The rules:
/// <list type="bullet">
/// <item>An invitation to each active centre with an address once the campaign has opened, while it has sent nothing and
/// its deadline has not passed, unless it was reminded already: a centre added to the register later is invited at the
/// next run. It stands for any reminder due at the same time, and for those that fell due before it was sent.</item>
/// <item>Reminders before the deadline while a centre has no on-time report; late notices after it while the centre has
/// sent nothing, until the late window closes. A centre whose report that counts (<see cref="CountingVersion"/>) is
/// incomplete or unreadable gets the needs-work reminders and late notices instead, at the offsets after that report
/// came in, until a valid one counts. Of the offsets already due only the most recent counts, so a timer that
/// missed days sends one reminder, not every missed one.</item>
/// <item>HQ: the most recent weekly digest from the opening to the end of the late window, a closing summary once the
/// on-time window has closed (the day after the deadline) and one once the late window has closed.</item>
/// <item>A centre with no usable coordinator address: HQ is told once, instead of the coordinator's e-mails.</item>
/// <item>A submission whose HQ e-mail or receipt the processor could not send (still not done a while after it was
/// processed) is sent by the run, so a failure there is not lost either; for an upload that could not be processed,
/// HQ's e-mail saying so takes the place of the "received" one.</item>
/// <item>Uploads of a centre within <c>Email:UploadBurstWindow</c> of its first one (<see cref="UploadBursts"/>) are not told
/// of one by one: once the window is over, HQ gets one notice naming them and the coordinator the receipt of the newest.</item>
/// <item>With <c>Email:HqNotices</c> = <c>Daily</c>, HQ gets no "received" e-mail per upload but, each day at
/// <see cref="DailySummaryHour"/> UTC, one summary of the uploads processed in the 24 hours before, when there were any.</item>
/// </list>
/// </summary>
internal static class ReminderPlanner
{
    /// <summary>How long after the late window the summaries and pending e-mails are still sent, and no longer.</summary>
    public static readonly TimeSpan FollowUpWindow = TimeSpan.FromDays(7);

    /// <summary>The processor sends a submission's e-mails itself; the run steps in only after this long.</summary>
    public static readonly TimeSpan ProcessorHeadStart = TimeSpan.FromMinutes(15);

    /// <summary>The hour (UTC) HQ's daily summary falls due, when HQ chose one a day.</summary>
    public const int DailySummaryHour = 6;

    public static IReadOnlyList<PlannedEmail> Plan(ReminderPlanInput input)
    {
        var (now, campaign) = (input.Now, input.Campaign);
        if (now < campaign.OpensAt || now > campaign.LateUploadsCloseAt + FollowUpWindow)
        {
            return [];
        }

        var planned = new List<PlannedEmail>();
        var received = input.Submissions.Where(s => s.ReceivedAt <= now).ToList();
        foreach (var centre in input.Centres.Where(c => c.Active).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var own = received.Where(s => s.CentreId == centre.Id).ToList();
            if (!Reports.ContactFacts.IsAddress(centre.CoordinatorEmail))
            {
                if (now <= campaign.LateUploadsCloseAt)
                {
                    planned.Add(new PlannedEmail(Key(campaign, centre.Id, EmailKinds.MissingAddress, "coordinator"), campaign.OpensAt,
                        $"{centre.Id} has no usable coordinator address ('{centre.CoordinatorEmail}'): HQ is told once", centre));
                }
            }
            else if (CountingVersion.Of(own) is { } counting && NeedsWork(counting) is { } lacking)
            {
                // The report that counts is incomplete or unreadable: the centre is not done, so it is chased with what it lacks.
                var lived = input.CampaignFor(centre.Id);
                if (NeedsWorkReminderDue(lived, now, counting) is { } nudge)
                {
                    planned.Add(new PlannedEmail(Key(campaign, centre.Id, EmailKinds.NeedsWorkReminder, EmailKinds.DaysDetail(nudge.Days)), nudge.At,
                        $"needs-work reminder {nudge.Days} day(s) before the deadline, due {Utc(nudge.At)}; the report that counts from {centre.Id} ({counting.SubmissionId}) is {lacking}", centre, counting)
                    { Days = nudge.Days });
                }
                else if (NeedsWorkLateNoticeDue(lived, now, counting) is { } chase)
                {
                    planned.Add(new PlannedEmail(Key(campaign, centre.Id, EmailKinds.NeedsWorkLateNotice, EmailKinds.DaysDetail(chase.Days)), chase.At,
                        $"needs-work late notice {chase.Days} day(s) after the deadline, due {Utc(chase.At)}; the report that counts from {centre.Id} ({counting.SubmissionId}) is {lacking}", centre, counting)
                    { Days = chase.Days });
                }
            }
            else if (InvitationDue(input, input.CampaignFor(centre.Id), centre.Id, now, own))
            {
                // Instead of a reminder due now: the invitation has the link and the deadline too, and the rest.
                planned.Add(new PlannedEmail(Key(campaign, centre.Id, EmailKinds.Invitation, EmailKinds.Opening), campaign.OpensAt,
                    $"invitation: the campaign opened {Utc(campaign.OpensAt)} and {centre.Id} has not been invited yet; its deadline is {Utc(input.CampaignFor(centre.Id).Deadline)}", centre));
            }
            else if (ReminderDue(input.CampaignFor(centre.Id), now, own, input.InvitedAt?.GetValueOrDefault(centre.Id)) is { } reminder)
            {
                planned.Add(new PlannedEmail(Key(campaign, centre.Id, EmailKinds.Reminder, EmailKinds.DaysDetail(reminder.Days)), reminder.At,
                    $"reminder {reminder.Days} day(s) before the deadline, due {Utc(reminder.At)}; no on-time report from {centre.Id} yet", centre)
                { Days = reminder.Days });
            }
            else if (LateNoticeDue(input.CampaignFor(centre.Id), now, own) is { } notice)
            {
                planned.Add(new PlannedEmail(Key(campaign, centre.Id, EmailKinds.LateNotice, EmailKinds.DaysDetail(notice.Days)), notice.At,
                    $"late notice {notice.Days} day(s) after the deadline, due {Utc(notice.At)}; nothing received from {centre.Id}", centre)
                { Days = notice.Days });
            }

            // Uploads after the first of a burst are not told of one by one: BurstEmails tells of them together.
            var firstOfBurst = input.UploadBurstWindow > TimeSpan.Zero
                ? UploadBursts.FirstOfBurst(own.Select(s => (s.SubmissionId, s.ReceivedAt)), input.UploadBurstWindow)
                : null;
            foreach (var submission in own.Where(s => s.ProcessedAt + ProcessorHeadStart <= now).OrderBy(s => s.ReceivedAt))
            {
                if (firstOfBurst is not null && firstOfBurst[submission.SubmissionId] != submission.SubmissionId)
                {
                    if (submission.Failure is not null)
                    {
                        planned.Add(new PlannedEmail(Key(campaign, centre.Id, EmailKinds.ProcessingFailed, submission.SubmissionId), submission.ProcessedAt,
                            $"HQ's e-mail that submission {submission.SubmissionId} from {centre.Id} could not be processed is still pending", centre, submission));
                    }

                    continue;
                }

                // HQ's e-mail about an upload that could not be processed (PoisonedReports) stands for its "received" one;
                // with daily notices, the day's summary tells of the others.
                if (submission.Failure is not null)
                {
                    planned.Add(new PlannedEmail(Key(campaign, centre.Id, EmailKinds.ProcessingFailed, submission.SubmissionId), submission.ProcessedAt,
                        $"HQ's e-mail that submission {submission.SubmissionId} from {centre.Id} could not be processed is still pending", centre, submission));
                }
                else if (input.HqNotices == HqNotices.EachUpload)
                {
                    planned.Add(new PlannedEmail(Key(campaign, centre.Id, EmailKinds.SubmissionReceived, submission.SubmissionId), submission.ProcessedAt,
                        $"HQ's e-mail for submission {submission.SubmissionId} from {centre.Id} is still pending", centre, submission));
                }

                // A centre with no address gets no receipt: HQ's one notice about the address (above) stands for it.
                if (Reports.ContactFacts.IsAddress(centre.CoordinatorEmail))
                {
                    planned.Add(new PlannedEmail(Key(campaign, centre.Id, EmailKinds.Receipt, submission.SubmissionId), submission.ProcessedAt,
                        $"the receipt for submission {submission.SubmissionId} from {centre.Id} is still pending", centre, submission));
                }
            }

            if (firstOfBurst is not null)
            {
                planned.AddRange(BurstEmails(input, centre, own, firstOfBurst));
            }
        }

        if (input.HqNotices == HqNotices.Daily && DailySummaryDue(input, now) is { } daily)
        {
            planned.Add(daily);
        }

        if (WeeklyDigestDue(campaign, now) is { } digest)
        {
            planned.Add(new PlannedEmail(Key(campaign, EmailKinds.Hq, EmailKinds.WeeklyDigest, $"week-{digest.Week:00}"), digest.At,
                $"weekly digest {digest.Week}, due {Utc(digest.At)}"));
        }

        if (campaign.OnTimeUntil() <= now)
        {
            planned.Add(new PlannedEmail(Key(campaign, EmailKinds.Hq, EmailKinds.ClosingSummary, EmailKinds.AfterDeadline), campaign.OnTimeUntil(),
                $"closing summary: the on-time window closed {Utc(campaign.OnTimeUntil())}"));
        }

        if (campaign.LateUploadsCloseAt <= now)
        {
            planned.Add(new PlannedEmail(Key(campaign, EmailKinds.Hq, EmailKinds.ClosingSummary, EmailKinds.AfterLateWindow), campaign.LateUploadsCloseAt,
                $"closing summary: the late window closed {Utc(campaign.LateUploadsCloseAt)}"));
        }

        return [.. planned.Where(p => !input.Done.Contains(p.Key))];
    }

    /// <summary>
    /// Whether the centre is still to be invited: it has sent nothing, its deadline has not passed (after it, the late
    /// notices speak), and it has had neither the invitation nor a reminder or late notice (a campaign that was under way
    /// before invitations existed has told it already).
    /// </summary>
    private static bool InvitationDue(ReminderPlanInput input, Campaign campaign, string centreId, DateTimeOffset now, List<Submission> own) =>
        own.Count == 0 && now < campaign.Deadline
        && !input.Done.Contains(Key(campaign, centreId, EmailKinds.Invitation, EmailKinds.Opening))
        && !input.Done.Any(k => k.Centre == centreId && EmailKinds.IsChase(k.Kind));

    /// <summary>
    /// The most recent reminder already due, while the deadline has not passed and no on-time report is in; one that fell
    /// due before the invitation was sent (<paramref name="invitedAt"/>) was said by it.
    /// </summary>
    private static (int Days, DateTimeOffset At)? ReminderDue(Campaign campaign, DateTimeOffset now, List<Submission> own, DateTimeOffset? invitedAt)
    {
        if (now >= campaign.Deadline || own.Any(s => !s.Late))
        {
            return null;
        }

        return MostRecent(campaign.ReminderDays.Select(d => (d, campaign.DaysFromDeadline(-d))).Where(o => invitedAt is not { } invited || o.Item2 > invited), now);
    }

    /// <summary>The most recent late notice already due, while the late window is open and nothing has come.</summary>
    private static (int Days, DateTimeOffset At)? LateNoticeDue(Campaign campaign, DateTimeOffset now, List<Submission> own)
    {
        if (now < campaign.OnTimeUntil() || now > campaign.LateUploadsCloseAt || own.Count > 0)
        {
            return null;
        }

        return MostRecent(campaign.LateNoticeDays.Select(d => (d, campaign.DaysFromDeadline(d))), now);
    }

    /// <summary>
    /// Why the version that counts does not finish a centre's report, in words for HQ's preview ("incomplete: workshops",
    /// "unreadable: corrupt"); null when it is valid (or from before the reader, and so accepted).
    /// </summary>
    private static string? NeedsWork(Submission counting)
    {
        if (counting.Failure is not null)
        {
            return "unreadable: it could not be processed";
        }

        return counting.Check switch
        {
            { Status: ReportStatus.Unreadable } check => Lacking("unreadable", check.Problems.Select(p => p.Code)),
            { Status: ReportStatus.Incomplete } check => Lacking("incomplete", check.Problems.Select(p => p.Section ?? p.Code)),
            _ => null,
        };

        static string Lacking(string state, IEnumerable<string> what) =>
            string.Join(", ", what.Distinct()) is { Length: > 0 } list ? $"{state}: {list}" : state;
    }

    /// <summary>
    /// The most recent reminder due since the report that needs work came in, while the deadline has not passed: an
    /// offset already behind it was answered by that upload's receipt, which named the problems.
    /// </summary>
    private static (int Days, DateTimeOffset At)? NeedsWorkReminderDue(Campaign campaign, DateTimeOffset now, Submission counting) =>
        now >= campaign.Deadline
            ? null
            : MostRecent(campaign.ReminderDays.Select(d => (d, campaign.DaysFromDeadline(-d))).Where(o => o.Item2 > counting.ReceivedAt), now);

    /// <summary>The most recent late notice due since the report that needs work came in, while the late window is open.</summary>
    private static (int Days, DateTimeOffset At)? NeedsWorkLateNoticeDue(Campaign campaign, DateTimeOffset now, Submission counting) =>
        now < campaign.OnTimeUntil() || now > campaign.LateUploadsCloseAt
            ? null
            : MostRecent(campaign.LateNoticeDays.Select(d => (d, campaign.DaysFromDeadline(d))).Where(o => o.Item2 > counting.ReceivedAt), now);

    private static (int Days, DateTimeOffset At)? MostRecent(IEnumerable<(int Days, DateTimeOffset At)> offsets, DateTimeOffset now)
    {
        var due = offsets.Where(o => o.At <= now).ToList();
        return due.Count == 0 ? null : due.MaxBy(o => o.At);
    }

    /// <summary>
    /// For each burst of the centre's uploads that is over (its window has passed since its first upload): HQ's one notice
    /// naming the uploads after the first (unless HQ chose a daily summary), and the coordinator's receipt of the newest.
    /// </summary>
    private static IEnumerable<PlannedEmail> BurstEmails(ReminderPlanInput input, Centre centre, List<Submission> own, IReadOnlyDictionary<string, string> firstOfBurst)
    {
        foreach (var burst in own.Where(s => firstOfBurst[s.SubmissionId] != s.SubmissionId).GroupBy(s => firstOfBurst[s.SubmissionId], StringComparer.Ordinal))
        {
            var first = own.Single(s => s.SubmissionId == burst.Key);
            var over = first.ReceivedAt + input.UploadBurstWindow;
            if (over > input.Now)
            {
                continue;
            }

            var others = burst.OrderBy(s => s.ReceivedAt).ThenBy(s => s.SubmissionId, StringComparer.Ordinal).ToList();
            if (input.HqNotices == HqNotices.EachUpload)
            {
                yield return new PlannedEmail(Key(input.Campaign, centre.Id, EmailKinds.UploadBurst, first.SubmissionId), over,
                    $"HQ's one notice of the {others.Count} upload(s) from {centre.Id} within {input.UploadBurstWindow} of {first.SubmissionId}", centre, first)
                { Uploads = others };
            }

            if (Reports.ContactFacts.IsAddress(centre.CoordinatorEmail))
            {
                var newest = others[^1];
                yield return new PlannedEmail(Key(input.Campaign, centre.Id, EmailKinds.Receipt, newest.SubmissionId), over,
                    $"the receipt of {newest.SubmissionId}, the newest upload of the burst from {centre.Id} that began with {first.SubmissionId}", centre, newest);
            }
        }
    }

    /// <summary>
    /// Today's summary once its hour has come (yesterday's before it), of the uploads processed in the 24 hours before
    /// that hour; none on a day nothing came. A timer down for a whole day loses that day's summary, not its uploads:
    /// the dashboard has them.
    /// </summary>
    private static PlannedEmail? DailySummaryDue(ReminderPlanInput input, DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date.AddHours(DailySummaryHour), TimeSpan.Zero);
        var at = today <= now ? today : today.AddDays(-1);
        var from = at.AddDays(-1);
        var uploads = input.Submissions.Where(s => s.ProcessedAt >= from && s.ProcessedAt < at)
            .OrderBy(s => s.ProcessedAt).ThenBy(s => s.CentreId, StringComparer.Ordinal).ToList();
        if (uploads.Count == 0)
        {
            return null;
        }

        var day = at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new PlannedEmail(Key(input.Campaign, EmailKinds.Hq, EmailKinds.DailySummary, day), at,
            $"HQ's daily summary of the {uploads.Count} upload(s) processed from {Utc(from)} to {Utc(at)}") { Uploads = uploads };
    }

    private static (int Week, DateTimeOffset At)? WeeklyDigestDue(Campaign campaign, DateTimeOffset now)
    {
        var week = (int)((now - campaign.OpensAt).Ticks / TimeSpan.FromDays(7).Ticks);
        var at = campaign.OpensAt + TimeSpan.FromDays(7 * week);
        return week >= 1 && at < campaign.LateUploadsCloseAt ? (week, at) : null;
    }

    private static EmailKey Key(Campaign campaign, string centre, string kind, string detail) => new(campaign.Year, centre, kind, detail);

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
