using System.Text;
using PacSubmissions.Reports;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Upload;

public sealed class ReportFormatTests
{
    [Theory]
    [InlineData("central-asia-2020.docx", ReportFormat.Docx)]
    [InlineData("china-2021.docx", ReportFormat.Docx)]
    [InlineData("korea-2021.docx", ReportFormat.Docx)]
    [InlineData("truncated.docx", ReportFormat.Docx)]
    [InlineData("central-asia-2020.pdf", ReportFormat.Pdf)]
    [InlineData("brazil-2021.pdf", ReportFormat.Pdf)]
    [InlineData("renamed-binary.docx", null)]
    [InlineData("empty.pdf", null)]
    public void SamplesAreRecognisedByContent(string sample, string? format)
    {
        Assert.Equal(format, ReportFormat.Detect(UploadSite.Sample(sample)));
    }

    [Theory]
    [InlineData("text", ReportFormat.Odt)]
    [InlineData("text-template", ReportFormat.Odt)]
    [InlineData("text-master", null)]
    [InlineData("text-web", null)]
    [InlineData("spreadsheet", null)]
    public void OpenDocumentTextAndItsTemplateAreRecognisedAsTheReaderReadsBoth(string kind, string? format)
    {
        Assert.Equal(format, ReportFormat.Detect(OpenDocument(kind)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(200)]
    [InlineData(1019)]
    public void APdfWhoseHeaderComesWithinTheFirstKilobyteIsAPdfAtUploadAndToTheReader(int preambleBytes)
    {
        var pdf = WithPreamble(preambleBytes, UploadSite.Sample("brazil-2021.pdf"));

        Assert.Equal(ReportFormat.Pdf, ReportFormat.Detect(pdf));
        Assert.Equal(ReportFormats.Pdf, FormatSniffer.Sniff(new MemoryStream(pdf)));
    }

    [Fact]
    public void APdfHeaderPastTheFirstKilobyteIsNeither()
    {
        var pdf = WithPreamble(1020, UploadSite.Sample("brazil-2021.pdf"));

        Assert.Null(ReportFormat.Detect(pdf));
        Assert.Equal(ReportFormats.Unknown, FormatSniffer.Sniff(new MemoryStream(pdf)));
    }

    /// <summary>
    /// What a mail gateway or a document system that saved a MIME part whole puts before the PDF: header lines, then the
    /// file, padded out to <paramref name="length"/> bytes.
    /// </summary>
    internal static byte[] WithPreamble(int length, byte[] pdf)
    {
        var preamble = Encoding.ASCII.GetBytes("Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"report.pdf\"\r\n");
        var padded = new byte[length];
        for (var i = 0; i < length; i++)
        {
            padded[i] = i < preamble.Length ? preamble[i] : (byte)(i == length - 2 ? '\r' : i == length - 1 ? '\n' : ' ');
        }

        return [.. padded, .. pdf];
    }

    /// <summary>An OpenDocument file as LibreOffice lays it out: the stored <c>mimetype</c> part first, naming its kind.</summary>
    private static byte[] OpenDocument(string kind)
    {
        var mimeType = Encoding.ASCII.GetBytes("application/vnd.oasis.opendocument." + kind);
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry("mimetype", System.IO.Compression.CompressionLevel.NoCompression).Open())
            {
                entry.Write(mimeType);
            }

            using var content = new StreamWriter(zip.CreateEntry("content.xml").Open());
            content.Write("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
        }

        return buffer.ToArray();
    }

    [Fact]
    public void ShortOrTruncatedHeadersAreNotAReport()
    {
        Assert.Null(ReportFormat.Detect("PK\u0003\u0004"u8));
        Assert.Null(ReportFormat.Detect("%PD"u8));
    }
}
