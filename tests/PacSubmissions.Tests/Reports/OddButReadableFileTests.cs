using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PacSubmissions.Reports;
using PacSubmissions.Tests.Reports.Isolation;
using static PacSubmissions.Tests.Reports.TestDocuments;

namespace PacSubmissions.Tests.Reports;

/// <summary>Files that real software writes and that look odd to a strict reader: each is read for what it holds, or refused for the right reason.</summary>
public sealed class OddButReadableFileTests
{
    private static OpenXmlElement[] FormBody() =>
        [.. FormText.English.Pairs.SelectMany(p => new OpenXmlElement[] { Bold(p.Question), Plain(p.Answer) })];

    private static string OdtFormBody() =>
        string.Concat(FormText.English.Pairs.Select(p => OdtBold(p.Question) + OdtPlain(p.Answer)));

    // ---------- PDF ----------

    [Fact]
    public async Task PdfPageThatCannotBeReadIsSkippedAndNamedWhileTheRestIsRead()
    {
        var pdf = CrashShapes.HandWrittenPdf(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 7 0 R /F2 8 0 R >> >> >>",
            PdfStream(FormContent()),
            // The second page names as its font something that is no font at all.
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R /Resources << /Font << /F1 9 0 R >> >> >>",
            PdfStream("BT /F1 11 Tf 57 770 Td (Annex) Tj ET"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
            "(not a font)",
        ]);

        var reading = await ReadAsync(pdf);

        AssertValid(reading);
        Assert.Equal(2, reading.Pages);
        var skipped = Assert.Single(reading.Problems);
        Assert.Equal(ProblemCodes.PageSkipped, skipped.Code);
        Assert.Contains("Page 2 ", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PdfWithBytesAfterItsEndMarkerIsRead()
    {
        var pdf = Pdf(FormText.English.Pairs.SelectMany(p => new[] { new PdfLine(p.Question.Split(" (")[0], Bold: true, Gap: 10), new PdfLine(p.Answer) }));
        var withTrailer = (byte[])[.. pdf, .. new byte[3000], .. "\r\n-- Sent through the campus mail gateway --\r\n"u8];

        var reading = await ReadAsync(withTrailer);

        AssertValid(reading);
        Assert.Empty(reading.Problems);
    }

    [Fact]
    public async Task PdfCutOffAfterAnEarlierRevisionIsStillIncomplete()
    {
        // An incrementally saved PDF has an end marker after each revision; cut in the second, it has objects after the first.
        var first = CrashShapes.HandWrittenPdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]);
        var cut = (byte[])[.. first, .. "3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n4 0 obj\n<< /Len"u8];

        Assert.Equal(ProblemCodes.Corrupt, Assert.Single((await ReadAsync(cut)).Problems).Code);
    }

    [Fact]
    public async Task PdfThatEncryptsOnlyItsAttachmentsIsRead() =>
        // Acrobat's "encrypt only file attachments": a security handler for the attachments (/EFF), pages and text in clear.
        AssertValid(await ReadAsync(FormPdfEncryptedBy(AttachmentsOnlyEncryption)));

    [Fact]
    public async Task PdfWhoseTextIsEncryptedIsStillEncrypted()
    {
        var pdf = FormPdfEncryptedBy(AttachmentsOnlyEncryption.Replace("/StmF /Identity /StrF /Identity", "/StmF /StdCF /StrF /StdCF", StringComparison.Ordinal));

        Assert.Equal(ProblemCodes.Encrypted, Assert.Single((await ReadAsync(pdf)).Problems).Code);
    }

    private static byte[] FormPdfEncryptedBy(string encryption) =>
        CrashShapes.HandWrittenPdf(
            [
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
                PdfStream(FormContent()),
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
                encryption,
            ],
            trailerExtra: EncryptedTrailer);

    private const string AttachmentsOnlyEncryption =
        "<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /AuthEvent /EFOpen /Length 16 >> >> /StmF /Identity /StrF /Identity /EFF /StdCF /O <"
        + "5C3C2D7A0E8F1B4A6D9E2F3A4B5C6D7E8F9A0B1C2D3E4F5A6B7C8D9E0F1A2B3C" + "> /U <" + "1A2B3C4D5E6F708192A3B4C5D6E7F80900000000000000000000000000000000" + "> /P -1028 /EncryptMetadata true >>";

    private const string EncryptedTrailer = "/Encrypt 7 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ";

    // ---------- Word ----------

