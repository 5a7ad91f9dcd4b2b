using PacSubmissions.Email;
using PacSubmissions.Reminders;
using PacSubmissions.Submissions;

namespace PacSubmissions.Tests.Reminders;

public sealed class ReminderPlannerTests
{
    [Fact]
    public void HourlyRunsThroughTheWholeCampaignSendEachDueEmailOnceAndNoneAfterSubmitting()
    {
        var sent = CampaignScenario.PlayHourly(CampaignScenario.Hours(CampaignScenario.Campaign.OpensAt, CampaignScenario.End));

        Assert.Equal(sent.Count, sent.Select(s => s.Key).Distinct().Count());
        foreach (var (centre, expected) in CampaignScenario.TimerEmails)
        {
            var coordinatorEmails = sent.Where(s => s.Key.Centre == centre && s.Key.Kind is EmailKinds.Invitation or EmailKinds.Reminder or EmailKinds.LateNotice)
                .Select(s => $"{s.Key.Kind}|{s.Key.Detail}");
            Assert.Equal(expected, coordinatorEmails);
        }

        foreach (var submission in CampaignScenario.Submissions)
        {
            Assert.DoesNotContain(sent, s => s.Key.Centre == submission.CentreId && s.Key.Kind is EmailKinds.Reminder or EmailKinds.LateNotice
                && s.At >= submission.ReceivedAt && (s.Key.Kind == EmailKinds.LateNotice || !submission.Late));
        }

        var hq = sent.Where(s => s.Key.Kind is EmailKinds.WeeklyDigest or EmailKinds.ClosingSummary or EmailKinds.MissingAddress)
            .Select(s => $"{s.Key.Centre}|{s.Key.Kind}|{s.Key.Detail}");
        Assert.Equal(CampaignScenario.HqTimerEmails.Order(StringComparer.Ordinal), hq.Order(StringComparer.Ordinal));
        // The processor sent every submission's own e-mails: the timer had nothing to catch up.
        Assert.DoesNotContain(sent, s => s.Key.Kind is EmailKinds.Receipt or EmailKinds.SubmissionReceived);
    }

    [Fact]
    public void RemindersFollowTheCampaignZonesWallClockAcrossDaylightSaving()
    {
        var sent = CampaignScenario.PlayHourly(CampaignScenario.Hours(CampaignScenario.Campaign.OpensAt, CampaignScenario.End));
        var never = sent.Where(s => s.Key.Centre == CampaignScenario.Never.Id).ToDictionary(s => $"{s.Key.Kind}|{s.Key.Detail}", s => s.At);

        // 23:59:59 in Auckland: NZDT (UTC+13) on 16 March, NZST (UTC+12) in June and July; sent by the next hourly run.
        Assert.Equal(new DateTimeOffset(2031, 3, 17, 11, 0, 0, TimeSpan.Zero), never["reminder|120d"]);
        Assert.Equal(new DateTimeOffset(2031, 6, 15, 12, 0, 0, TimeSpan.Zero), never["reminder|30d"]);
        Assert.Equal(new DateTimeOffset(2031, 7, 14, 12, 0, 0, TimeSpan.Zero), never["reminder|1d"]);
        Assert.Equal(new DateTimeOffset(2031, 7, 16, 12, 0, 0, TimeSpan.Zero), never["late-notice|1d"]);
        Assert.Equal(new DateTimeOffset(2031, 7, 29, 12, 0, 0, TimeSpan.Zero), never["late-notice|14d"]);
        var summary = sent.Single(s => s.Key.Detail == EmailKinds.AfterDeadline);
        // The on-time window (deadline plus the hidden grace hour) closes 01:00 on 16 July in Auckland.
        Assert.Equal(new DateTimeOffset(2031, 7, 15, 13, 0, 0, TimeSpan.Zero), summary.At);
    }

