using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PacSubmissions.Reports;

/// <summary>
/// Reads a DOCX body in order into what Word shows: paragraphs (bold or heading ones marked), tables row by row, content
/// controls with their tags, text boxes as paragraphs of their own. Deleted revisions, hidden runs, field codes and the
/// table of contents are not shown, so they are not read.
/// </summary>
internal static class DocxTextReader
{
    public static DocumentText Read(Stream stream, ReportReaderOptions options, CancellationToken cancellationToken)
    {
        try
        {
            stream.Position = 0;
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings
            {
                MaxCharactersInPart = options.MaxPartBytes,
            });
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body
                ?? throw new UnreadableReportException(ProblemCodes.Corrupt, "The Word document has no body text; it looks damaged.", ReportFormats.Docx);
            var story = new WordStory(main, new WordStyles(main.StyleDefinitionsPart?.Styles), PlaceholderTexts(main), cancellationToken);
            var blocks = new List<DocumentBlock>();
            story.ReadContainer(body, blocks, WordStory.NoControl);
            return new DocumentText(ReportFormats.Docx, blocks, PageCount(document, body));
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or XmlException
            or FileFormatException or InvalidOperationException or IOException)
        {
            throw new UnreadableReportException(ProblemCodes.Corrupt,
                "The Word document is damaged and cannot be read. Please open it in Word, save it again and upload it.",
                ReportFormats.Docx);
        }
    }

    /// <summary>A control's placeholder text lives in the glossary document, under the docPart name its w:placeholder names.</summary>
    private static Dictionary<string, string> PlaceholderTexts(MainDocumentPart main) =>
        (main.GlossaryDocumentPart?.GlossaryDocument?.DocParts?.Elements<DocPart>() ?? [])
            .Select(part => (Name: part.DocPartProperties?.GetFirstChild<DocPartName>()?.Val?.Value,
                Text: TextCleaner.Collapse(string.Concat(part.DocPartBody?.Descendants<Text>().Select(t => t.Text) ?? []))))
            .Where(part => part.Name is not null)
            .GroupBy(part => part.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);

    /// <summary>Word records the page count it last laid out; without it, count the hard page breaks.</summary>
    private static int PageCount(WordprocessingDocument document, Body body) =>
        int.TryParse(document.ExtendedFilePropertiesPart?.Properties?.Pages?.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pages) && pages > 0
            ? pages
            : 1 + body.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page)
                + body.Descendants<PageBreakBefore>().Count(p => p.Val?.Value ?? true);
}
