namespace PacSubmissions.Campaigns;

/// <summary>
/// One year's collection of reports. Every instant is stored in UTC; <see cref="TimeZone"/> (an IANA name) is the zone
/// HQ set the deadline in and the zone it is shown in, so nothing depends on the machine's own zone.
/// </summary>
public sealed record Campaign(
    int Year,
    DateTimeOffset OpensAt,
    DateTimeOffset Deadline,
    string TimeZone,
    TimeSpan Grace,
    DateTimeOffset LateUploadsCloseAt)
{
    /// <summary>Anywhere on Earth (UTC-12): the deadline has passed nowhere on Earth until it passes here.</summary>
    public const string AnywhereOnEarth = "Etc/GMT+12";

    public static readonly TimeSpan DefaultGrace = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan DefaultLateWindow = TimeSpan.FromDays(30);
    public static readonly IReadOnlyList<int> DefaultReminderDays = [30, 14, 7, 1];
    public static readonly IReadOnlyList<int> DefaultLateNoticeDays = [1, 7, 14];

    /// <summary>Days before the deadline on which a centre with no on-time report is reminded.</summary>
    public IReadOnlyList<int> ReminderDays { get; init; } = DefaultReminderDays;

    /// <summary>The form definition this year's reports are read against (<see cref="Forms.FormDefinitions"/>); next year's changed form is a new version.</summary>
    public string FormVersion { get; init; } = Forms.FormDefinitions.CurrentVersion;

    /// <summary>The campaign's form definition; the current one when the app no longer ships the stored version.</summary>
    public Forms.FormDefinition Form() => Forms.FormDefinitions.Find(FormVersion) ?? Forms.FormDefinitions.Current;

    /// <summary>
    /// The year whose activities the reports describe: the report is due in July and covers the calendar year before
    /// (the 2020 sample, due 15 July 2020, reports on 2019; a report named for 2021 tells of its August 2021 events).
    /// </summary>
    public int ActivitiesYear => Year - 1;

    /// <summary>Days after the deadline on which a centre that has sent nothing gets a late notice.</summary>
    public IReadOnlyList<int> LateNoticeDays { get; init; } = DefaultLateNoticeDays;

    /// <summary>
    /// The deadline moved by whole days on the campaign zone's wall clock, so "7 days before" keeps the deadline's
    /// time of day across a daylight-saving change.
    /// </summary>
    public DateTimeOffset DaysFromDeadline(int days) =>
        CampaignClock.ToUtc(CampaignClock.InZone(Deadline, TimeZone).DateTime.AddDays(days), TimeZone);

    /// <summary>The form's own deadline: 15 July, 23:59:59, in the given zone (Anywhere on Earth unless HQ chose another).</summary>
    public static Campaign WithDefaults(int year, DateTimeOffset opensAt, string timeZone = AnywhereOnEarth)
    {
        var deadline = CampaignClock.ToUtc(new DateTime(year, 7, 15, 23, 59, 59, DateTimeKind.Unspecified), timeZone);
        return new Campaign(year, opensAt, deadline, timeZone, DefaultGrace, deadline + DefaultLateWindow);
    }

    /// <summary>
    /// The campaign as one centre lives it: with the deadline HQ extended for it, if any (late uploads then close no
    /// earlier than that centre's own on-time window). Reminders, late notices and their texts all follow it.
    /// </summary>
    public Campaign ForCentre(DateTimeOffset? extendedDeadline) => extendedDeadline is { } deadline
        ? this with { Deadline = deadline, LateUploadsCloseAt = LateUploadsCloseAt > deadline + Grace ? LateUploadsCloseAt : deadline + Grace }
        : this;

    /// <summary>Uploads received up to here count as on time: the grace period is never shown to anyone.</summary>
    public DateTimeOffset OnTimeUntil(DateTimeOffset? centreDeadline = null) => (centreDeadline ?? Deadline) + Grace;

    public UploadWindow WindowAt(DateTimeOffset instant, DateTimeOffset? centreDeadline = null)
    {
        if (instant < OpensAt)
        {
            return UploadWindow.NotYetOpen;
        }

        if (instant <= OnTimeUntil(centreDeadline))
        {
            return UploadWindow.OnTime;
        }

        return instant <= LateUploadsCloseAt ? UploadWindow.Late : UploadWindow.Closed;
    }
}

public enum UploadWindow
{
    NotYetOpen,
    OnTime,
    Late,
    Closed,
}
