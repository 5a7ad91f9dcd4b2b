using PacSubmissions.Reports;

namespace PacSubmissions.Upload;

/// <summary>
/// The formats an upload may be, told apart by content, never by the file name, with the reader's own rule
/// (<see cref="FormatSniffer.Report"/>): a file refused here is one the reader would refuse too.
/// </summary>
internal static class ReportFormat
{
    public const string Docx = ReportFormats.Docx;
    public const string Pdf = ReportFormats.Pdf;
    public const string Odt = ReportFormats.Odt;

    public const string AcceptedList = "DOCX (Word), PDF, ODT (OpenDocument text)";

    /// <summary>The file picker's hint; the server decides by content.</summary>
    public const string PickerAccept = ".docx,.pdf,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text";

    /// <summary>The format of a file from its first bytes (the whole file when short), or null when it is none of them.</summary>
    public static string? Detect(ReadOnlySpan<byte> head) => FormatSniffer.Report(head);

    /// <summary>The extensions a file of each format may be named with: the document's, and its template's, which the reader reads alike.</summary>
    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.Ordinal)
    {
        [Docx] = [".docx", ".dotx"],
        [Pdf] = [".pdf"],
        [Odt] = [".odt", ".ott"],
    };

    /// <summary>The extension a file of the format is named with (<c>.pdf</c>), for the coordinator's message.</summary>
    public static string ExtensionOf(string format) => Extensions[format][0];

    /// <summary>
    /// The file name's extension is one of the format's, or it has none (the server names the file anyway):
    /// <c>report.pdf.cmd</c> holding a PDF does not fit, so HQ's computer never gets to treat it as a program.
    /// </summary>
    public static bool NameFits(string fileName, string format) =>
        NameExtension(fileName) is not { } extension || Extensions[format].Contains(extension, StringComparer.OrdinalIgnoreCase);

    /// <summary>The name's extension (<c>.cmd</c>), or null when it has none: "Report v2.0 final" has none, a dot and a word do.</summary>
    public static string? NameExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return extension.Length is > 1 and <= 10 && extension[1..].All(char.IsAsciiLetterOrDigit) ? extension : null;
    }
}
