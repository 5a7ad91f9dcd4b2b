using System.IO.Compression;
using System.Text;

namespace PacSubmissions.Reports;

/// <summary>
/// Checks a zip container before any document library opens it: entry count, declared and actual expanded sizes,
/// DTDs in XML parts (entity expansion), encryption and macros. Then says whether it is a DOCX or an ODT.
/// Every entry is inflated once into nothing, counting, so the limits hold on what the data really expands to
/// (the runtime also cuts an entry at its declared size, so an understated header yields a damaged part, not a bomb).
/// </summary>
internal static class ZipInspector
{
    private const string OdtMimeType = FormatSniffer.OdtMimeType;
    private const string OdtTemplateMimeType = FormatSniffer.OdtTemplateMimeType;

    /// <summary>The main part of a .docx, and of a .dotx template, which is read the same way.</summary>
    private static readonly string[] WordMainContentTypes =
    [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ];

    /// <summary>
    /// A photo or a scan barely compresses; XML shrinks maybe 20 times. A part that inflates more than this is made to.
    /// </summary>
    private const long MaxExpansionRatio = 200;

    /// <summary>Below this a part is too small to matter, whatever its ratio (a blank XML part compresses very well).</summary>
    private const long RatioFloorBytes = 1024 * 1024;
    private const int SmallPartLimit = 1024 * 1024;

    private static readonly byte[][] DtdMarkers =
    [
        "<!DOCTYPE"u8.ToArray(), "<!ENTITY"u8.ToArray(),
        Encoding.Unicode.GetBytes("<!DOCTYPE"), Encoding.Unicode.GetBytes("<!ENTITY"),
        Encoding.BigEndianUnicode.GetBytes("<!DOCTYPE"), Encoding.BigEndianUnicode.GetBytes("<!ENTITY"),
    ];

    private static readonly byte[][] EntityMarkers =
        ["<!ENTITY"u8.ToArray(), Encoding.Unicode.GetBytes("<!ENTITY"), Encoding.BigEndianUnicode.GetBytes("<!ENTITY")];

    public static string Inspect(Stream stream, ReportReaderOptions options, CancellationToken cancellationToken)
    {
        try
        {
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > options.MaxZipEntries)
            {
                throw Suspicious($"The file holds {zip.Entries.Count} parts; a report has far fewer (limit {options.MaxZipEntries}).");
            }

            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (IsBomb(entry.FullName, entry.Length, entry.CompressedLength, options) || declared > options.MaxExpandedBytes)
                {
                    throw Suspicious("The file expands to far more data than a report holds; it looks like a zip bomb.");
                }
            }

