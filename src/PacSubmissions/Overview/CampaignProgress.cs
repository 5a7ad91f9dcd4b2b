using PacSubmissions.Campaigns;
using PacSubmissions.Submissions;

namespace PacSubmissions.Overview;

/// <summary>One day of a campaign in HQ's zone: the readable reports that count which arrived that day, and all of them so far.</summary>
public sealed record ProgressDay(DateOnly Day, int Arrived, int SoFar);

/// <summary>
/// A campaign's progress over time, as HQ's chart draws it: one <see cref="ProgressDay"/> per day in HQ's zone
/// (<c>Email:HqTimeZone</c>) from the opening to today (never past the close of late uploads), out of
/// <see cref="Centres"/> active centres, and the days left to the deadline (negative once it has passed).
/// </summary>
public sealed record CampaignProgress(
    Campaign Campaign,
    IReadOnlyList<ProgressDay> Days,
    int Centres,
    DateOnly FirstDay,
    DateOnly DeadlineDay,
    DateOnly Today,
    string HqZone)
{
    /// <summary>Whole days from today to the deadline's day, both in HQ's zone: 0 on the deadline's own day.</summary>
    public int DaysLeft => DeadlineDay.DayNumber - Today.DayNumber;

    /// <summary>The chart's last day: the deadline's, or today's when the campaign runs past it.</summary>
    public DateOnly LastDay => Days.Count > 0 && Days[^1].Day > DeadlineDay ? Days[^1].Day : DeadlineDay;

    /// <summary>
    /// The series for <paramref name="overview"/> at <paramref name="now"/>. A report is counted on the day the version
    /// that counts now arrived, and only when it could be read: an unreadable upload is not a report, and a centre that
    /// sent a better version later is counted once, on that version's day.
    /// </summary>
    public static CampaignProgress Of(CampaignOverview overview, DateTimeOffset now, string hqZone)
    {
        var campaign = overview.Campaign;
        DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(CampaignClock.InZone(instant, hqZone).DateTime);
        var firstDay = DayOf(campaign.OpensAt);
        var today = DayOf(now);
        var closeDay = DayOf(campaign.LateUploadsCloseAt);
        var lastShown = today < closeDay ? today : closeDay;
        var arrivals = overview.Centres
            .Select(c => c.Counting)
            .Where(s => s is not null && CountingVersion.IsReadable(s) && s.ReceivedAt <= now)
            .CountBy(s => DayOf(s!.ReceivedAt))
            .ToDictionary(day => day.Key < firstDay ? firstDay : day.Key, day => day.Value);
        var days = new List<ProgressDay>();
        var soFar = 0;
        for (var day = firstDay; day <= lastShown; day = day.AddDays(1))
        {
            var arrived = arrivals.GetValueOrDefault(day);
            soFar += arrived;
            days.Add(new ProgressDay(day, arrived, soFar));
        }

        return new CampaignProgress(campaign, days, overview.Centres.Count, firstDay, DayOf(campaign.Deadline), today, hqZone);
    }
}