    [Fact]
    public async Task DocxWithARelationshipToAMissingUnusedPartIsRead()
    {
        var docx = Docx(FormBody());
        using (var memory = new MemoryStream())
        {
            memory.Write(docx);
            using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
            {
                // As templates from ONLYOFFICE have: the document's relationships name a part the package does not hold.
                var rels = zip.GetEntry("word/_rels/document.xml.rels")!;
                string xml;
                using (var reader = new StreamReader(rels.Open()))
                {
                    xml = await reader.ReadToEndAsync();
                }

                rels.Delete();
                using var writer = new StreamWriter(zip.CreateEntry("word/_rels/document.xml.rels").Open(), new UTF8Encoding(false));
                await writer.WriteAsync(xml.Replace("</Relationships>",
                    """<Relationship Id="rIdGone" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/people" Target="people.xml"/></Relationships>""", StringComparison.Ordinal));
            }

            docx = memory.ToArray();
        }


        var reading = await ReadAsync(docx);

        AssertValid(reading);
    }

    [Fact]
    public async Task WordTemplateIsReadAsADocument()
    {
        var reading = await ReadAsync(Docx(WordprocessingDocumentType.Template, FormBody()));

        AssertValid(reading);
        Assert.Equal(ReportFormats.Docx, reading.Format);
    }

    [Fact]
    public async Task OneLargePhotoInAWordDocumentIsNoZipBomb()
    {
        // A 33 MB photo: a JPEG's data is already compressed, so it barely shrinks in the zip (random bytes behave the same).
        var photo = new byte[33 * 1024 * 1024];
        RandomNumberGenerator.Fill(photo);
        photo[0] = 0xFF;
        photo[1] = 0xD8;
        var docx = DocxWith(FormBody(), main =>
        {
            using var data = new MemoryStream(photo);
            main.AddImagePart(ImagePartType.Jpeg).FeedData(data);
        });

        var reading = await ReadAsync(docx);

        Assert.True(docx.Length < new ReportReaderOptions().MaxBytes);
        AssertValid(reading);
    }

    [Fact]
    public async Task PictureThatInflatesLikeABombIsStillSuspicious()
    {
        var docx = DocxWith(FormBody(), main =>
        {
            using var data = new MemoryStream(new byte[64 * 1024 * 1024]);
            main.AddImagePart(ImagePartType.Jpeg).FeedData(data);
        });

        var reading = await ReadAsync(docx);

        Assert.Equal(ProblemCodes.SuspiciousArchive, Assert.Single(reading.Problems).Code);
    }

    [Fact]
    public async Task MacrosOfASpreadsheetEmbeddedInAChartDoNotMakeTheReportMacroEnabled()
    {
        var docx = DocxWith(FormBody(), main =>
        {
            var chart = main.AddNewPart<DocumentFormat.OpenXml.Packaging.ChartPart>();
            chart.ChartSpace = new DocumentFormat.OpenXml.Drawing.Charts.ChartSpace();
            using var workbook = new MemoryStream(Zip(("xl/vbaProject.bin", "VBA"), ("[Content_Types].xml", "<Types/>")));
            chart.AddEmbeddedPackagePart(EmbeddedPackagePartType.Xlsm).FeedData(workbook);
        });

        var reading = await ReadAsync(docx);

        AssertValid(reading);
    }

    [Fact]
    public async Task WordDocumentOfPicturesOnlyHasNoText()
    {
        var docx = DocxWith([new Paragraph(new Run(new Drawing())), new Paragraph(new Run(new Drawing()))], main =>
        {
            using var data = new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
            main.AddImagePart(ImagePartType.Jpeg).FeedData(data);
        });

        var reading = await ReadAsync(docx);

        Assert.Equal(ReportStatus.Unreadable, reading.Status);
        Assert.Equal(ProblemCodes.NoText, Assert.Single(reading.Problems).Code);
    }

    [Fact]
    public async Task EncryptedOfficeFileWithUpperCaseStreamNamesIsEncrypted()
    {
        var reading = await ReadAsync(CompoundFile("Root Entry", "ENCRYPTIONINFO", "ENCRYPTEDPACKAGE", "\u0006DATASPACES"));

        Assert.Equal(ProblemCodes.Encrypted, Assert.Single(reading.Problems).Code);
    }

    // ---------- OpenDocument ----------

    [Fact]
    public async Task OdtWithLibreOfficeBasicMacrosIsMacroEnabled()
    {
        // The library and module files LibreOffice writes for a document's Basic macros, each with its DOCTYPE.
        var odt = WithEntries(Odt(OdtFormBody()),
            ("Basic/script-lc.xml", """<?xml version="1.0" encoding="UTF-8"?>""" + "\n" + """<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">""" + "\n" + """<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink"><library:library library:name="Standard" library:link="false"/></library:libraries>"""),
            ("Basic/Standard/script-lb.xml", """<?xml version="1.0" encoding="UTF-8"?>""" + "\n" + """<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">""" + "\n" + """<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false"><library:element library:name="Module1"/></library:library>"""),
            ("Basic/Standard/Module1.xml", """<?xml version="1.0" encoding="UTF-8"?>""" + "\n" + """<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">""" + "\n" + """<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">Sub Main&#x0a;Shell(&quot;calc&quot;)&#x0a;End Sub</script:module>"""));

        var reading = await ReadAsync(odt);

        Assert.Equal(ProblemCodes.MacroEnabled, Assert.Single(reading.Problems).Code);
        Assert.Equal(ReportFormats.Odt, reading.Format);
    }