            var (contentTypes, mimeType, manifest) = VerifyEntries(zip, options, cancellationToken);
            stream.Position = 0;
            return Classify(zip, contentTypes, mimeType, manifest);
        }
        catch (InvalidDataException exception)
        {
            throw new UnreadableReportException(ProblemCodes.Corrupt,
                $"The file is damaged or incomplete (the archive cannot be opened: {exception.Message}). Please upload it again.",
                ReportFormats.Zip);
        }
    }

    private static (string ContentTypes, string MimeType, string Manifest) VerifyEntries(
        ZipArchive zip, ReportReaderOptions options, CancellationToken cancellationToken)
    {
        string contentTypes = "", mimeType = "", manifest = "";
        long expanded = 0;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var isXml = IsXml(entry.FullName);
            var keep = entry.FullName is "[Content_Types].xml" or "mimetype" or "META-INF/manifest.xml";
            var unparsed = IsNeverParsed(entry.FullName);
            using var kept = new MemoryStream();
            using var input = entry.Open();
            long partBytes = 0;
            var carry = 0;
            int read;
            while ((read = input.Read(buffer, carry, buffer.Length - carry)) > 0)
            {
                partBytes += read;
                expanded += read;
                if (IsBomb(entry.FullName, partBytes, entry.CompressedLength, options) || expanded > options.MaxExpandedBytes)
                {
                    throw Suspicious("The file expands to far more data than a report holds; it looks like a zip bomb.");
                }

                var filled = carry + read;
                if (isXml && ContainsDtd(buffer.AsSpan(0, filled), entitiesOnly: unparsed))
                {
                    throw Suspicious("The document declares XML entities, which Word and LibreOffice never write; it could expand without bound.");
                }

                if (keep && kept.Length < SmallPartLimit)
                {
                    kept.Write(buffer, carry, read);
                }

                carry = Math.Min(32, filled);
                buffer.AsSpan(filled - carry, carry).CopyTo(buffer);
            }

            var text = keep ? Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length) : "";
            switch (entry.FullName)
            {
                case "[Content_Types].xml": contentTypes = text; break;
                case "mimetype": mimeType = text.Trim(); break;
                case "META-INF/manifest.xml": manifest = text; break;
            }
        }

        return (contentTypes, mimeType, manifest);
    }

    /// <summary>
    /// Whether a part is more than a report holds: an XML part, which the readers parse, is bounded by its size; a
    /// picture or an embedded file, which no reader opens, only by its ratio, so one large photo is not taken for a bomb.
    /// </summary>
    private static bool IsBomb(string name, long expandedBytes, long compressedBytes, ReportReaderOptions options) =>
        IsXml(name)
            ? expandedBytes > options.MaxPartBytes
            : expandedBytes > RatioFloorBytes && expandedBytes > Math.Max(1, compressedBytes) * MaxExpansionRatio;

    private static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parts no reader here parses: LibreOffice Basic and dialogs, embedded objects (an old OpenOffice formula), the ODF
    /// manifest (read as text). LibreOffice and OpenOffice write a DOCTYPE naming an external DTD in them; only an
    /// entity declaration there could expand, so only that counts.
    /// </summary>
    private static bool IsNeverParsed(string name) =>
        name.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Dialogs/", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Object ", StringComparison.OrdinalIgnoreCase)
        || name.Equals("META-INF/manifest.xml", StringComparison.OrdinalIgnoreCase);

    private static bool ContainsDtd(ReadOnlySpan<byte> span, bool entitiesOnly)
    {
        foreach (var marker in entitiesOnly ? EntityMarkers : DtdMarkers)
        {
            if (span.IndexOf(marker) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Classify(ZipArchive zip, string contentTypes, string mimeType, string manifest)
    {
        var names = zip.Entries.Select(e => e.FullName).ToList();
        var isOdt = mimeType is OdtMimeType or OdtTemplateMimeType
            || (names.Contains("content.xml") && names.Contains("META-INF/manifest.xml") && mimeType.Length == 0);
        if (isOdt || mimeType.StartsWith("application/vnd.oasis.opendocument", StringComparison.Ordinal))
        {
            if (manifest.Contains("encryption-data", StringComparison.Ordinal))
            {
                throw new UnreadableReportException(ProblemCodes.Encrypted,
                    "The document is password-protected, so it cannot be read. Please upload it again without a password.",
                    ReportFormats.Odt);
            }

            if (names.Any(n => n.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase) || n.StartsWith("Scripts/", StringComparison.OrdinalIgnoreCase)))
            {
                throw MacroEnabled(ReportFormats.Odt);
            }

            return isOdt
                ? ReportFormats.Odt
                : throw Unsupported("This is an OpenDocument file but not a text document (spreadsheet, presentation…).", ReportFormats.Zip);
        }

        if (contentTypes.Length > 0)
        {
            if (OfficeContentTypes.HasMacros(contentTypes)
                || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) && !n.Contains("embeddings/", StringComparison.OrdinalIgnoreCase)))
            {
                throw MacroEnabled(ReportFormats.Docx);
            }

            return WordMainContentTypes.Any(type => contentTypes.Contains(type, StringComparison.OrdinalIgnoreCase))
                ? ReportFormats.Docx
                : throw Unsupported("This is an Office file but not a Word document (spreadsheet, presentation…).", ReportFormats.Zip);
        }

        throw Unsupported("This is a zip archive, not a report document.", ReportFormats.Zip);
    }

    private static UnreadableReportException Suspicious(string message) =>
        new(ProblemCodes.SuspiciousArchive, message + " It was not opened.", ReportFormats.Zip);

    private static UnreadableReportException MacroEnabled(string format) =>
        new(ProblemCodes.MacroEnabled,
            "The document contains macros, which are not accepted whatever the file is called. Please save it as a plain .docx, .odt or PDF and upload it again.",
            format);

    private static UnreadableReportException Unsupported(string message, string format) =>
        new(ProblemCodes.UnsupportedFormat, message + " Please upload the report as .docx, .odt or PDF.", format);
}
