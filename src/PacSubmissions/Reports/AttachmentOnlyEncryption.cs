using System.Text;
using System.Text.RegularExpressions;

namespace PacSubmissions.Reports;

/// <summary>
/// A PDF can encrypt only its attachments (Acrobat's "encrypt only file attachments": an /Encrypt dictionary with
/// /EFF, and /StmF and /StrF /Identity): its pages and text are in clear and open without a password, but PdfPig,
/// asked for the attachments' password, refuses the whole file. Such a file is given to PdfPig with the trailer's
/// /Encrypt key renamed (the same length, so every offset stays right); the attachments, never read here, stay locked.
/// A file whose text is encrypted is left as it is and reported encrypted.
/// </summary>
internal static partial class AttachmentOnlyEncryption
{
    private static readonly byte[] EmbeddedFileFilter = "/EFF"u8.ToArray();
    private const int DictionaryWindow = 2048;

    public static Stream Unlock(Stream pdf)
    {
        if (!Contains(pdf, EmbeddedFileFilter))
        {
            return pdf;
        }

        pdf.Position = 0;
        var bytes = new byte[pdf.Length];
        pdf.ReadExactly(bytes);
        pdf.Position = 0;
        var text = Encoding.Latin1.GetString(bytes);
        // The encryption dictionary is small; its /StmF and /StrF sit within a few hundred bytes of its /EFF.
        var at = text.IndexOf("/EFF", StringComparison.Ordinal);
        var window = text.Substring(Math.Max(0, at - DictionaryWindow), Math.Min(text.Length, at + DictionaryWindow) - Math.Max(0, at - DictionaryWindow));
        if (!StreamsInClear().IsMatch(window) || !StringsInClear().IsMatch(window))
        {
            return pdf;
        }

        foreach (Match key in EncryptKey().Matches(text))
        {
            // "/Encrypt" becomes "/Xncrypt", a key no reader knows, so the file reads as not encrypted.
            bytes[key.Index + 1] = (byte)'X';
        }

        return new MemoryStream(bytes, writable: false);
    }

    private static bool Contains(Stream stream, byte[] marker)
    {
        stream.Position = 0;
        var buffer = new byte[64 * 1024];
        var carry = 0;
        int read;
        try
        {
            while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
            {
                var filled = carry + read;
                if (buffer.AsSpan(0, filled).IndexOf(marker) >= 0)
                {
                    return true;
                }

                carry = Math.Min(marker.Length - 1, filled);
                buffer.AsSpan(filled - carry, carry).CopyTo(buffer);
            }

            return false;
        }
        finally
        {
            stream.Position = 0;
        }
    }

    [GeneratedRegex(@"/StmF\s*/Identity\b", RegexOptions.None, 1000)]
    private static partial Regex StreamsInClear();

    [GeneratedRegex(@"/StrF\s*/Identity\b", RegexOptions.None, 1000)]
    private static partial Regex StringsInClear();

    /// <summary>The trailer's (or cross-reference stream's) /Encrypt key, not /EncryptMetadata.</summary>
    [GeneratedRegex(@"/Encrypt(?=[\s/<\[\d])", RegexOptions.None, 1000)]
    private static partial Regex EncryptKey();
}
