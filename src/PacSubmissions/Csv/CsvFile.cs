using System.Text;

namespace PacSubmissions.Csv;

/// <summary>
/// RFC 4180 CSV, as Excel writes and reads it: quoted fields may hold commas, quotes ("") and line breaks. Files are
/// read as UTF-8 (a BOM, UTF-8 or UTF-16, is honoured) and refused if they are not; they are written as UTF-8 with a
/// BOM so that Excel opens them in the right encoding.
/// </summary>
public static class CsvFile
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Opens a CSV for reading; invalid UTF-8 surfaces as <see cref="DecoderFallbackException"/> while reading.</summary>
    public static StreamReader OpenText(Stream stream) => new(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true);

    /// <summary>
    /// Each record with the line it starts on (1-based); blank lines are skipped. The separator is a comma unless given:
    /// Excel where the list separator is <c>;</c> (the Netherlands, France, Germany) reads the same file with <c>;</c>.
    /// </summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> ReadRecords(TextReader reader, char separator = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldStarted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case var _ when ch == separator:
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (fieldStarted || field.Length > 0 || fields.Count > 0)
                    {
                        fields.Add(field.ToString());
                        yield return (recordLine, fields.ToArray());
                    }

                    fields.Clear();
                    field.Clear();
                    fieldStarted = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }

        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields.ToArray());
        }
    }

    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        writer.Write(string.Join(',', fields.Select(Escape)));
        writer.Write("\r\n");
    }

    /// <summary>
    /// Like <see cref="WriteRecord"/>, for files whose fields come from outside (report contents, centre names): every
    /// field is quoted and formula-defused, so no cell runs as a formula whichever separator the spreadsheet reads with.
    /// </summary>
    public static void WriteSafeRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        writer.Write(string.Join(',', fields.Select(field => Quote(DefuseFormula(field)))));
        writer.Write("\r\n");
    }

    /// <summary>
    /// A cell starting with = + - @ tab or carriage return is a formula to Excel and its kin (CSV injection); a leading
    /// apostrophe makes it text, which the spreadsheet shows without the apostrophe. A spreadsheet whose separator is
    /// <c>;</c> or tab, or that loses track of the quotes, starts a cell after any <c>,</c> <c>;</c> tab or line break
    /// inside a field (past any quotes or spaces there), so each such place is defused too.
    /// </summary>
    public static string DefuseFormula(string? value)
    {
        value ??= "";
        var defused = new StringBuilder(value.Length + 4);
        var cellStart = true;
        foreach (var ch in value)
        {
            if (cellStart && IsFormulaStart(ch))
            {
                defused.Append('\'');
            }

            defused.Append(ch);
            cellStart = IsCellBreak(ch) || (cellStart && ch is '"' or ' ');
        }

        return defused.ToString();
    }

    private static bool IsFormulaStart(char ch) => ch is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static bool IsCellBreak(char ch) => ch is ',' or ';' or '\t' or '\r' or '\n';

    private static string Quote(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public static string Escape(string? value)
    {
        value ??= "";
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? Quote(value) : value;
    }
}
