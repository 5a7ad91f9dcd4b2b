using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PacSubmissions.Reports;

namespace PacSubmissions.Tests.Reports.Extraction;

/// <summary>
/// DOCX files whose body is the markup Word itself writes (content controls with their glossary placeholders, the
/// table-of-contents block, text boxes in mc:AlternateContent with a VML fallback, tracked changes, fields), so the
/// reader meets the structures of real files rather than the SDK's simplest shapes.
/// </summary>
internal static class WordXml
{
    private const string Namespaces =
        """xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14" """;

    /// <summary>Word 2019's defaults: 11 pt Calibri body through docDefaults, headings, Word's placeholder and TOC styles.</summary>
    private const string StylesXml = "<w:styles " + Namespaces + ">" + """
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
        <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:color w:val="2F5496"/><w:sz w:val="32"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Heading1"/><w:next w:val="Normal"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:autoRedefine/><w:pPr><w:spacing w:after="100"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Hint"><w:name w:val="Form Hint"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
        <w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="808080"/></w:rPr></w:style>
        <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
        <w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr><w:i/><w:iCs/></w:rPr></w:style>
        </w:styles>
        """;

    /// <summary>The docPart name Word gives the placeholder of every control inserted from the Developer tab.</summary>
    public const string DefaultPlaceholder = "DefaultPlaceholder_-1854013440";

    public const string ClickOrTap = "Click or tap here to enter text.";

    /// <summary>A DOCX with <paramref name="bodyXml"/> as its w:body, Word's glossary holding the default placeholder, and the given external links.</summary>
    public static byte[] Docx(string bodyXml, params (string Id, string Target)[] links)
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(StylesXml);
            foreach (var (id, target) in links)
            {
                main.AddHyperlinkRelationship(new Uri(target, UriKind.Absolute), true, id);
            }

            main.Document = new Document("<w:document " + Namespaces + "><w:body>" + bodyXml
                + """<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>""");
            main.AddNewPart<GlossaryDocumentPart>().GlossaryDocument = new GlossaryDocument("<w:glossaryDocument " + Namespaces + "><w:docParts><w:docPart><w:docPartPr><w:name w:val=\"" + DefaultPlaceholder
                + "\"/>" + """<w:category><w:name w:val="General"/><w:gallery w:val="placeholder"/></w:category><w:types><w:type w:val="bbPlcHdr"/></w:types><w:behaviors><w:behavior w:val="content"/></w:behaviors><w:guid w:val="{6C4F0B5E-8D47-4E49-9C4B-2E0B4B6B4B7E}"/></w:docPartPr><w:docPartBody><w:p><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>"""
                + ClickOrTap + "</w:t></w:r></w:p></w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>");
        }

        return memory.ToArray();
    }

    public static IReadOnlyList<DocumentBlock> Blocks(byte[] docx) =>
        DocxTextReader.Read(new MemoryStream(docx), new ReportReaderOptions(), CancellationToken.None).Blocks;

    public static string P(string text) => $"""<w:p><w:r><w:t xml:space="preserve">{Escape(text)}</w:t></w:r></w:p>""";

    public static string Bold(string text) => $"""<w:p><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">{Escape(text)}</w:t></w:r></w:p>""";

    public static string Heading(string text) => $"""<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">{Escape(text)}</w:t></w:r></w:p>""";

    /// <summary>A plain-text control's properties as Word writes them; showing its placeholder until someone types.</summary>
    public static string ControlProperties(string tag, bool showingPlaceholder) =>
        $"""<w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/><w:id w:val="-1{Math.Abs(tag.GetHashCode(StringComparison.Ordinal)) % 100000000}"/><w:placeholder><w:docPart w:val="{DefaultPlaceholder}"/></w:placeholder>{(showingPlaceholder ? "<w:showingPlcHdr/>" : "")}<w:text/></w:sdtPr><w:sdtEndPr/>""";

    /// <summary>The run inside a control: Word styles its placeholder "Placeholder Text"; typed text replaces the run.</summary>
    public static string ControlRun(string? typed) =>
        typed is null
            ? $"""<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>{ClickOrTap}</w:t></w:r>"""
            : $"""<w:r><w:t xml:space="preserve">{Escape(typed)}</w:t></w:r>""";

    public static string BlockControl(string tag, string? typed) =>
        $"<w:sdt>{ControlProperties(tag, typed is null)}<w:sdtContent><w:p>{ControlRun(typed)}</w:p></w:sdtContent></w:sdt>";

    public static string Escape(string text) => System.Security.SecurityElement.Escape(text)!;
}
