using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PacSubmissions.Exports;

/// <summary>
/// The compiled report as a Word document HQ edits into the annual summary: real heading styles (so the navigation pane
/// and a table of contents work), one heading per question, each centre's name as a sub-heading over its answer, and a
/// real table of who reported and when.
/// </summary>
internal static class CompiledDocx
{
    /// <summary>
    /// The package is assembled in a temporary file (Open XML needs to seek while it writes) and then copied to the
    /// output asynchronously, so an HTTP response receives a stream, never a buffer of the whole document.
    /// </summary>
    public static async Task WriteAsync(CompiledReport report, Stream output, CancellationToken cancellationToken)
    {
        await using var temporary = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var document = WordprocessingDocument.Create(temporary, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.Document = new Document(Body(report));
        }

        temporary.Position = 0;
        await temporary.CopyToAsync(output, cancellationToken);
    }

    private static Body Body(CompiledReport report)
    {
        var body = new Body(Paragraph(CompiledReportText.Title(report.Campaign.Year), "Title"), Paragraph(CompiledReportText.WhoReported, "Heading1"));
        body.Append(Table(report));
        body.Append(Paragraph(CompiledReportText.Answers, "Heading1"));
        if (!report.Reported.Any())
        {
            body.Append(Paragraph(CompiledReportText.NoneReported));
        }

        foreach (var (_, title, answers) in report.Questions().Where(q => q.Answers.Count > 0))
        {
            body.Append(Paragraph(title, "Heading2"));
            foreach (var (centre, answer) in answers)
            {
                body.Append(Paragraph(centre.Name, "Heading3"));
                body.Append(answer is null
                    ? [Paragraph(CompiledReportText.NoAnswer)]
                    : answer.Split('\n').Select(line => Paragraph(line.TrimEnd('\r'))));
            }
        }

        body.Append(new SectionProperties());
        return body;
    }

    private static Table Table(CompiledReport report)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(new TableGrid(CompiledReportText.TableHeaders.Select(_ => new GridColumn())));
        // The header row repeats on every page of a long table.
        table.Append(Row(CompiledReportText.TableHeaders, header: true));
        foreach (var centre in report.Centres)
        {
            table.Append(Row(CompiledReportText.TableRow(report.Campaign, centre), header: false));
        }

        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        row.Append(cells.Select(text => new TableCell(header ? BoldParagraph(text) : Paragraph(text))));
        return row;
    }

    private static Paragraph Paragraph(string text, string? style = null)
    {
        var paragraph = new Paragraph(new Run(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        return paragraph;
    }

    private static Paragraph BoldParagraph(string text) =>
        new(new Run(new RunProperties(new Bold()), new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>
    /// Text extracted from a PDF can hold control characters that XML cannot carry; one of them must not stop the whole
    /// document, so they are dropped (a lone surrogate half too).
    /// </summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i, 2);
                i++;
            }
        }

        return safe.ToString();
    }

    private static Styles Styles() => new(
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        HeadingStyle("Title", "Title", outline: null, halfPoints: 40),
        HeadingStyle("Heading1", "heading 1", outline: 0, halfPoints: 32),
        HeadingStyle("Heading2", "heading 2", outline: 1, halfPoints: 28),
        HeadingStyle("Heading3", "heading 3", outline: 2, halfPoints: 24),
        new Style(
            new StyleName { Val = "Table Grid" },
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
        { Type = StyleValues.Table, StyleId = "TableGrid" });

    private static Style HeadingStyle(string id, string name, int? outline, int halfPoints)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }
}
