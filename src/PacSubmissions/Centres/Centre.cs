namespace PacSubmissions.Centres;

/// <summary>A PAC Centre in the register. <see cref="Id"/> is a short slug (e.g. <c>kz-almaty</c>) used in links and blob names.</summary>
public sealed record Centre(
    string Id,
    string Name,
    string Institution,
    string City,
    string Country,
    string CoordinatorName,
    string CoordinatorEmail,
    string Language,
    bool Active = true);
