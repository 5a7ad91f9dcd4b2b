using System.Globalization;

namespace PacSubmissions.Campaigns;

/// <summary>
/// What HQ types to open or change a campaign (by <c>pac campaign open</c> or on the dashboard), turned into a
/// <see cref="Campaign"/> by one set of rules. Dates are in the campaign's zone: a date alone means its start (opening)
/// or its end (deadline, late uploads).
/// </summary>
public sealed record CampaignSettings(
    int Year,
    string? TimeZone = null,
    string? Deadline = null,
    string? Opens = null,
    string? LateUntil = null,
    int? GraceMinutes = null)
{
    /// <summary>The campaign these settings describe, or a message saying what is wrong with them.</summary>
    public (Campaign? Campaign, string? Error) ToCampaign(DateTimeOffset now)
    {
        var zone = string.IsNullOrWhiteSpace(TimeZone) ? Campaign.AnywhereOnEarth : TimeZone.Trim();
        if (Year is < 2000 or > 2999)
        {
            return (null, $"The year {Year} is not a campaign year (2000-2999).");
        }

        Campaign campaign;
        try
        {
            campaign = Campaign.WithDefaults(Year, now, zone);
            if (Present(Deadline) is { } d)
            {
                var at = Instant(d, zone, endOfDay: true);
                campaign = campaign with { Deadline = at, LateUploadsCloseAt = at + Campaign.DefaultLateWindow };
            }

            campaign = campaign with
            {
                OpensAt = Present(Opens) is { } o ? Instant(o, zone, endOfDay: false) : campaign.OpensAt,
                LateUploadsCloseAt = Present(LateUntil) is { } l ? Instant(l, zone, endOfDay: true) : campaign.LateUploadsCloseAt,
                Grace = GraceMinutes is { } g ? TimeSpan.FromMinutes(g) : campaign.Grace,
            };
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return (null, exception.Message);
        }

        return Problem(campaign) is { } problem ? (null, problem) : (campaign, null);
    }

    public static string? Problem(Campaign campaign) =>
        campaign.Deadline <= campaign.OpensAt ? "The deadline must come after the opening."
        : campaign.LateUploadsCloseAt < campaign.Deadline ? "Late uploads must close after the deadline."
        : campaign.Grace < TimeSpan.Zero ? "The grace period cannot be negative."
        : null;

    /// <summary>A date (2027-07-15: its start, or its end with <paramref name="endOfDay"/>) or a date and time, in the zone, as UTC.</summary>
    public static DateTimeOffset Instant(string text, string zone, bool endOfDay)
    {
        text = text.Trim();
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return CampaignClock.ToUtc(endOfDay ? date.AddDays(1).AddSeconds(-1) : date, zone);
        }

        if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            return CampaignClock.ToUtc(dateTime, zone);
        }

        throw new FormatException($"'{text}' is not a date (2027-07-15) or a date and time (2027-07-15T23:59).");
    }

    /// <summary>An instant as HQ reads it: in the campaign's zone, with UTC alongside.</summary>
    public static string Show(DateTimeOffset instant, string zone) =>
        $"{CampaignClock.InZone(instant, zone):yyyy-MM-dd HH:mm:ss} ({instant.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)";

    private static string? Present(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
