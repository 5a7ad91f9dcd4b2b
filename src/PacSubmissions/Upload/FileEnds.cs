using System.Buffers.Binary;

namespace PacSubmissions.Upload;

/// <summary>
/// Whether an upload's last bytes close the structure its format needs, so a file cut short in saving or sending is
/// refused at upload, before anything is stored: a PDF's trailer (<c>startxref</c>, then <c>%%EOF</c>) in its last
/// <see cref="TailBytes"/>; a DOCX's or ODT's ZIP end-of-central-directory record there, whose central directory lies
/// within the file before it. What is between start and end is the reader's to judge.
/// </summary>
internal static class FileEnds
{
    /// <summary>How much of the end is kept while the body streams: a PDF's trailer, and a ZIP's end record with the longest comment it may carry.</summary>
    public const int TailBytes = 64 * 1024;

    private const int EndOfCentralDirectoryLength = 22;

    public static bool IsWhole(string? format, ReadOnlySpan<byte> tail, long fileBytes) => format switch
    {
        ReportFormat.Pdf => PdfEnds(tail),
        ReportFormat.Docx or ReportFormat.Odt => ZipEnds(tail, fileBytes),
        _ => false,
    };

    private static bool PdfEnds(ReadOnlySpan<byte> tail)
    {
        var end = tail.LastIndexOf("%%EOF"u8);
        return end > 0 && tail[..end].LastIndexOf("startxref"u8) >= 0;
    }

    private static bool ZipEnds(ReadOnlySpan<byte> tail, long fileBytes)
    {
        var tailStart = fileBytes - tail.Length;
        for (var at = tail.Length - EndOfCentralDirectoryLength; at >= 0; at--)
        {
            at = tail[..(at + 4)].LastIndexOf("PK\u0005\u0006"u8);
            if (at < 0)
            {
                return false;
            }

            var record = tail[at..];
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(record[20..]);
            if (record.Length < EndOfCentralDirectoryLength + commentLength)
            {
                continue;
            }

            uint directoryBytes = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]), directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
            if (directoryOffset == uint.MaxValue || directoryBytes == uint.MaxValue)
            {
                // ZIP64: the real figures are in the ZIP64 record its locator, just before, points at.
                return at >= 20 && tail[(at - 20)..].StartsWith("PK\u0006\u0007"u8);
            }

            if ((long)directoryOffset + directoryBytes <= tailStart + at)
            {
                return true;
            }
        }

        return false;
    }
}
