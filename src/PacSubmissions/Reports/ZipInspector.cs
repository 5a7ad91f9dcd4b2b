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
    private const string OdtMimeType = "application/vnd.oasis.opendocument.text";
    private const string WordMainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const int SmallPartLimit = 1024 * 1024;

    private static readonly byte[][] DtdMarkers =
    [
        "<!DOCTYPE"u8.ToArray(), "<!ENTITY"u8.ToArray(),
        Encoding.Unicode.GetBytes("<!DOCTYPE"), Encoding.Unicode.GetBytes("<!ENTITY"),
        Encoding.BigEndianUnicode.GetBytes("<!DOCTYPE"), Encoding.BigEndianUnicode.GetBytes("<!ENTITY"),
    ];

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
                if (entry.Length > options.MaxPartBytes || declared > options.MaxExpandedBytes)
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
            var isXml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
            var keep = entry.FullName is "[Content_Types].xml" or "mimetype" or "META-INF/manifest.xml";
            using var kept = new MemoryStream();
            using var input = entry.Open();
            long partBytes = 0;
            var carry = 0;
            int read;
            while ((read = input.Read(buffer, carry, buffer.Length - carry)) > 0)
            {
                partBytes += read;
                expanded += read;
                if (partBytes > options.MaxPartBytes || expanded > options.MaxExpandedBytes)
                {
                    throw Suspicious("The file expands to far more data than a report holds; it looks like a zip bomb.");
                }

                var filled = carry + read;
                if (isXml && ContainsDtd(buffer.AsSpan(0, filled)))
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

    private static bool ContainsDtd(ReadOnlySpan<byte> span)
    {
        foreach (var marker in DtdMarkers)
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
        var isOdt = mimeType == OdtMimeType
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
            if (contentTypes.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
                || contentTypes.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)
                || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                throw MacroEnabled(ReportFormats.Docx);
            }

            return contentTypes.Contains(WordMainContentType, StringComparison.OrdinalIgnoreCase)
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
