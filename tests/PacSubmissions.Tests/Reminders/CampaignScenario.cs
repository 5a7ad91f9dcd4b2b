using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Email;
using PacSubmissions.Reminders;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Tests.Reminders;

/// <summary>
/// One campaign, set in Auckland time (UTC+13 until April, UTC+12 after), with centres that submit early, just in the
/// grace period, incomplete, late, never, one with no coordinator address and one inactive; and the e-mails each must get.
/// </summary>
public static class CampaignScenario
{
    public const string Zone = "Pacific/Auckland";

    /// <summary>15 July 2031, 23:59:59 in Auckland (NZST, UTC+12) is 11:59:59 UTC.</summary>
    public static readonly Campaign Campaign = Campaign.WithDefaults(2031, new DateTimeOffset(2031, 3, 1, 0, 0, 0, TimeSpan.Zero), Zone) with
    {
        // 120 days before falls in daylight-saving time (NZDT, UTC+13): the reminder keeps 23:59:59 Auckland time.
        ReminderDays = [120, 30, 14, 7, 1],
    };

    public static DateTimeOffset Deadline => Campaign.Deadline;

    public static DateTimeOffset End => Campaign.LateUploadsCloseAt + TimeSpan.FromDays(8);

    public static readonly Centre Early = Centre("early", "fr", "early@pac-test.example");
    public static readonly Centre Grace = Centre("grace", "de", "grace@pac-test.example");
    public static readonly Centre Incomplete = Centre("incomplete", "ar", "incomplete@pac-test.example");
    public static readonly Centre Late = Centre("late", "en", "late@pac-test.example");
    public static readonly Centre Never = Centre("never", "pt", "never@pac-test.example");
    public static readonly Centre NoAddress = Centre("noaddress", "es", "");
    public static readonly Centre Inactive = Centre("inactive", "en", "inactive@pac-test.example") with { Active = false };

    public static readonly IReadOnlyList<Centre> Centres = [Early, Grace, Incomplete, Late, Never, NoAddress, Inactive];

    public static readonly IReadOnlyList<Submission> Submissions =
    [
        Submitted(Early, Deadline - TimeSpan.FromDays(20), late: false),
        // A second, corrected version later on: it changes nothing about reminders.
        Submitted(Early, Deadline - TimeSpan.FromDays(10), late: false, id: "v2"),
        // In the hidden grace hour after the deadline: on time.
        Submitted(Grace, Deadline + TimeSpan.FromMinutes(30), late: false),
        Submitted(Incomplete, Deadline - TimeSpan.FromDays(3), late: false),
        Submitted(Late, Deadline + TimeSpan.FromDays(3), late: true),
        Submitted(NoAddress, Deadline - TimeSpan.FromDays(2), late: false),
    ];

    public static readonly ReportReading IncompleteReading = new("docx", 1000, new string('a', 64), ReportStatus.Incomplete,
        [new ReportProblem(ProblemCodes.UnansweredSection, "Question 4 <workshops> is not answered.", FormSections.Workshops)],
        [new ReportSection(FormSections.Centre, "1. Centre", true, 10, "x")], null, null, [], [], null, 1, 100);

    /// <summary>The invitation, reminders and late notices each coordinator must get, in order: nothing else, nothing twice.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> TimerEmails = new Dictionary<string, string[]>
    {
        [Early.Id] = ["invitation|opening", "reminder|120d", "reminder|30d"],
        [Grace.Id] = ["invitation|opening", "reminder|120d", "reminder|30d", "reminder|14d", "reminder|7d", "reminder|1d"],
        [Incomplete.Id] = ["invitation|opening", "reminder|120d", "reminder|30d", "reminder|14d", "reminder|7d"],
        [Late.Id] = ["invitation|opening", "reminder|120d", "reminder|30d", "reminder|14d", "reminder|7d", "reminder|1d", "late-notice|1d"],
        [Never.Id] = ["invitation|opening", "reminder|120d", "reminder|30d", "reminder|14d", "reminder|7d", "reminder|1d", "late-notice|1d", "late-notice|7d", "late-notice|14d"],
        [NoAddress.Id] = [],
        [Inactive.Id] = [],
    };

    /// <summary>HQ's campaign e-mails from the timer: the address problem once, 23 weekly digests, two closing summaries.</summary>
    public static IReadOnlyList<string> HqTimerEmails =>
    [
        "noaddress|missing-address|coordinator",
        .. Enumerable.Range(1, 23).Select(w => $"hq|weekly-digest|week-{w:00}"),
        "hq|closing-summary|after-deadline",
        "hq|closing-summary|after-late-window",
    ];

    /// <summary>
    /// The timer, hour by hour, against an in-memory ledger. When a submission arrives, the processor sends its own
    /// e-mails (HQ's and the receipt, or HQ's address notice), as <see cref="SubmissionNotifications"/> does.
    /// </summary>
    public static List<(EmailKey Key, DateTimeOffset At)> PlayHourly(
        IEnumerable<DateTimeOffset> hours, IReadOnlyDictionary<string, DateTimeOffset>? extendedDeadlines = null)
    {
        var done = new HashSet<EmailKey>();
        var sent = new List<(EmailKey Key, DateTimeOffset At)>();
        foreach (var now in hours)
        {
            foreach (var submission in Submissions.Where(s => s.ReceivedAt <= now))
            {
                foreach (var key in ProcessorKeys(submission))
                {
                    done.Add(key);
                }
            }

            foreach (var planned in ReminderPlanner.Plan(new ReminderPlanInput(now, Campaign, Centres, Submissions, done, extendedDeadlines)))
            {
                Assert.True(done.Add(planned.Key), $"{planned.Key} planned again at {now:u}");
                sent.Add((planned.Key, now));
            }
        }

        return sent;
    }

    private static IEnumerable<EmailKey> ProcessorKeys(Submission submission)
    {
        var centre = Centres.Single(c => c.Id == submission.CentreId);
        yield return new EmailKey(submission.Year, centre.Id, EmailKinds.SubmissionReceived, submission.SubmissionId);
        yield return PacSubmissions.Reports.ContactFacts.IsAddress(centre.CoordinatorEmail)
            ? new EmailKey(submission.Year, centre.Id, EmailKinds.Receipt, submission.SubmissionId)
            : new EmailKey(submission.Year, centre.Id, EmailKinds.MissingAddress, "coordinator");
    }

    public static IEnumerable<DateTimeOffset> Hours(DateTimeOffset from, DateTimeOffset to)
    {
        for (var hour = from; hour <= to; hour += TimeSpan.FromHours(1))
        {
            yield return hour;
        }
    }

    private static Centre Centre(string id, string language, string email) =>
        new(id, $"PAC Centre {id}", "Institution", "City", "Country", $"Coordinator {id}", email, language);

    private static Submission Submitted(Centre centre, DateTimeOffset at, bool late, string id = "v1") =>
        new(centre.Id, Campaign.Year, $"{centre.Id}-{id}", $"{Campaign.Year}/{centre.Id}/{id}.docx", "report.docx", 1000,
            new string('a', 64), at, late, at + TimeSpan.FromMinutes(1));
}
