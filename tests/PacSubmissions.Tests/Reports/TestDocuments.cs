using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PacSubmissions.Reports;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PacSubmissions.Tests.Reports;

/// <summary>Builds real DOCX, ODT, PDF and hostile files in memory for the reader tests.</summary>
public static class TestDocuments
{
    public static ReportReader Reader(ReportReaderOptions? options = null, TimeProvider? time = null) =>
        new(Options.Create(options ?? new ReportReaderOptions()), time ?? TimeProvider.System, NullLogger<ReportReader>.Instance);

    public static Task<ReportReading> ReadAsync(byte[] bytes, ReportReaderOptions? options = null) =>
        Reader(options).ReadAsync(new MemoryStream(bytes, writable: false), CancellationToken.None);

    // ---------- DOCX ----------

    public static byte[] Docx(params OpenXmlElement[] body) => Docx(WordprocessingDocumentType.Document, body);

    public static byte[] Docx(WordprocessingDocumentType type, params OpenXmlElement[] body)
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, type))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                HeadingStyle("Heading1", "heading 1"),
                HeadingStyle("Heading2", "heading 2"),
                // A German Word names its heading style "Überschrift 1" and gives it the id "berschrift1".
                HeadingStyle("berschrift1", "heading 1"),
                new Style(new StyleName { Val = "Strong Paragraph" }, new StyleRunProperties(new Bold())) { Type = StyleValues.Paragraph, StyleId = "StrongParagraph" });
            main.Document = new Document(new Body(body));
            if (type == WordprocessingDocumentType.MacroEnabledDocument)
            {
                using var vba = new MemoryStream([0xCC, 0x61, 0xFF, 0xFF, 0x00]);
                main.AddNewPart<VbaProjectPart>().FeedData(vba);
            }
        }

        return memory.ToArray();
    }

    private static Style HeadingStyle(string id, string name) =>
        new(new StyleName { Val = name }, new StyleParagraphProperties(new OutlineLevel { Val = 0 }), new StyleRunProperties(new Bold()))
        { Type = StyleValues.Paragraph, StyleId = id };

    public static Paragraph Bold(string text) => new(new Run(new RunProperties(new DocumentFormat.OpenXml.Wordprocessing.Bold()), Text(text)));

    public static Paragraph Plain(string text) => new(new Run(Text(text)));

    public static Paragraph Heading(string text, string styleId = "Heading2") =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(Text(text)));

    public static Paragraph Styled(string text, string styleId) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(Text(text)));

    public static Paragraph Bullet(string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), new Run(Text(text)));

    /// <summary>"Question: answer" in one paragraph, the question in bold.</summary>
    public static Paragraph BoldLead(string question, string answer) =>
        new(new Run(new RunProperties(new DocumentFormat.OpenXml.Wordprocessing.Bold()), Text(question)), new Run(Text(" " + answer)));

    public static Table QuestionTable(params (string Question, string Answer)[] rows) =>
        new(rows.Select(row => new TableRow(
            new TableCell(Plain(row.Question)),
            new TableCell(row.Answer.Split('\n').Select(line => (OpenXmlElement)Plain(line))))));

    private static Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    // ---------- ODT ----------

    /// <summary>A minimal ODT: mimetype first and stored, manifest, and content.xml with the given body XML.</summary>
    public static byte[] Odt(string bodyXml, string? doctype = null, bool encrypted = false) =>
        Zip(
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("META-INF/manifest.xml",
                """<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">"""
                + (encrypted ? """<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/></manifest:encryption-data>""" : "")
                + "</manifest:file-entry></manifest:manifest>"),
            ("content.xml",
                """<?xml version="1.0" encoding="UTF-8"?>""" + (doctype ?? "")
                + """<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">"""
                + """<office:automatic-styles><style:style style:name="P1" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>"""
                + "<office:body><office:text>" + bodyXml + "</office:text></office:body></office:document-content>"));

    public static string OdtBold(string text) => $"""<text:p text:style-name="P1">{Escape(text)}</text:p>""";

    public static string OdtHeading(string text) => $"""<text:h text:outline-level="2">{Escape(text)}</text:h>""";

    public static string OdtPlain(string text) => $"<text:p>{Escape(text)}</text:p>";

    public static string OdtBoldSpan(string question, string answer) =>
        $"""<text:p><text:span text:style-name="T1">{Escape(question)}</text:span> {Escape(answer)}</text:p>""";

    public static string OdtList(params string[] items) =>
        "<text:list>" + string.Concat(items.Select(i => $"<text:list-item><text:p>{Escape(i)}</text:p></text:list-item>")) + "</text:list>";

    public static string OdtTable(params (string Question, string Answer)[] rows) =>
        "<table:table>" + string.Concat(rows.Select(r =>
            $"<table:table-row><table:table-cell><text:p>{Escape(r.Question)}</text:p></table:table-cell><table:table-cell><text:p>{Escape(r.Answer)}</text:p></table:table-cell></table:table-row>"))
        + "</table:table>";

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text)!;

    // ---------- PDF ----------

    /// <summary>One PDF line: text, bold or not, and the page it goes on (1-based). Lines are laid out top-down.</summary>
    public sealed record PdfLine(string Text, bool Bold = false, int Page = 1, double Gap = 0);

    /// <summary>
    /// A real PDF with a text layer (Helvetica, so Latin-1 text only). Each page gets an optional running header and
    /// page number, as exported reports have. A line's <see cref="PdfLine.Gap"/> of 0 means "same paragraph" spacing.
    /// </summary>
    public static byte[] Pdf(IEnumerable<PdfLine> lines, string? runningHeader = null, bool pageNumbers = false)
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var byPage = lines.GroupBy(l => l.Page).OrderBy(g => g.Key).ToList();
        var pageCount = byPage.Max(g => g.Key);
        for (var number = 1; number <= pageCount; number++)
        {
            var page = builder.AddPage(PdfPageSize.A4);
            if (runningHeader is not null)
            {
                page.AddText(runningHeader, 9, new PdfPoint(57, 810), regular);
            }

            if (pageNumbers)
            {
                page.AddText($"Page {number} of {pageCount}", 9, new PdfPoint(280, 30), regular);
            }

            var y = 770.0;
            foreach (var line in byPage.FirstOrDefault(g => g.Key == number) ?? Enumerable.Empty<PdfLine>())
            {
                y -= 15 + line.Gap;
                page.AddText(line.Text, 11, new PdfPoint(57, y), line.Bold ? bold : regular);
            }
        }

        return builder.Build();
    }

    /// <summary>Pages with only drawings and no text, like a scan.</summary>
    public static byte[] PdfWithoutText(bool pageNumbers = false)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var number = 1; number <= 2; number++)
        {
            var page = builder.AddPage(PdfPageSize.A4);
            page.DrawRectangle(new PdfPoint(50, 80), 400, 600, 2, fill: true);
            if (pageNumbers)
            {
                page.AddText($"- {number} -", 9, new PdfPoint(290, 30), font);
            }
        }

        return builder.Build();
    }

    /// <summary>A hand-written PDF whose trailer points to a standard security handler (/Encrypt), as password-protected PDFs have.</summary>
    public static byte[] EncryptedPdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Secret text) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> >>",
        ];
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(text.ToString()));
            text.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(text.ToString());
        text.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            text.Append($"{offset:D10} 00000 n \n");
        }

        text.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    // ---------- containers and hostile files ----------

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return memory.ToArray();
    }

    /// <summary>A zip whose Word document part inflates from a few hundred kilobytes to <paramref name="expandedBytes"/>.</summary>
    public static byte[] ZipBomb(long expandedBytes)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddText(zip, "[Content_Types].xml", WordContentTypes);
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1024 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            for (long written = 0; written < expandedBytes; written += chunk.Length)
            {
                part.Write(chunk, 0, (int)Math.Min(chunk.Length, expandedBytes - written));
            }
        }

        return memory.ToArray();
    }

    /// <summary>
    /// Rewrites the uncompressed size an entry declares (local header and central directory) to <paramref name="declared"/>,
    /// as a crafted bomb does to slip past size checks that trust the header.
    /// </summary>
    public static byte[] WithDeclaredSize(byte[] zip, string entryName, uint declared)
    {
        var patched = zip.ToArray();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var at = 0; at < patched.Length - 46; at++)
        {
            var signature = BitConverter.ToUInt32(patched, at);
            var (sizeOffset, nameOffset) = signature switch
            {
                0x04034b50 => (22, 30),
                0x02014b50 => (24, 46),
                _ => (-1, -1),
            };
            if (sizeOffset > 0 && patched.AsSpan(at + nameOffset).StartsWith(name))
            {
                BitConverter.TryWriteBytes(patched.AsSpan(at + sizeOffset, 4), declared);
            }
        }

        return patched;
    }

    public static byte[] ManyEntriesZip(int entries) =>
        Zip([("[Content_Types].xml", WordContentTypes), .. Enumerable.Range(0, entries).Select(i => ($"word/media/image{i}.png", "x"))]);

    /// <summary>A DOCX-shaped zip whose document part declares nested entities ("billion laughs").</summary>
    public static byte[] BillionLaughsDocx() =>
        Zip(("[Content_Types].xml", WordContentTypes),
            ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
            ("word/document.xml", BillionLaughs + """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""));

    public const string BillionLaughs = """<?xml version="1.0"?>""" + BillionLaughsDtd;

    public const string BillionLaughsDtd = """<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>""";

    public const string WordContentTypes = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    private static void AddText(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    /// <summary>An OLE compound file: the header, then a directory sector naming the given streams (UTF-16LE, as CFB stores them).</summary>
    public static byte[] CompoundFile(params string[] streamNames)
    {
        var bytes = new byte[512 * 4];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(bytes, 0);
        for (var i = 0; i < streamNames.Length; i++)
        {
            Encoding.Unicode.GetBytes(streamNames[i]).CopyTo(bytes, 1024 + (i * 128));
        }

        return bytes;
    }

    /// <summary>The start of a Linux program (ELF) padded out: what a "report.pdf" that is really a program looks like.</summary>
    public static byte[] Program() => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[4096]];

    // ---------- active-content: a file damaged inside but whole to its end, which uploads take and the reader refuses ----------

    /// <summary>A Word package whose ZIP directory is all there, so the upload takes it, but whose body part is cut mid-XML: the reader calls it damaged.</summary>
    public static byte[] DamagedDocx() => Zip(
        ("[Content_Types].xml", WordContentTypes),
        ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>unclosed"));
}