    [Fact]
    public void ACentreWithAnExtendedDeadlineIsRemindedAndChasedByItsOwnDeadline()
    {
        var extended = CampaignScenario.Deadline + TimeSpan.FromDays(10);
        var hours = CampaignScenario.Hours(CampaignScenario.Campaign.OpensAt, CampaignScenario.End);

        var sent = CampaignScenario.PlayHourly(hours, new Dictionary<string, DateTimeOffset> { [CampaignScenario.Never.Id] = extended });

        var never = sent.Where(s => s.Key.Centre == CampaignScenario.Never.Id).ToDictionary(s => $"{s.Key.Kind}|{s.Key.Detail}", s => s.At);
        // Its last reminder comes a day before its own deadline, and no late notice before that deadline and grace have passed.
        Assert.Equal(extended - TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1), never["reminder|1d"]);
        Assert.All(never.Where(e => e.Key.StartsWith(EmailKinds.LateNotice, StringComparison.Ordinal)),
            e => Assert.True(e.Value > extended + CampaignScenario.Campaign.Grace, $"{e.Key} at {e.Value:u}"));
        Assert.Equal(never["late-notice|1d"], extended + TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        // Other centres keep the campaign's deadline.
        var late = sent.Where(s => s.Key.Centre == CampaignScenario.Late.Id && s.Key.Kind == EmailKinds.Reminder).Select(s => s.At).Max();
        Assert.True(late < CampaignScenario.Deadline);
    }

    [Fact]
    public void AfterAnOutageOnlyTheMostRecentDueReminderGoesOut()
    {
        var deadline = CampaignScenario.Deadline;
        var outageFrom = deadline - TimeSpan.FromDays(20);
        var outageTo = deadline - TimeSpan.FromDays(5);
        var hours = CampaignScenario.Hours(CampaignScenario.Campaign.OpensAt, CampaignScenario.End).Where(h => h < outageFrom || h > outageTo);

        var sent = CampaignScenario.PlayHourly(hours);

        var never = sent.Where(s => s.Key.Centre == CampaignScenario.Never.Id && s.Key.Kind == EmailKinds.Reminder).Select(s => s.Key.Detail);
        // 14 and 7 days before fell in the outage: the first run after it sends the 7-day one only.
        Assert.Equal(["120d", "30d", "7d", "1d"], never);
        var digests = sent.Where(s => s.Key.Kind == EmailKinds.WeeklyDigest).Select(s => s.At).ToList();
        Assert.DoesNotContain(digests, at => at > outageFrom && at <= outageTo);
        Assert.Single(digests, at => at > outageTo && at <= outageTo + TimeSpan.FromHours(1));
    }

    [Fact]
    public void ARunAtTheSameInstantAsTheLastFindsNothingToDo()
    {
        var at = CampaignScenario.Deadline - TimeSpan.FromDays(7) + TimeSpan.FromHours(1);
        var first = ReminderPlanner.Plan(Input(at, new HashSet<EmailKey>()));
        Assert.NotEmpty(first);

        // As the run tells it from the ledger: the invitations just sent, and when.
        var invited = first.Where(p => p.Key.Kind == EmailKinds.Invitation).ToDictionary(p => p.Key.Centre, _ => at);
        var second = ReminderPlanner.Plan(Input(at, first.Select(p => p.Key).ToHashSet()) with { InvitedAt = invited });

        Assert.Empty(second);
    }

    [Fact]
    public void ASubmissionWhoseEmailsTheProcessorCouldNotSendIsCaughtUpByTheNextRun()
    {
        var submission = CampaignScenario.Submissions.Single(s => s.CentreId == CampaignScenario.Late.Id);
        var soon = submission.ProcessedAt + TimeSpan.FromMinutes(5);
        var later = submission.ProcessedAt + ReminderPlanner.ProcessorHeadStart;

        Assert.DoesNotContain(ReminderPlanner.Plan(Input(soon, new HashSet<EmailKey>())), p => p.Submission == submission);
        var caughtUp = ReminderPlanner.Plan(Input(later, new HashSet<EmailKey>())).Where(p => p.Submission == submission).Select(p => p.Key.Kind);

        Assert.Equal([EmailKinds.SubmissionReceived, EmailKinds.Receipt], caughtUp);
    }

    [Fact]
    public void NothingIsPlannedBeforeTheOpeningOrLongAfterTheLateWindow()
    {
        Assert.Empty(ReminderPlanner.Plan(Input(CampaignScenario.Campaign.OpensAt - TimeSpan.FromSeconds(1), new HashSet<EmailKey>())));
        Assert.Empty(ReminderPlanner.Plan(Input(CampaignScenario.End, new HashSet<EmailKey>())));
    }

    private static ReminderPlanInput Input(DateTimeOffset now, IReadOnlySet<EmailKey> done) =>
        new(now, CampaignScenario.Campaign, CampaignScenario.Centres, CampaignScenario.Submissions, done);
}
