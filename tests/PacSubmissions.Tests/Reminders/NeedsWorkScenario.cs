using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Tests.Reminders;

/// <summary>
/// A short campaign (three weeks, reminders 7 and 1 days before, late notices 1 and 7 days after) with a centre whose
/// incomplete report is fixed after one reminder, one whose unreadable report is never fixed, one with a valid report,
/// and one whose broken upload came after a valid one; and the e-mails each coordinator must get from the timer.
/// </summary>
public static class NeedsWorkScenario
{
    public static readonly DateTimeOffset Deadline = new(2032, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly Campaign Campaign = new Campaign(2032, Deadline - TimeSpan.FromDays(14), Deadline, "Etc/UTC",
        Campaign.DefaultGrace, Deadline + TimeSpan.FromDays(9))
    {
        ReminderDays = [7, 1],
        LateNoticeDays = [1, 7],
    };

    public static readonly Centre Fixed = Centre("fixed", "ar");
    public static readonly Centre Broken = Centre("broken", "ru");
    public static readonly Centre Done = Centre("done", "zh");
    public static readonly Centre BrokenAfterGood = Centre("brokenaftergood", "fr");

    public static readonly IReadOnlyList<Centre> Centres = [Fixed, Broken, Done, BrokenAfterGood];

    public static readonly ReportReading ValidReading = CampaignScenario.IncompleteReading with { Status = ReportStatus.Valid, Problems = [] };

    public static readonly ReportReading IncompleteReading = CampaignScenario.IncompleteReading with
    {
        Problems =
        [
            new ReportProblem(ProblemCodes.UnansweredSection, "Question 4 <workshops> is not answered.", FormSections.Workshops),
            new ReportProblem(ProblemCodes.MissingSection, "Question <standards> is missing.", FormSections.Standards),
        ],
    };

    public static readonly ReportReading UnreadableReading = CampaignScenario.IncompleteReading with
    {
        Status = ReportStatus.Unreadable,
        Problems = [new ReportProblem(ProblemCodes.Corrupt, "End of Central Directory record could not be found.")],
    };

    /// <summary>Each upload with the reading the processor made of it.</summary>
    public static readonly IReadOnlyList<(Submission Submission, ReportReading Reading)> Uploads =
    [
        Uploaded(Fixed, Deadline - TimeSpan.FromDays(10), IncompleteReading, "v1"),
        // Fixed after the 7-day reminder: not reminded again, and never chased late.
        Uploaded(Fixed, Deadline - TimeSpan.FromDays(4), ValidReading, "v2"),
        Uploaded(Broken, Deadline - TimeSpan.FromDays(10), UnreadableReading, "v1"),
        Uploaded(Done, Deadline - TimeSpan.FromDays(12), ValidReading, "v1"),
        Uploaded(BrokenAfterGood, Deadline - TimeSpan.FromDays(12), ValidReading, "v1"),
        // A broken upload never replaces a readable report: the centre stays done.
        Uploaded(BrokenAfterGood, Deadline - TimeSpan.FromDays(9), UnreadableReading, "v2"),
    ];

    public static IReadOnlyList<Submission> Submissions => [.. Uploads.Select(u => u.Submission)];

    /// <summary>The invitation, and the reminders and late notices of either sort, each coordinator must get, in order.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> TimerEmails = new Dictionary<string, string[]>
    {
        [Fixed.Id] = ["invitation|opening", "needs-work-reminder|7d"],
        [Broken.Id] = ["invitation|opening", "needs-work-reminder|7d", "needs-work-reminder|1d", "needs-work-late-notice|1d", "needs-work-late-notice|7d"],
        [Done.Id] = ["invitation|opening"],
        [BrokenAfterGood.Id] = ["invitation|opening"],
    };

    public static IEnumerable<DateTimeOffset> Hours() =>
        CampaignScenario.Hours(Campaign.OpensAt, Campaign.LateUploadsCloseAt + TimeSpan.FromDays(1));

    private static Centre Centre(string id, string language) =>
        new(id, $"PAC Centre {id}", "Institution", "City", "Country", $"Coordinator {id}", $"{id}@pac-test.example", language);

    private static (Submission, ReportReading) Uploaded(Centre centre, DateTimeOffset at, ReportReading reading, string id) =>
        (new Submission(centre.Id, Campaign.Year, $"{centre.Id}-{id}", $"{Campaign.Year}/{centre.Id}/{id}.docx", "report.docx", 1000,
            new string('a', 64), at, false, at + TimeSpan.FromMinutes(1), SubmissionCheck.From(reading)), reading);
}
