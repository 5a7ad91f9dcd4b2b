using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PacSubmissions.Reports;

/// <summary>Reads a DOCX body in order: paragraphs (bold or heading ones marked), tables row by row, content controls.</summary>
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
            var styles = new WordStyles(main.StyleDefinitionsPart?.Styles);
            var blocks = new List<DocumentBlock>();
            ReadContainer(body, styles, blocks, cancellationToken);
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

    private static void ReadContainer(OpenXmlElement container, WordStyles styles, List<DocumentBlock> blocks, CancellationToken cancellationToken)
    {
        foreach (var element in container.ChildElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (element)
            {
                case Paragraph paragraph:
                    if (ReadParagraph(paragraph, styles) is { } block)
                    {
                        blocks.Add(block);
                    }

                    break;
                case Table table:
                    ReadTable(table, styles, blocks, cancellationToken);
                    break;
                case SdtBlock { SdtContentBlock: { } content }:
                    ReadContainer(content, styles, blocks, cancellationToken);
                    break;
                case CustomXmlBlock custom:
                    ReadContainer(custom, styles, blocks, cancellationToken);
                    break;
            }
        }
    }

    private static void ReadTable(Table table, WordStyles styles, List<DocumentBlock> blocks, CancellationToken cancellationToken)
    {
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = row.Elements<TableCell>().ToList();
            var first = 0;
            if (cells.Count == 2)
            {
                // A question/answer table: the left cell is where the question sits, whatever its formatting.
                var label = CellText(cells[0]);
                if (label.Length > 0)
                {
                    blocks.Add(new DocumentBlock(label, BlockKind.TableLabel));
                }

                first = 1;
            }

            foreach (var cell in cells.Skip(first))
            {
                ReadContainer(cell, styles, blocks, cancellationToken);
            }
        }
    }

    private static string CellText(TableCell cell) =>
        TextCleaner.Collapse(string.Join(" ", cell.Descendants<Paragraph>().Select(p => ParagraphText(p))));

    private static DocumentBlock? ReadParagraph(Paragraph paragraph, WordStyles styles)
    {
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var runs = paragraph.Descendants<Run>()
            .Select(run => (Text: RunText(run), Bold: styles.IsBold(run, styleId)))
            .Where(run => run.Text.Length > 0)
            .ToList();
        var text = TextCleaner.Collapse(string.Concat(runs.Select(r => r.Text)));
        if (text.Length == 0)
        {
            return null;
        }

        var visible = runs.Where(r => !string.IsNullOrWhiteSpace(r.Text)).ToList();
        var heading = styles.IsHeading(styleId) || paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is < 9;
        if (heading || visible.All(r => r.Bold))
        {
            return new DocumentBlock(text, BlockKind.Emphasized);
        }

        var prefix = TextCleaner.Collapse(string.Concat(runs.TakeWhile(r => r.Bold || string.IsNullOrWhiteSpace(r.Text)).Select(r => r.Text)));
        return new DocumentBlock(text, BlockKind.Text, prefix.Length > 0 ? prefix : null);
    }

    private static string ParagraphText(Paragraph paragraph) => string.Concat(paragraph.Descendants<Run>().Select(RunText));

    private static string RunText(Run run)
    {
        var text = new StringBuilder();
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case Text t: text.Append(t.Text); break;
                case TabChar: text.Append(' '); break;
                case Break or CarriageReturn: text.Append(' '); break;
                case NoBreakHyphen: text.Append('-'); break;
            }
        }

        return text.ToString();
    }

    /// <summary>Word records the page count it last laid out; without it, count the hard page breaks.</summary>
    private static int PageCount(WordprocessingDocument document, Body body) =>
        int.TryParse(document.ExtendedFilePropertiesPart?.Properties?.Pages?.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pages) && pages > 0
            ? pages
            : 1 + body.Descendants<Break>().Count(b => b.Type?.Value == BreakValues.Page)
                + body.Descendants<PageBreakBefore>().Count(p => p.Val?.Value ?? true);
}
