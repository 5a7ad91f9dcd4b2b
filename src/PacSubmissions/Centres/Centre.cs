namespace PacSubmissions.Centres;

/// <summary>
/// A PAC Centre in the register. <see cref="Id"/> is a short slug (e.g. <c>kz-almaty</c>) used in links and blob names;
/// <see cref="Language"/> is the language of the coordinator's e-mails and page (en, fr, es, ru, de, ar, zh, …);
/// <see cref="CountriesServed"/> lists the countries the centre serves, separated by semicolons; <see cref="TimeZone"/> is
/// the IANA zone the coordinator lives by (Asia/Almaty), in which their page and e-mails show times, or empty when the
/// register does not know it (see <see cref="CentreZones"/>).
/// </summary>
public sealed record Centre(
    string Id,
    string Name,
    string Institution,
    string City,
    string Country,
    string CoordinatorName,
    string CoordinatorEmail,
    string Language,
    bool Active = true,
    string CountriesServed = "",
    string TimeZone = "")
{
    /// <summary>Whether HQ must set the centre's zone by hand: the register has none, and its city and country leave it open.</summary>
    public bool NeedsTimeZone => TimeZone.Length == 0;
}
