using PacSubmissions.Storage;

namespace PacSubmissions.Centres;

/// <summary>A centre as the centres table keeps it. Columns a row written before they existed lacks read as null.</summary>
internal sealed record CentreRow : TableRow
{
    public string? Name { get; set; }

    public string? Institution { get; set; }

    public string? City { get; set; }

    public string? Country { get; set; }

    public string? CoordinatorName { get; set; }

    public string? CoordinatorEmail { get; set; }

    public string? Language { get; set; }

    public bool? Active { get; set; }

    public string? CountriesServed { get; set; }

    /// <summary>The centre's IANA zone; empty when unknown. Rows written before the column existed get the register's guess.</summary>
    public string? TimeZone { get; set; }

    public static CentreRow From(Centre centre, string partition) => new()
    {
        PartitionKey = partition,
        RowKey = centre.Id,
        Name = centre.Name,
        Institution = centre.Institution,
        City = centre.City,
        Country = centre.Country,
        CoordinatorName = centre.CoordinatorName,
        CoordinatorEmail = centre.CoordinatorEmail,
        Language = centre.Language,
        Active = centre.Active,
        CountriesServed = centre.CountriesServed,
        TimeZone = centre.TimeZone,
    };

    public Centre ToCentre() => new(
        RowKey, Name ?? RowKey, Institution ?? "", City ?? "", Country ?? "", CoordinatorName ?? "", CoordinatorEmail ?? "",
        Language ?? "en", Active ?? true, CountriesServed ?? "", TimeZone ?? CentreZones.Guess(City, Country) ?? "");
}
