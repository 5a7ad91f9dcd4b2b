using System.Globalization;

namespace PacSubmissions.Campaigns;

/// <summary>Turns a wall-clock time in a named (IANA) zone into UTC and back, the same on every machine.</summary>
public static class CampaignClock
{
    public static TimeZoneInfo Zone(string timeZone)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ArgumentException($"'{timeZone}' is not a known IANA time zone (e.g. Europe/Paris, Etc/GMT+12).", nameof(timeZone));
        }
    }

    public static DateTimeOffset ToUtc(DateTime wallClock, string timeZone)
    {
        var zone = Zone(timeZone);
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        // A wall-clock time skipped by a daylight-saving change does not exist; the first instant after the gap is meant.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    public static DateTimeOffset InZone(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, Zone(timeZone));

    /// <summary>
    /// The zone as people read it: <c>Etc/GMT+12</c> (Anywhere on Earth) is shown as <c>UTC-12</c>, because the IANA
    /// <c>Etc</c> names have the sign reversed and confuse everyone; other zones keep their IANA name (Europe/Paris).
    /// </summary>
    public static string Label(string timeZone)
    {
        if (!timeZone.StartsWith("Etc/GMT", StringComparison.Ordinal) || timeZone.Length == "Etc/GMT".Length)
        {
            return timeZone;
        }

        var offset = timeZone["Etc/GMT".Length..];
        return offset[0] switch
        {
            '+' => "UTC-" + offset[1..],
            '-' => "UTC+" + offset[1..],
            _ => timeZone,
        };
    }

    /// <summary>The zone's offset from UTC at <paramref name="instant"/>, as people write it: <c>UTC+5</c>, <c>UTC+5:30</c>, <c>UTC−12</c> (a true minus sign).</summary>
    public static string Offset(DateTimeOffset instant, string timeZone)
    {
        var offset = Zone(timeZone).GetUtcOffset(instant);
        var sign = offset < TimeSpan.Zero ? "\u2212" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}")
            : string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}:{abs.Minutes:00}");
    }

    /// <summary>The place a zone is named after (<c>America/Argentina/Buenos_Aires</c> → <c>Buenos Aires</c>); null for the fixed-offset zones (UTC, Etc/GMT+12).</summary>
    public static string? City(string timeZone) =>
        timeZone.StartsWith("Etc/", StringComparison.Ordinal) || !timeZone.Contains('/', StringComparison.Ordinal)
            ? null
            : timeZone[(timeZone.LastIndexOf('/') + 1)..].Replace('_', ' ');

    /// <summary>An instant as HQ reads it in a zone: <c>2027-07-16 13:59 (Europe/Amsterdam, UTC+2)</c>.</summary>
    public static string ShowIn(DateTimeOffset instant, string timeZone) =>
        string.Create(CultureInfo.InvariantCulture, $"{InZone(instant, timeZone):yyyy-MM-dd HH:mm} ({timeZone}, {Offset(instant, timeZone)})");
}
