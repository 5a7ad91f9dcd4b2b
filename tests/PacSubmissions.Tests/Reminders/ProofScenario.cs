using PacSubmissions.Campaigns;
using PacSubmissions.Centres;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;

namespace PacSubmissions.Tests.Reminders;

/// <summary>
/// Issue 16's campaign played through: <see cref="NeedsWorkScenario"/>'s centres (an incomplete report fixed after a
/// reminder, an unreadable one never fixed, a valid one, a broken upload after a good one), and three more: one whose
/// deadline HQ extends three days before the campaign's, which reports on time by its own; one added to the register five
/// days before the deadline, which never reports; one added after the deadline; and one whose coordinator's address HQ
/// changes ten days before the deadline, which never reports. The e-mails each coordinator must get.
/// </summary>
public static class ProofScenario
{
    public static Campaign Campaign => NeedsWorkScenario.Campaign;

    public static DateTimeOffset Deadline => NeedsWorkScenario.Deadline;

    public static readonly Centre Extended = Centre("extended", "de");
    public static readonly Centre Added = Centre("added", "es");
    public static readonly Centre AddedLate = Centre("addedlate", "en");
    public static readonly Centre Moved = Centre("moved", "fr");

    /// <summary>When HQ's register import gives <see cref="Moved"/> a new coordinator address, and the address.</summary>
    public static readonly DateTimeOffset MovedOn = Deadline - TimeSpan.FromDays(10) + TimeSpan.FromMinutes(30);

    public const string MovedTo = "moved-new@pac-test.example";

    /// <summary>The register at the opening; <see cref="Added"/> and <see cref="AddedLate"/> come later.</summary>
    public static IReadOnlyList<Centre> AtOpening => [.. NeedsWorkScenario.Centres, Extended, Moved];

    public static IReadOnlyList<Centre> Centres => [.. AtOpening, Added, AddedLate];

    /// <summary>When each late centre enters the register (half past an hour, so the next run is the one to invite it).</summary>
    public static readonly IReadOnlyDictionary<Centre, DateTimeOffset> AddedAt = new Dictionary<Centre, DateTimeOffset>
    {
        [Added] = Deadline - TimeSpan.FromDays(5) + TimeSpan.FromMinutes(30),
        [AddedLate] = Deadline + TimeSpan.FromDays(2) + TimeSpan.FromMinutes(30),
    };

    /// <summary>When HQ extends <see cref="Extended"/>'s deadline, and to what (as HQ types it, in the campaign's zone, UTC).</summary>
    public static readonly DateTimeOffset ExtendedOn = Deadline - TimeSpan.FromDays(3) + TimeSpan.FromMinutes(30);

    public const string ExtendedTo = "2032-06-06T12:00";

    public static readonly DateTimeOffset ExtendedDeadline = new(2032, 6, 6, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Each upload with the reading the processor made of it: NeedsWorkScenario's, and Extended's on time by its own deadline.</summary>
    public static IReadOnlyList<(Submission Submission, ReportReading Reading)> Uploads =>
    [
        .. NeedsWorkScenario.Uploads,
        Uploaded(Extended, ExtendedDeadline - TimeSpan.FromHours(12), NeedsWorkScenario.ValidReading),
    ];

    /// <summary>Every e-mail each coordinator must get from the timer, in order (the receipts come from the processor).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> TimerEmails = new Dictionary<string, string[]>
    {
        [NeedsWorkScenario.Fixed.Id] = NeedsWorkScenario.TimerEmails[NeedsWorkScenario.Fixed.Id],
        [NeedsWorkScenario.Broken.Id] = NeedsWorkScenario.TimerEmails[NeedsWorkScenario.Broken.Id],
        [NeedsWorkScenario.Done.Id] = NeedsWorkScenario.TimerEmails[NeedsWorkScenario.Done.Id],
        [NeedsWorkScenario.BrokenAfterGood.Id] = NeedsWorkScenario.TimerEmails[NeedsWorkScenario.BrokenAfterGood.Id],
        // The 7-day reminder by the campaign's deadline; the 1-day one by its own; then its report, on time.
        [Extended.Id] = ["invitation|opening", "reminder|7d", "reminder|1d"],
        // Invited the hour it was added, after the 7-day reminder's day: the invitation said all that one would have.
        [Added.Id] = ["invitation|opening", "reminder|1d", "late-notice|1d", "late-notice|7d"],
        // Added after the deadline: no invitation, the late notices.
        [AddedLate.Id] = ["late-notice|1d", "late-notice|7d"],
        // To the old address: the invitation only; nothing after the change.
        [Moved.Id] = ["invitation|opening"],
    };

    /// <summary>What <see cref="MovedTo"/> must get: its link once (the detail is unique), then every chase after the change.</summary>
    public static readonly string[] MovedToEmails = ["address-changed", "reminder|7d", "reminder|1d", "late-notice|1d", "late-notice|7d"];

    private static Centre Centre(string id, string language) =>
        new(id, $"PAC Centre {id}", "Institution", "City", "Country", $"Coordinator {id}", $"{id}@pac-test.example", language);

    private static (Submission, ReportReading) Uploaded(Centre centre, DateTimeOffset at, ReportReading reading) =>
        (new Submission(centre.Id, Campaign.Year, $"{centre.Id}-v1", $"{Campaign.Year}/{centre.Id}/v1.docx", "report.docx", 1000,
            new string('a', 64), at, false, at + TimeSpan.FromMinutes(1), SubmissionCheck.From(reading)), reading);
}
