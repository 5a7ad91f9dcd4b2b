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

    /// <summary>Each record with the line it starts on (1-based); blank lines are skipped.</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> ReadRecords(TextReader reader)
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
                case ',':
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
    /// Like <see cref="WriteRecord"/>, for files whose fields come from outside (report contents, centre names): a field
    /// that a spreadsheet would run as a formula is written as text.
    /// </summary>
    public static void WriteSafeRecord(TextWriter writer, IEnumerable<string?> fields) => WriteRecord(writer, fields.Select(DefuseFormula));

    /// <summary>
    /// A field starting with = + - @ tab or carriage return is a formula to Excel and its kin (CSV injection); a leading
    /// apostrophe makes it text, which the spreadsheet shows without the apostrophe.
    /// </summary>
    public static string DefuseFormula(string? value)
    {
        value ??= "";
        return value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    public static string Escape(string? value)
    {
        value ??= "";
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
