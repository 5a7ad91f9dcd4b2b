using System.Text;
using System.Text.RegularExpressions;
using PacSubmissions.Csv;

namespace PacSubmissions.Centres;

/// <summary>A line of a centre CSV that cannot be imported, and why. Line 0 is about the file as a whole.</summary>
public sealed record CentreCsvError(int Line, string? CentreId, string Message);

/// <summary>The centres a CSV holds, or the reasons it cannot be imported; a file with any error is imported not at all.</summary>
public sealed record CentreCsvImport(IReadOnlyList<Centre> Centres, IReadOnlyList<CentreCsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The centre register as CSV, one centre a row, with this header (the order is free; <c>id</c>, <c>name</c> and
/// <c>coordinator_email</c> are required columns, the others optional):
/// <c>id,name,institution,city,country,countries_served,coordinator_name,coordinator_email,language,active,time_zone</c>.
/// An empty <c>time_zone</c> is filled from the city and country where they leave no doubt (<see cref="CentreZones.Guess"/>).
/// </summary>
public static partial class CentreCsv
{
    public const int MaxRows = 5000;

    public static readonly IReadOnlyList<string> Columns =
        ["id", "name", "institution", "city", "country", "countries_served", "coordinator_name", "coordinator_email", "language", "active", "time_zone"];

    private static readonly string[] RequiredColumns = ["id", "name", "coordinator_email"];

    public static CentreCsvImport Read(Stream stream)
    {
        using var reader = CsvFile.OpenText(stream);
        List<(int Line, IReadOnlyList<string> Fields)> records;
        try
        {
            records = [.. CsvFile.ReadRecords(reader).Take(MaxRows + 2)];
        }
        catch (DecoderFallbackException)
        {
            return Fail("The file is not UTF-8 text. In Excel, save it as \"CSV UTF-8 (Comma delimited)\" and import it again.");
        }

        if (records.Count == 0)
        {
            return Fail("The file is empty: it needs a header line (" + string.Join(',', Columns) + ") and one line per centre.");
        }

        if (records.Count > MaxRows + 1)
        {
            return Fail($"The file has more than {MaxRows} centres; is it the right file?");
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var headerErrors = HeaderErrors(header);
        if (headerErrors.Count > 0)
        {
            return new CentreCsvImport([], headerErrors);
        }

        var centres = new List<Centre>();
        var errors = new List<CentreCsvError>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count != header.Count)
            {
                errors.Add(new CentreCsvError(line, null, $"Has {fields.Count} fields where the header has {header.Count}."));
                continue;
            }

            var row = header.Zip(fields).ToDictionary(p => p.First, p => p.Second.Trim(), StringComparer.Ordinal);
            var (centre, problems) = ParseRow(row);
            if (centre is not null && seen.TryGetValue(centre.Id, out var firstLine))
            {
                problems.Add($"The id '{centre.Id}' is already used on line {firstLine}.");
            }

            if (problems.Count > 0)
            {
                errors.AddRange(problems.Select(p => new CentreCsvError(line, Value(row, "id"), p)));
                continue;
            }

            seen[centre!.Id] = line;
            centres.Add(centre);
        }

        return new CentreCsvImport(errors.Count == 0 ? centres : [], errors);
    }

    public static void Write(TextWriter writer, IEnumerable<Centre> centres)
    {
        CsvFile.WriteRecord(writer, Columns);
        foreach (var c in centres.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            CsvFile.WriteRecord(writer, [c.Id, c.Name, c.Institution, c.City, c.Country, c.CountriesServed,
                c.CoordinatorName, c.CoordinatorEmail, c.Language, c.Active ? "true" : "false", c.TimeZone]);
        }
    }

    private static List<CentreCsvError> HeaderErrors(List<string> header)
    {
        var errors = new List<CentreCsvError>();
        foreach (var unknown in header.Where(h => !Columns.Contains(h)))
        {
            errors.Add(new CentreCsvError(1, null, $"Unknown column '{unknown}'. The columns are: {string.Join(", ", Columns)}."));
        }

        foreach (var repeated in header.GroupBy(h => h).Where(g => g.Count() > 1))
        {
            errors.Add(new CentreCsvError(1, null, $"The column '{repeated.Key}' appears more than once."));
        }

        foreach (var missing in RequiredColumns.Where(r => !header.Contains(r)))
        {
            errors.Add(new CentreCsvError(1, null, $"The required column '{missing}' is missing."));
        }

        return errors;
    }

    private static (Centre? Centre, List<string> Problems) ParseRow(Dictionary<string, string> row)
    {
        var problems = new List<string>();
        var id = Value(row, "id");
        if (!CentreId.IsValid(id))
        {
            problems.Add(id.Length == 0 ? "The id is empty." : $"The id '{id}' is not valid: {CentreId.Rule}.");
        }

        var name = Value(row, "name");
        if (name.Length == 0)
        {
            problems.Add("The name is empty.");
        }

        var email = Value(row, "coordinator_email");
        if (email.Length > 0 && !Reports.ContactFacts.IsAddress(email))
        {
            problems.Add($"The coordinator e-mail '{email}' is not an e-mail address.");
        }

        var language = Value(row, "language");
        language = language.Length == 0 ? "en" : language.ToLowerInvariant();
        if (!LanguagePattern().IsMatch(language))
        {
            problems.Add($"The language '{language}' is not a language code (e.g. en, fr, es, ru, de, ar, zh).");
        }

        bool? active = Value(row, "active").ToLowerInvariant() switch
        {
            "" or "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => null,
        };
        if (active is null)
        {
            problems.Add($"Active must be true or false, not '{Value(row, "active")}'.");
        }

        var (city, country) = (Value(row, "city"), Value(row, "country"));
        var zone = Value(row, "time_zone");
        var timeZone = zone.Length == 0 ? CentreZones.Guess(city, country) ?? "" : CentreZones.Canonical(zone);
        if (timeZone is null)
        {
            problems.Add($"The time zone '{zone}' is not an IANA time zone: write it as the tz database does (e.g. Asia/Almaty, Europe/Paris, America/Sao_Paulo), or leave it empty.");
        }

        return problems.Count > 0
            ? (null, problems)
            : (new Centre(id, name, Value(row, "institution"), city, country,
                Value(row, "coordinator_name"), email, language, active!.Value, Value(row, "countries_served"), timeZone!), problems);
    }

    private static string Value(Dictionary<string, string> row, string column) => row.GetValueOrDefault(column) ?? "";

    private static CentreCsvImport Fail(string message) => new([], [new CentreCsvError(0, null, message)]);

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})?$")]
    private static partial Regex LanguagePattern();
}
