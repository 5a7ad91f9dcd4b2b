namespace PacSubmissions.Reports;

/// <summary>Decides what a file is from its first bytes, never from its name.</summary>
internal static class FormatSniffer
{
    private static readonly byte[] Zip = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] EmptyZip = "PK\u0005\u0006"u8.ToArray();
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();

    /// <summary>PDF readers accept a header anywhere in the first kilobyte; so do we.</summary>
    private const int PdfHeaderWindow = 1024;

    public static string Sniff(Stream stream)
    {
        var head = new byte[PdfHeaderWindow];
        stream.Position = 0;
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var span = head.AsSpan(0, length);
        if (length == 0)
        {
            return ReportFormats.Empty;
        }

        if (span.StartsWith(Zip) || span.StartsWith(EmptyZip))
        {
            return ReportFormats.Zip;
        }

        if (span.StartsWith(CompoundFile))
        {
            return ReportFormats.Ole;
        }

        return span.IndexOf(Pdf) >= 0 ? ReportFormats.Pdf : ReportFormats.Unknown;
    }
}
