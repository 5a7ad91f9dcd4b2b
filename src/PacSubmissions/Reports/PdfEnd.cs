namespace PacSubmissions.Reports;

/// <summary>
/// Tells a PDF cut short from one with bytes after its end. A PDF ends each revision with <c>%%EOF</c>; a file cut in
/// sending has objects (<c>endobj</c>) after its last one, while a complete file may carry anything else after it
/// (padding, a signature block, a mail gateway's footer), which PDF readers ignore and so does this one.
/// </summary>
internal static class PdfEnd
{
    private static readonly byte[] EndOfFile = "%%EOF"u8.ToArray();
    private static readonly byte[] EndOfObject = "endobj"u8.ToArray();

    public static void EnsureComplete(Stream stream)
    {
        long lastEnd = -1, lastObject = -1;
        var buffer = new byte[64 * 1024];
        var carry = 0;
        long offset = 0; // file position of buffer[0]
        stream.Position = 0;
        int read;
        while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            var filled = carry + read;
            var span = buffer.AsSpan(0, filled);
            if (span.LastIndexOf(EndOfFile) is var end and >= 0)
            {
                lastEnd = Math.Max(lastEnd, offset + end);
            }

            if (span.LastIndexOf(EndOfObject) is var obj and >= 0)
            {
                lastObject = Math.Max(lastObject, offset + obj);
            }

            carry = Math.Min(EndOfObject.Length - 1, filled);
            buffer.AsSpan(filled - carry, carry).CopyTo(buffer);
            offset += filled - carry;
        }

        if (lastEnd < 0 || lastObject > lastEnd)
        {
            throw new UnreadableReportException(ProblemCodes.Corrupt,
                "The PDF is incomplete: it ends before its end marker, so it was cut short in sending or saving. Please upload it again.",
                ReportFormats.Pdf);
        }
    }
}
