using System.Globalization;
using PacSubmissions.Campaigns;

namespace PacSubmissions.Languages;

/// <summary>
/// The one place an instant becomes words for a coordinator, on the page and in every e-mail: the language's date
/// phrase, the zone named plainly ("Anywhere on Earth, UTC−12"; otherwise the IANA city and its UTC offset then), and
/// beside a deadline the coordinator's own time, from the register's zone for the centre.
/// </summary>
public static class ShowTime
{
    /// <summary>The zone as a coordinator reads it at <paramref name="instant"/>: AoE by name, a city with its offset, or the offset alone.</summary>
    public static string ZoneName(Texts texts, string timeZone, DateTimeOffset instant)
    {
        if (timeZone is "UTC" or "Etc/UTC")
        {
            return "UTC";
        }

        var offset = CampaignClock.Offset(instant, timeZone);
        var place = timeZone == Campaign.AnywhereOnEarth ? texts.AnywhereOnEarth : CampaignClock.City(timeZone);
        return place is null ? offset : string.Format(CultureInfo.InvariantCulture, texts.ZoneNamePattern, place, offset);
    }

    /// <summary>An instant in a zone as the language's date phrase, with the time and the zone named unless <paramref name="dateOnly"/>.</summary>
    public static string At(Texts texts, DateTimeOffset instant, string timeZone, bool dateOnly = false) =>
        texts.Date(CampaignClock.InZone(instant, timeZone), ZoneName(texts, timeZone, instant), dateOnly);

    /// <summary>
    /// A deadline: in the campaign's zone (what it means), and in the coordinator's own zone beside it when the register
    /// knows that zone and its clocks read otherwise then. A date alone (a subject line) stays in the campaign's zone.
    /// </summary>
    public static string Deadline(Texts texts, DateTimeOffset deadline, string campaignZone, string? readerZone, bool dateOnly = false)
    {
        var campaign = At(texts, deadline, campaignZone, dateOnly);
        if (dateOnly || !Differs(deadline, campaignZone, readerZone))
        {
            return campaign;
        }

        var own = CampaignClock.InZone(deadline, readerZone!);
        return string.Format(CultureInfo.InvariantCulture, texts.YourTimePattern, campaign, texts.Date(own, "", dateOnly: true),
            own.ToString("HH:mm", CultureInfo.InvariantCulture), ZoneName(texts, readerZone!, deadline));
    }

    /// <summary>An instant the coordinator lived (an upload's arrival): in their own zone when the register knows it, else in <paramref name="fallbackZone"/>.</summary>
    public static string Moment(Texts texts, DateTimeOffset instant, string? readerZone, string fallbackZone) =>
        At(texts, instant, string.IsNullOrEmpty(readerZone) ? fallbackZone : readerZone);

    private static bool Differs(DateTimeOffset instant, string campaignZone, string? readerZone) =>
        !string.IsNullOrEmpty(readerZone) && readerZone != campaignZone
        && CampaignClock.Zone(readerZone).GetUtcOffset(instant) != CampaignClock.Zone(campaignZone).GetUtcOffset(instant);
}
