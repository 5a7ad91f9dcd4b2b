using System.Text;
using System.Text.RegularExpressions;
using PacSubmissions.Csv;

namespace PacSubmissions.Centres;

/// <summary>
/// A line of a centre CSV that cannot be imported, and why. Line 0 is about the file as a whole; <see cref="Column"/>
/// names the field at fault, when one is.
/// </summary>
public sealed record CentreCsvError(int Line, string? CentreId, string Message, string? Column = null);

/// <summary>What is wrong with one field of a centre (a column of the register), in words HQ can act on.</summary>
public sealed record CentreProblem(string Column, string Message);

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
/// Files are read as Excel writes them: separated by <c>,</c>, <c>;</c> (Excel where the list separator is <c>;</c>:
/// the Netherlands, France, Germany) or tab ("Unicode Text"), in UTF-8 or UTF-16 with their mark, UTF-8 without, or
/// Windows-1252 (Excel's plain "CSV" in Western Europe); the separator is the one that makes the first line a header.
/// </summary>
public static partial class CentreCsv
{
    public const int MaxRows = 5000;

    /// <summary>The largest file read: a register of <see cref="MaxRows"/> centres is well under it.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Columns =
        ["id", "name", "institution", "city", "country", "countries_served", "coordinator_name", "coordinator_email", "language", "active", "time_zone"];

    /// <summary>The header a register's file begins with, for messages that say what was expected.</summary>
    public static string Header => string.Join(',', Columns);

    private static readonly string[] RequiredColumns = ["id", "name", "coordinator_email"];

    private static readonly char[] Separators = [',', ';', '\t'];

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CentreCsvImport Read(Stream stream)
    {
        var (text, unreadable) = ReadText(stream);
        if (unreadable is not null)
        {
            return Fail(unreadable);
        }

        var separator = DetectSeparator(text!);
        if (separator is null)
        {
            return Fail(NotARegister(text!));
        }

        var records = CsvFile.ReadRecords(new StringReader(text!), separator.Value).Take(MaxRows + 2).ToList();
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

            var row = header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            var (centre, problems) = Parse(row);
            var id = Value(row, "id");
            if (centre is not null && seen.TryGetValue(centre.Id, out var firstLine))
            {
                problems = [.. problems, new CentreProblem("id", $"The id '{centre.Id}' is already used on line {firstLine}.")];
            }

            if (problems.Count > 0)
            {
                errors.AddRange(problems.Select(p => new CentreCsvError(line, id, p.Message, p.Column)));
                continue;
            }

            seen[centre!.Id] = line;
            centres.Add(centre);
        }

