using System.IO.Compression;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PacSubmissions.Benchmarks;

/// <summary>
/// The DOCX sample's text as an ODT (there is no ODT among the samples): each paragraph a <c>text:p</c>, bold where
/// the Word paragraph starts bold, headings as <c>text:h</c>, so the reader meets the same form in the third format.
/// </summary>
internal static class OdtSample
{
    public static byte[] FromDocx(byte[] docx)
    {
        var body = new StringBuilder();
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false))
        {
            foreach (var paragraph in document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>())
            {
                var text = SecurityElement.Escape(paragraph.InnerText);
                var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
                var bold = paragraph.Descendants<Run>().FirstOrDefault()?.RunProperties?.Bold is not null;
                body.Append(style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase)
                    ? $"<text:h text:outline-level=\"2\">{text}</text:h>"
                    : bold ? $"<text:p text:style-name=\"P1\">{text}</text:p>" : $"<text:p>{text}</text:p>");
            }
        }

        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "mimetype", "application/vnd.oasis.opendocument.text", CompressionLevel.NoCompression);
            Add(zip, "META-INF/manifest.xml",
                """<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>""",
                CompressionLevel.Optimal);
            Add(zip, "content.xml",
                """<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">"""
                + """<office:automatic-styles><style:style style:name="P1" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>"""
                + "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>",
                CompressionLevel.Optimal);
        }

        return memory.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content, CompressionLevel level)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
