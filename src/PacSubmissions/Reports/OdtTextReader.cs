using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace PacSubmissions.Reports;

/// <summary>
/// Reads an ODT's content.xml (through an XmlReader with DTDs prohibited and the size capped) in order: headings,
/// paragraphs (bold through their automatic styles), lists, sections and tables row by row.
/// </summary>
internal static class OdtTextReader
{
    private static readonly XNamespace Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static readonly XNamespace Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static readonly XNamespace Style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static readonly XNamespace Fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    private static readonly XNamespace Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

    public static DocumentText Read(Stream stream, ReportReaderOptions options, CancellationToken cancellationToken)
    {
        try
        {
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var entry = zip.GetEntry("content.xml")
                ?? throw new UnreadableReportException(ProblemCodes.Corrupt, "The OpenDocument file has no content; it looks damaged.", ReportFormats.Odt);
            using var content = entry.Open();
            using var reader = XmlReader.Create(content, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = options.MaxPartBytes,
                IgnoreComments = true,
            });
            var document = XDocument.Load(reader);
            var root = document.Root;
            var body = root?.Element(Office + "body")?.Element(Office + "text")
                ?? throw new UnreadableReportException(ProblemCodes.Corrupt, "The OpenDocument file has no text body; it is not a text document.", ReportFormats.Odt);
            var styles = new OdtStyles(root!.Element(Office + "automatic-styles"));
            var blocks = new List<DocumentBlock>();
            ReadContainer(body, styles, blocks, cancellationToken);
            return new DocumentText(ReportFormats.Odt, blocks, styles.PageBreaks(body) + 1);
        }
        catch (Exception exception) when (exception is XmlException or InvalidDataException or IOException)
        {
            if (exception.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
            {
                throw new UnreadableReportException(ProblemCodes.SuspiciousArchive,
                    "The document declares XML entities, which LibreOffice never writes; it could expand without bound. It was not opened.",
                    ReportFormats.Odt);
            }

            throw new UnreadableReportException(ProblemCodes.Corrupt,
                "The OpenDocument file is damaged and cannot be read. Please open it, save it again and upload it.", ReportFormats.Odt);
        }
    }

    private static void ReadContainer(XElement container, OdtStyles styles, List<DocumentBlock> blocks, CancellationToken cancellationToken)
    {
        foreach (var element in container.Elements())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (element.Name == Text + "h" || element.Name == Text + "p")
            {
                if (ReadParagraph(element, styles, heading: element.Name == Text + "h") is { } block)
                {
                    blocks.Add(block);
                }
            }
            else if (element.Name == Table + "table")
            {
                foreach (var row in element.Descendants(Table + "table-row"))
                {
                    ReadRow(row, styles, blocks, cancellationToken);
                }
            }
            else if (element.Name.Namespace == Text)
            {
                // text:list, text:list-item, text:section and the like only wrap paragraphs.
                ReadContainer(element, styles, blocks, cancellationToken);
            }
        }
    }

    private static void ReadRow(XElement row, OdtStyles styles, List<DocumentBlock> blocks, CancellationToken cancellationToken)
    {
        var cells = row.Elements(Table + "table-cell").ToList();
        var first = 0;
        if (cells.Count == 2)
        {
            var label = TextCleaner.Collapse(string.Join(" ", cells[0].Descendants().Where(e => e.Name == Text + "p" || e.Name == Text + "h").Select(Flatten)));
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

    private static DocumentBlock? ReadParagraph(XElement paragraph, OdtStyles styles, bool heading)
    {
        var text = TextCleaner.Collapse(Flatten(paragraph));
        if (text.Length == 0)
        {
            return null;
        }

        var paragraphBold = styles.IsBold(paragraph.Attribute(Text + "style-name")?.Value);
        if (heading || (paragraphBold && !paragraph.Elements(Text + "span").Any(s => styles.IsExplicitlyNormal(s.Attribute(Text + "style-name")?.Value))))
        {
            return new DocumentBlock(text, BlockKind.Emphasized);
        }

        // Bold spans: a wholly bold paragraph is emphasised; a bold start followed by plain text is a question with its answer.
        var pieces = paragraph.Nodes()
            .Select(node => (Text: node is XElement e ? Flatten(e) : (node as XText)?.Value ?? "",
                Bold: node is XElement span && span.Name == Text + "span" && styles.IsBold(span.Attribute(Text + "style-name")?.Value)))
            .Where(p => p.Text.Length > 0)
            .ToList();
        var visible = pieces.Where(p => !string.IsNullOrWhiteSpace(p.Text)).ToList();
        if (visible.Count > 0 && visible.All(p => p.Bold))
        {
            return new DocumentBlock(text, BlockKind.Emphasized);
        }

        var prefix = TextCleaner.Collapse(string.Concat(pieces.TakeWhile(p => p.Bold || string.IsNullOrWhiteSpace(p.Text)).Select(p => p.Text)));
        return new DocumentBlock(text, BlockKind.Text, prefix.Length > 0 ? prefix : null);
    }

    /// <summary>The visible text of an element: text nodes, spaces (text:s), tabs and line breaks; notes and annotations left out.</summary>
    private static string Flatten(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement e when e.Name == Text + "s":
                    text.Append(' ', int.TryParse(e.Attribute(Text + "c")?.Value, out var count) ? Math.Clamp(count, 1, 100) : 1);
                    break;
                case XElement e when e.Name == Text + "tab" || e.Name == Text + "line-break":
                    text.Append(' ');
                    break;
                case XElement e when e.Name == Text + "note" || e.Name == Office + "annotation":
                    break;
                case XElement e:
                    text.Append(Flatten(e));
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The bold-ness of ODT automatic styles, following parent styles.</summary>
    private sealed class OdtStyles
    {
        private readonly Dictionary<string, (string? Weight, string? Parent, bool PageBreak)> byName = new(StringComparer.Ordinal);

        public OdtStyles(XElement? automaticStyles)
        {
            foreach (var style in automaticStyles?.Elements(Style + "style") ?? [])
            {
                if (style.Attribute(Style + "name")?.Value is { } name)
                {
                    byName[name] = (style.Element(Style + "text-properties")?.Attribute(Fo + "font-weight")?.Value,
                        style.Attribute(Style + "parent-style-name")?.Value,
                        style.Element(Style + "paragraph-properties")?.Attribute(Fo + "break-before")?.Value == "page");
                }
            }
        }

        public bool IsBold(string? name)
        {
            for (var depth = 0; name is not null && depth < 10; depth++)
            {
                if (name.Contains("Heading", StringComparison.OrdinalIgnoreCase) || name.Contains("Strong", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (!byName.TryGetValue(name, out var style))
                {
                    return false;
                }

                if (style.Weight is { } weight)
                {
                    return weight is "bold" or "600" or "700" or "800" or "900";
                }

                name = style.Parent;
            }

            return false;
        }

        public bool IsExplicitlyNormal(string? name) =>
            name is not null && byName.TryGetValue(name, out var style) && style.Weight is "normal" or "400";

        public int PageBreaks(XElement body) =>
            body.Descendants().Count(e => e.Attribute(Text + "style-name")?.Value is { } name && byName.TryGetValue(name, out var style) && style.PageBreak);
    }
}
