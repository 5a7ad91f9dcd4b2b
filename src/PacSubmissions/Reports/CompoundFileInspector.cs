using System.Text;

namespace PacSubmissions.Reports;

/// <summary>
/// OLE compound files (D0 CF 11 E0) are legacy Word 97 documents, or, with an "EncryptionInfo" stream,
/// password-protected Word 2007+ documents that Office wraps in the old container.
/// </summary>
internal static class CompoundFileInspector
{
    /// <summary>Upper-cased, as each chunk is before the search: CFB compares names case-insensitively, and some tools write "ENCRYPTIONINFO".</summary>
    private static readonly byte[] EncryptionInfo = Encoding.Unicode.GetBytes("ENCRYPTIONINFO");

    public static UnreadableReportException Classify(Stream stream)
    {
        // Directory entries hold stream names in UTF-16LE and may sit in any sector, so scan the (size-bounded) file.
        stream.Position = 0;
        var buffer = new byte[64 * 1024];
        var carry = 0;
        int read;
        while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            var filled = carry + read;
            UpperCaseAscii(buffer.AsSpan(carry, read));
            if (buffer.AsSpan(0, filled).IndexOf(EncryptionInfo) >= 0)
            {
                return new UnreadableReportException(ProblemCodes.Encrypted,
                    "The document is password-protected, so it cannot be read. Please upload it again without a password.",
                    ReportFormats.Ole);
            }

            carry = Math.Min(EncryptionInfo.Length - 1, filled);
            buffer.AsSpan(filled - carry, carry).CopyTo(buffer);
        }

        return new UnreadableReportException(ProblemCodes.UnsupportedFormat,
            "This is an old Word 97-2003 (.doc) or other legacy Office file. Please save it as .docx or PDF and upload it again.",
            ReportFormats.Ole);
    }

    private static void UpperCaseAscii(Span<byte> bytes)
    {
        foreach (ref var b in bytes)
        {
            if (b is >= (byte)'a' and <= (byte)'z')
            {
                b -= 'a' - 'A';
            }
        }
    }
}
