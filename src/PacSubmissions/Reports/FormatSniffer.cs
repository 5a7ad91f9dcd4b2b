using System.Buffers.Binary;
using System.Text;

namespace PacSubmissions.Reports;

/// <summary>
/// Decides what a file is from its first bytes, never from its name: the one rule the upload (which refuses anything
/// else with 415) and the reader (which then opens the file) both follow, so nothing accepted at upload is refused by
/// the reader's sniff, and nothing the reader would read is refused at upload.
/// </summary>
internal static class FormatSniffer
{
    /// <summary>PDF readers accept a header anywhere in the first kilobyte (a short preamble some tools write); so do we.</summary>
    public const int HeadLength = 1024;

    /// <summary>The OpenDocument text and its template: what ODT's <c>mimetype</c> part may say (<see cref="ZipInspector"/> reads both).</summary>
    public const string OdtMimeType = "application/vnd.oasis.opendocument.text";
    public const string OdtTemplateMimeType = "application/vnd.oasis.opendocument.text-template";

    private const int ZipLocalHeaderLength = 30;

    private static ReadOnlySpan<byte> Zip => "PK\u0003\u0004"u8;
    private static ReadOnlySpan<byte> EmptyZip => "PK\u0005\u0006"u8;
    private static ReadOnlySpan<byte> CompoundFile => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;

    /// <summary>The container the file's first bytes show: <see cref="ReportFormats.Pdf"/>, <c>Zip</c>, <c>Ole</c>, <c>Empty</c> or <c>Unknown</c>.</summary>
    public static string Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return ReportFormats.Empty;
        }

        if (head.StartsWith(Zip) || head.StartsWith(EmptyZip))
        {
            return ReportFormats.Zip;
        }

        if (head.StartsWith(CompoundFile))
        {
            return ReportFormats.Ole;
        }

        return head[..Math.Min(head.Length, HeadLength)].IndexOf(Pdf) >= 0 ? ReportFormats.Pdf : ReportFormats.Unknown;
    }

    /// <summary>The container of a seekable stream's content (<see cref="Sniff(ReadOnlySpan{byte})"/>), leaving it at its start.</summary>
    public static string Sniff(Stream stream)
    {
        var head = new byte[HeadLength];
        stream.Position = 0;
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return Sniff(head.AsSpan(0, length));
    }

    /// <summary>
    /// Whether the first bytes are those of a report the reader takes: <see cref="ReportFormats.Pdf"/>,
    /// <see cref="ReportFormats.Docx"/> (a zip whose first entry is an Office package part and that holds a <c>word/</c>
    /// part) or <see cref="ReportFormats.Odt"/> (a zip whose first entry is the <c>mimetype</c> file naming an
    /// OpenDocument text or its template); null for anything else, or a head too short to tell.
    /// </summary>
    public static string? Report(ReadOnlySpan<byte> head) => Sniff(head) switch
    {
        ReportFormats.Pdf => ReportFormats.Pdf,
        ReportFormats.Zip => Package(head),
        _ => null,
    };

    private static string? Package(ReadOnlySpan<byte> head)
    {
        if (!head.StartsWith(Zip) || head.Length < ZipLocalHeaderLength)
        {
            return null;
        }

        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head[26..28]);
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(head[28..30]);
        if (head.Length < ZipLocalHeaderLength + nameLength + extraLength)
        {
            return null;
        }

        var firstEntry = Encoding.ASCII.GetString(head.Slice(ZipLocalHeaderLength, nameLength));
        if (firstEntry == "mimetype")
        {
            // ODF stores the mimetype part first and uncompressed, so its text is right there.
            var content = head[(ZipLocalHeaderLength + nameLength + extraLength)..];
            return IsOdtMimeType(content, OdtMimeType) || IsOdtMimeType(content, OdtTemplateMimeType) ? ReportFormats.Odt : null;
        }

        var isOfficePackage = firstEntry is "[Content_Types].xml" or "_rels/.rels"
            || firstEntry.StartsWith("docProps/", StringComparison.Ordinal) || firstEntry.StartsWith("word/", StringComparison.Ordinal);
        // A damaged DOCX is still a DOCX: the reader says what is wrong with it, in words the coordinator can act on.
        return isOfficePackage && head.IndexOf("word/"u8) >= 0 ? ReportFormats.Docx : null;
    }

    /// <summary>The part says exactly this type: not a longer one that starts with it (<c>…text-master</c>, <c>…text-web</c>).</summary>
    private static bool IsOdtMimeType(ReadOnlySpan<byte> content, string mimeType) =>
        content.StartsWith(Encoding.ASCII.GetBytes(mimeType))
        && (content.Length == mimeType.Length || content[mimeType.Length] is not ((byte)'-' or (byte)'.' or (>= (byte)'a' and <= (byte)'z')));
}
