using System.Text.Json.Serialization;
using PacSubmissions.Campaigns;
using PacSubmissions.Submissions;

namespace PacSubmissions.Overview;

/// <summary>How a centre met one campaign's deadline, by the version that counts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OnTimeOutcome>))]
public enum OnTimeOutcome
{
    [JsonStringEnumMemberName("on-time")] OnTime,
    /// <summary>On time only by the deadline HQ extended for the centre: after the campaign's own.</summary>
    [JsonStringEnumMemberName("extended")] Extended,
    [JsonStringEnumMemberName("late")] Late,
    /// <summary>No readable report, and late uploads have closed.</summary>
    [JsonStringEnumMemberName("missing")] Missing,
    /// <summary>No readable report yet, while the centre can still send one.</summary>
    [JsonStringEnumMemberName("not-yet")] NotYet,
}

/// <summary>One campaign of a centre's on-time record.</summary>
public sealed record OnTimeYear(int Year, OnTimeOutcome Outcome, Submission? Report)
{
    /// <summary>
    /// The outcome of <paramref name="campaign"/> for a centre whose version that counts is <paramref name="counting"/>,
    /// with the deadline HQ extended for it, if any, at <paramref name="now"/>. Only a readable report counts as sent: a
    /// centre whose every upload was unreadable has not reported.
    /// </summary>
    public static OnTimeYear Of(Campaign campaign, Submission? counting, DateTimeOffset? extendedDeadline, DateTimeOffset now)
    {
        var report = counting is not null && CountingVersion.IsReadable(counting) ? counting : null;
        var outcome = report switch
        {
            null => now <= campaign.ForCentre(extendedDeadline).LateUploadsCloseAt ? OnTimeOutcome.NotYet : OnTimeOutcome.Missing,
            { Late: true } => OnTimeOutcome.Late,
            _ when report.ReceivedAt > campaign.OnTimeUntil() => OnTimeOutcome.Extended,
            _ => OnTimeOutcome.OnTime,
        };
        return new OnTimeYear(campaign.Year, outcome, report);
    }
}
