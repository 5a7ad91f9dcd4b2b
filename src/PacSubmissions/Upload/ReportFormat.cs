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
}