    [Fact]
    public async Task OldOpenOfficeOdtWithAFormulaIsRead()
    {
        // OpenOffice 2 wrote a DOCTYPE in its manifest and in each formula object; neither declares an entity.
        var odt = WithEntries(Odt(OdtFormBody()),
            ("Object 1/content.xml", """<?xml version="1.0" encoding="UTF-8"?>""" + "\n" + """<!DOCTYPE math:math PUBLIC "-//OpenOffice.org//DTD Modified W3C MathML 1.01//EN" "math.dtd">""" + "\n" + """<math:math xmlns:math="http://www.w3.org/1998/Math/MathML"><math:semantics><math:mi>E</math:mi></math:semantics></math:math>"""));
        odt = ReplaceEntry(odt, "META-INF/manifest.xml", xml => xml.Replace("<manifest:manifest",
            """<!DOCTYPE manifest:manifest PUBLIC "-//OpenOffice.org//DTD Manifest 1.0//EN" "Manifest.dtd">""" + "\n<manifest:manifest", StringComparison.Ordinal));

        var reading = await ReadAsync(odt);

        AssertValid(reading);
    }

    [Fact]
    public async Task OdtWhoseManifestDeclaresEntitiesIsStillSuspicious()
    {
        var odt = ReplaceEntry(Odt(OdtFormBody()), "META-INF/manifest.xml", xml => xml.Replace("<manifest:manifest",
            BillionLaughsDtd + "<manifest:manifest", StringComparison.Ordinal));

        Assert.Equal(ProblemCodes.SuspiciousArchive, Assert.Single((await ReadAsync(odt)).Problems).Code);
    }

    [Fact]
    public async Task OdtTemplateIsReadAsADocument()
    {
        var ott = ReplaceEntry(Odt(OdtFormBody()), "mimetype", _ => "application/vnd.oasis.opendocument.text-template");

        var reading = await ReadAsync(ott);

        AssertValid(reading);
        Assert.Equal(ReportFormats.Odt, reading.Format);
    }

    [Fact]
    public async Task OdtOfPicturesOnlyHasNoText()
    {
        var odt = WithEntries(Odt("""<text:p><draw:frame xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"><draw:image xlink:href="Pictures/scan1.jpg"/></draw:frame></text:p>"""),
            ("Pictures/scan1.jpg", "\u00ff\u00d8 scan"));

        var reading = await ReadAsync(odt);

        Assert.Equal(ProblemCodes.NoText, Assert.Single(reading.Problems).Code);
        Assert.Equal(ReportFormats.Odt, reading.Format);
    }

    // ---------- helpers ----------

    private static void AssertValid(ReportReading reading) =>
        Assert.True(reading.Status == ReportStatus.Valid, $"{reading.Status}: {string.Join(" / ", reading.Problems.Select(p => $"{p.Code} {p.Message}"))}");

    private static string FormContent()
    {
        var content = new StringBuilder("BT 14 TL 57 800 Td ");
        foreach (var (question, answer) in FormText.English.Pairs.Select(p => (p.Question.Split(" (")[0], p.Answer)))
        {
            content.Append(CultureInfo.InvariantCulture, $"/F2 11 Tf T* T* ({PdfText(question)}) Tj /F1 11 Tf T* ({PdfText(answer)}) Tj ");
        }

        return content.Append("ET").ToString();
    }

    private static string PdfText(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);

    private static string PdfStream(string content) => $"<< /Length {Encoding.Latin1.GetByteCount(content)} >>\nstream\n{content}\nendstream";

    private static byte[] DocxWith(OpenXmlElement[] body, Action<MainDocumentPart> addParts)
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(body));
            addParts(main);
        }

        return memory.ToArray();
    }

    private static byte[] WithEntries(byte[] zip, params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        memory.Write(zip);
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return memory.ToArray();
    }

    private static byte[] ReplaceEntry(byte[] zip, string name, Func<string, string> change)
    {
        using var memory = new MemoryStream();
        memory.Write(zip);
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.GetEntry(name)!;
            string content;
            using (var reader = new StreamReader(entry.Open()))
            {
                content = reader.ReadToEnd();
            }

            entry.Delete();
            // The mimetype entry stays first and stored, as ODF asks.
            using var writer = new StreamWriter(archive.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            writer.Write(change(content));
        }

        return memory.ToArray();
    }
}
