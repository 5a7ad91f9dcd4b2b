using PacSubmissions.Email;
using PacSubmissions.Reminders;
using PacSubmissions.Submissions;

namespace PacSubmissions.Tests.Reminders;

/// <summary>The planner alone, for each state a centre's report that counts can be in: valid, incomplete, unreadable, failed.</summary>
public sealed class NeedsWorkPlannerTests
{
    private static readonly DateTimeOffset BeforeDeadline = NeedsWorkScenario.Deadline - TimeSpan.FromDays(7) + TimeSpan.FromHours(1);
    private static readonly DateTimeOffset AfterDeadline = NeedsWorkScenario.Deadline + TimeSpan.FromDays(1) + TimeSpan.FromHours(1);

    [Fact]
    public void HourlyRunsChaseEachCentreWhoseReportNeedsWorkOnceAtEachOffsetAndNoOneElse()
    {
        var done = new HashSet<EmailKey>();
        var sent = new List<EmailKey>();
        foreach (var now in NeedsWorkScenario.Hours())
        {
            foreach (var planned in ReminderPlanner.Plan(new ReminderPlanInput(now, NeedsWorkScenario.Campaign, NeedsWorkScenario.Centres,
                NeedsWorkScenario.Submissions, done)).Where(p => EmailKinds.IsChase(p.Key.Kind) || p.Key.Kind == EmailKinds.Invitation))
            {
                Assert.True(done.Add(planned.Key), $"{planned.Key} planned again at {now:u}");
                sent.Add(planned.Key);
            }
        }

        foreach (var (centre, expected) in NeedsWorkScenario.TimerEmails)
        {
            Assert.Equal(expected, sent.Where(k => k.Centre == centre).Select(k => $"{k.Kind}|{k.Detail}"));
        }
    }

    [Fact]
    public void ACentreWhoseReportIsValidGetsNoReminderNorLateNotice()
    {
        var valid = Upload(NeedsWorkScenario.ValidReading);

        Assert.Empty(Chases(BeforeDeadline, valid));
        Assert.Empty(Chases(AfterDeadline, valid));
    }

    [Fact]
    public void AnIncompleteReportGetsTheNeedsWorkReminderNamingTheQuestionsAndThenTheNeedsWorkLateNotice()
    {
        var incomplete = Upload(NeedsWorkScenario.IncompleteReading);

        var reminder = Assert.Single(Chases(BeforeDeadline, incomplete));
        var notice = Assert.Single(Chases(AfterDeadline, incomplete));

        Assert.Equal(new EmailKey(2032, NeedsWorkScenario.Fixed.Id, EmailKinds.NeedsWorkReminder, "7d"), reminder.Key);
        Assert.Contains("is incomplete: workshops, standards", reminder.Reason, StringComparison.Ordinal);
        Assert.Same(incomplete, reminder.Submission);
        Assert.Equal(new EmailKey(2032, NeedsWorkScenario.Fixed.Id, EmailKinds.NeedsWorkLateNotice, "1d"), notice.Key);
        Assert.Equal(1, notice.Days);
    }

    [Fact]
    public void AnUnreadableReportOrOneThatCouldNotBeProcessedIsChasedWithItsProblem()
    {
        var unreadable = Upload(NeedsWorkScenario.UnreadableReading);
        var failed = unreadable with { Check = null, Failure = new ProcessingFailure(unreadable.ProcessedAt, "poison queue") };

        Assert.Contains("is unreadable: corrupt", Assert.Single(Chases(BeforeDeadline, unreadable)).Reason, StringComparison.Ordinal);
        var chased = Assert.Single(Chases(AfterDeadline, failed));
        Assert.Equal(EmailKinds.NeedsWorkLateNotice, chased.Key.Kind);
        Assert.Contains("could not be processed", chased.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AReportThatNeedsWorkIsNotRemindedForAnOffsetThatPassedBeforeItCame()
    {
        // Uploaded after the 7-day reminder fell due: its receipt told the problems; the next reminder is the 1-day one.
        var incomplete = Upload(NeedsWorkScenario.IncompleteReading, at: NeedsWorkScenario.Deadline - TimeSpan.FromDays(5));

        Assert.Empty(Chases(NeedsWorkScenario.Deadline - TimeSpan.FromDays(4), incomplete));
        Assert.Equal("1d", Assert.Single(Chases(NeedsWorkScenario.Deadline - TimeSpan.FromHours(1), incomplete)).Key.Detail);
    }

    [Fact]
    public void ABrokenUploadAfterAValidReportLeavesTheCentreDone()
    {
        var good = Upload(NeedsWorkScenario.ValidReading, at: NeedsWorkScenario.Deadline - TimeSpan.FromDays(12));
        var broken = Upload(NeedsWorkScenario.UnreadableReading, at: NeedsWorkScenario.Deadline - TimeSpan.FromDays(9)) with { SubmissionId = "fixed-v2" };

        Assert.Empty(Chases(BeforeDeadline, good, broken));
        Assert.Empty(Chases(AfterDeadline, good, broken));
    }

    private static Submission Upload(PacSubmissions.Reports.ReportReading reading, DateTimeOffset? at = null)
    {
        var received = at ?? NeedsWorkScenario.Deadline - TimeSpan.FromDays(10);
        return new Submission(NeedsWorkScenario.Fixed.Id, 2032, "fixed-v1", "2032/fixed/v1.docx", "report.docx", 1000, new string('a', 64),
            received, false, received + TimeSpan.FromMinutes(1), SubmissionCheck.From(reading));
    }

    private static List<PlannedEmail> Chases(DateTimeOffset now, params Submission[] submissions) =>
        [.. ReminderPlanner.Plan(new ReminderPlanInput(now, NeedsWorkScenario.Campaign, [NeedsWorkScenario.Fixed], submissions, new HashSet<EmailKey>()))
            .Where(p => EmailKinds.IsChase(p.Key.Kind))];
}