        return new CentreCsvImport(errors.Count == 0 ? centres : [], errors);
    }

    /// <summary>
    /// One centre from its fields' text, keyed by column (missing ones empty), by the rules a file's row is read by:
    /// the dashboard's form comes through here, so a centre typed in is checked exactly as one imported.
    /// </summary>
    public static (Centre? Centre, IReadOnlyList<CentreProblem> Problems) Parse(IReadOnlyDictionary<string, string> fields)
    {
        var row = fields.ToDictionary(f => f.Key, f => (f.Value ?? "").Trim(), StringComparer.Ordinal);
        var problems = new List<CentreProblem>();
        var language = Value(row, "language");
        language = language.Length == 0 ? "en" : language.ToLowerInvariant();
        bool? active = Value(row, "active").ToLowerInvariant() switch
        {
            "" or "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => null,
        };
        if (active is null)
        {
            problems.Add(new("active", $"Active must be true or false, not '{Value(row, "active")}'."));
        }

        var (city, country) = (Value(row, "city"), Value(row, "country"));
        var zone = Value(row, "time_zone");
        var timeZone = zone.Length == 0 ? CentreZones.Guess(city, country) ?? "" : CentreZones.Canonical(zone);
        if (timeZone is null)
        {
            problems.Add(new("time_zone", ZoneProblem(zone)));
        }

        var centre = new Centre(Value(row, "id"), Value(row, "name"), Value(row, "institution"), city, country,
            Value(row, "coordinator_name"), Value(row, "coordinator_email"), language, active ?? true, Value(row, "countries_served"), timeZone ?? "");
        problems.InsertRange(0, Problems(centre));
        return problems.Count > 0 ? (null, problems) : (centre, problems);
    }

    /// <summary>
    /// What the register's rules find wrong with a centre, field by field: the one check every way into the register
    /// passes (a file's row, the dashboard's form, and <c>LinkOperations.SaveCentresAsync</c> before it writes).
    /// </summary>
    public static IReadOnlyList<CentreProblem> Problems(Centre centre)
    {
        var problems = new List<CentreProblem>();
        if (!CentreId.IsValid(centre.Id))
        {
            problems.Add(new("id", centre.Id.Length == 0 ? "The id is empty." : $"The id '{centre.Id}' is not valid: {CentreId.Rule}."));
        }

        if (centre.Name.Trim().Length == 0)
        {
            problems.Add(new("name", "The name is empty."));
        }

        if (centre.CoordinatorEmail.Length > 0 && !Reports.ContactFacts.IsAddress(centre.CoordinatorEmail))
        {
            problems.Add(new("coordinator_email", $"The coordinator e-mail '{centre.CoordinatorEmail}' is not an e-mail address."));
        }

        if (!LanguagePattern().IsMatch(centre.Language))
        {
            problems.Add(new("language", $"The language '{centre.Language}' is not a language code (e.g. en, fr, es, ru, de, ar, zh)."));
        }

        if (centre.TimeZone.Length > 0 && CentreZones.Canonical(centre.TimeZone) != centre.TimeZone)
        {
            problems.Add(new("time_zone", ZoneProblem(centre.TimeZone)));
        }

        return problems;
    }

    /// <summary>A centre's fields as the register's file writes them, in <see cref="Columns"/>' order.</summary>
    public static IReadOnlyList<string> Values(Centre c) =>
        [c.Id, c.Name, c.Institution, c.City, c.Country, c.CountriesServed, c.CoordinatorName, c.CoordinatorEmail, c.Language, c.Active ? "true" : "false", c.TimeZone];

    public static void Write(TextWriter writer, IEnumerable<Centre> centres)
    {
        CsvFile.WriteRecord(writer, Columns);
        foreach (var c in centres.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            CsvFile.WriteRecord(writer, Values(c));
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

    /// <summary>
    /// The file's text, decoded as the program that wrote it meant: by its byte-order mark (UTF-8, UTF-16), else as UTF-8
    /// when it is valid UTF-8, else as Windows-1252; or why it is no text file at all.
    /// </summary>
    private static (string? Text, string? Problem) ReadText(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return (null, $"The file is larger than {MaxBytes / (1024 * 1024)} MB; a register of {MaxRows} centres is smaller: is it the right file?");
            }
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return (null, "This is a spreadsheet workbook, not a CSV file. In Excel choose File > Save As > \"CSV UTF-8 (Comma delimited)\" (or plain \"CSV\"), and import that file.");
        }

        string text;
        try
        {
            text = bytes switch
            {
                [0xEF, 0xBB, 0xBF, ..] => StrictUtf8.GetString(bytes[3..]),
                [0xFF, 0xFE, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]),
                [0xFE, 0xFF, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]),
                _ => Utf8OrWindows1252(bytes),
            };
        }
        catch (DecoderFallbackException)
        {
            return (null, "The file is not readable text: its mark says UTF-8 or UTF-16, but its bytes are not. In Excel, save it as \"CSV UTF-8 (Comma delimited)\" and import it again.");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return (null, $"The file is not a text file (it holds NUL characters). The register is a CSV file whose first line is the header {Header}.");
        }

        return text.Trim().Length == 0
            ? (null, $"The file is empty: it needs a header line ({Header}) and one line per centre.")
            : (text, null);
    }

    /// <summary>UTF-8 where the bytes are UTF-8 (Excel's "CSV UTF-8" without its mark), else Excel's plain "CSV" of Western Europe.</summary>
    private static string Utf8OrWindows1252(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
        }
    }

    /// <summary>
    /// The separator that makes the first line a register's header: one under which it has the <c>id</c> column, and of
    /// those the one under which most of its fields are the register's columns (a comma on a tie); null when none gives
    /// an <c>id</c> column, the one column every register has.
    /// </summary>
    private static char? DetectSeparator(string text)
    {
        var candidates = Separators
            .Select(separator => (Separator: separator, Header: CsvFile.ReadRecords(new StringReader(text), separator).First().Fields
                .Select(field => field.Trim().ToLowerInvariant()).ToList()))
            .Where(candidate => candidate.Header.Contains("id"))
            .ToList();
        return candidates.Count == 0 ? null : candidates.MaxBy(candidate => candidate.Header.Count(Columns.Contains)).Separator;
    }

    private static string NotARegister(string text)
    {
        var firstLine = text.TrimStart().Split('\n', 2)[0].TrimEnd('\r');
        var shown = firstLine.Length > 80 ? firstLine[..80] + "…" : firstLine;
        return $"This file is not a centre register: its first line must be the header naming the columns, {Header} " +
            $"(in any order, separated by commas, semicolons or tabs; id, name and coordinator_email are required), but it is \"{shown}\".";
    }

    private static string ZoneProblem(string zone) =>
        $"The time zone '{zone}' is not an IANA time zone: write it as the tz database does (e.g. Asia/Almaty, Europe/Paris, America/Sao_Paulo), or leave it empty.";

    private static string Value(Dictionary<string, string> row, string column) => row.GetValueOrDefault(column) ?? "";

    private static CentreCsvImport Fail(string message) => new([], [new CentreCsvError(0, null, message)]);

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})?$")]
    private static partial Regex LanguagePattern();
}
