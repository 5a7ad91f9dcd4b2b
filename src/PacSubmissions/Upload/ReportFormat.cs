using System.Buffers.Binary;
using System.Text;

namespace PacSubmissions.Upload;

/// <summary>
/// Tells the accepted report formats apart by their content, never by the file name: PDF by its header, DOCX as a zip
/// whose first entry is an Office package part and that holds a <c>word/</c> part, ODT as a zip whose first entry is the
/// <c>mimetype</c> file naming an OpenDocument text.
/// </summary>
public static class ReportFormat
{
    public const string Docx = "docx";
    public const string Pdf = "pdf";
    public const string Odt = "odt";

    public const string AcceptedList = "DOCX (Word), PDF, ODT (OpenDocument text)";

    /// <summary>The file picker's hint; the server decides by content.</summary>
    public const string PickerAccept = ".docx,.pdf,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text";

    private const int ZipLocalHeaderLength = 30;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> ZipMagic => "PK\u0003\u0004"u8;

    private static ReadOnlySpan<byte> OdtMimeType => "application/vnd.oasis.opendocument.text"u8;

    /// <summary>The format of a file from its first bytes (the whole file when short), or null when it is none of them.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (!head.StartsWith(ZipMagic) || head.Length < ZipLocalHeaderLength)
        {
            return null;
        }

        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head[26..28]);
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(head[28..30]);
        if (head.Length < ZipLocalHeaderLength + nameLength)
        {
            return null;
        }

        var firstEntry = Encoding.ASCII.GetString(head.Slice(ZipLocalHeaderLength, nameLength));
        if (firstEntry == "mimetype")
        {
            var content = head[(ZipLocalHeaderLength + nameLength + extraLength)..];
            return content.StartsWith(OdtMimeType) && (content.Length == OdtMimeType.Length || content[OdtMimeType.Length] is not (byte)'-')
                ? Odt
                : null;
        }

        var isOfficePackage = firstEntry is "[Content_Types].xml" or "_rels/.rels"
            || firstEntry.StartsWith("docProps/", StringComparison.Ordinal) || firstEntry.StartsWith("word/", StringComparison.Ordinal);
        // A damaged DOCX is still a DOCX: the reader says what is wrong with it, in words the coordinator can act on.
        return isOfficePackage && head.IndexOf("word/"u8) >= 0 ? Docx : null;
    }
}
