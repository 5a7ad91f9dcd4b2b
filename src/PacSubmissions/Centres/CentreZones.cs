using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace PacSubmissions.Centres;

/// <summary>
/// The IANA time zones of each country (infra/reference/time-zones.tsv, made from tzdata's zone.tab and embedded), by
/// which the register checks a centre's <c>time_zone</c> and fills an empty one from its country and city. The table is
/// the repository's, not the host's: Azure's Linux and Windows workers ship different zone databases.
/// </summary>
public static class CentreZones
{
    private sealed record Country(string Code, IReadOnlyList<string> Zones);

    private static readonly (FrozenDictionary<string, Country> ByName, FrozenDictionary<string, string> Zones) Table = Load();

    /// <summary>The zone as IANA spells it (<c>asia/almaty</c> → <c>Asia/Almaty</c>), or null when it is no IANA zone.</summary>
    public static string? Canonical(string? zone)
    {
        var trimmed = (zone ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var named = Table.Zones.GetValueOrDefault(trimmed) ?? Fixed(trimmed);
        // A zone this machine cannot convert would fail every page and e-mail that shows it: refused here instead.
        return named is not null && TimeZoneInfo.TryFindSystemTimeZoneById(named, out _) ? named : null;
    }

    /// <summary>
    /// The zone a centre in <paramref name="city"/>, <paramref name="country"/> (a name or ISO code) is in, when that
    /// is unambiguous: the country's only zone, or the one of its zones the city names. Null otherwise.
    /// </summary>
    public static string? Guess(string? city, string? country)
    {
        if (!Table.ByName.TryGetValue(Key(country), out var found))
        {
            return null;
        }

        if (found.Zones.Count == 1)
        {
            return found.Zones[0];
        }

        var place = Key(city);
        return place.Length == 0 ? null : found.Zones.FirstOrDefault(z => Key(z[(z.LastIndexOf('/') + 1)..]) == place);
    }

    /// <summary>The fixed-offset names (UTC, Etc/GMT+12 for Anywhere on Earth, …), which zone.tab does not list.</summary>
    private static string? Fixed(string zone)
    {
        if (zone.Equals("UTC", StringComparison.OrdinalIgnoreCase) || zone.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase))
        {
            return zone.Length == 3 ? "UTC" : "Etc/UTC";
        }

        const string Prefix = "Etc/GMT";
        if (!zone.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || zone.Length < Prefix.Length + 2
            || !int.TryParse(zone[Prefix.Length..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hours)
            || zone[Prefix.Length] is not ('+' or '-'))
        {
            return null;
        }

        return hours is >= -14 and <= 12 && hours != 0 ? Prefix + zone[Prefix.Length..] : null;
    }

    /// <summary>A name as compared: case, accents, underscores, hyphens and spacing aside (Côte d'Ivoire = cote d'ivoire).</summary>
    private static string Key(string? name)
    {
        var decomposed = (name ?? "").Trim().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c is '_' or '-' ? ' ' : char.ToLowerInvariant(c);
            if (folded != ' ' || (key.Length > 0 && key[^1] != ' '))
            {
                key.Append(folded);
            }
        }

        return key.ToString().TrimEnd();
    }

    private static (FrozenDictionary<string, Country>, FrozenDictionary<string, string>) Load()
    {
        using var stream = typeof(CentreZones).Assembly.GetManifestResourceStream("PacSubmissions.Centres.time-zones.tsv")
            ?? throw new InvalidOperationException("The embedded time-zones.tsv is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var byName = new Dictionary<string, Country>(StringComparer.Ordinal);
        var zones = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var fields = line.Split('\t');
            var country = new Country(fields[0], fields[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            foreach (var name in new[] { fields[0], fields[1] }.Concat(fields[2].Split(';', StringSplitOptions.RemoveEmptyEntries)))
            {
                byName[Key(name)] = country;
            }

            foreach (var zone in country.Zones)
            {
                zones[zone] = zone;
            }
        }

        return (byName.ToFrozenDictionary(StringComparer.Ordinal), zones.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }
}
