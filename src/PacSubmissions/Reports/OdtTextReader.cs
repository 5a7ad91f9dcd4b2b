using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace PacSubmissions.Reports;

/// <summary>
/// Reads an ODT (content.xml and styles.xml, each through an XmlReader with DTDs prohibited and the size capped) in
/// order, as LibreOffice shows it: headings, paragraphs (bold, italic and size through named and automatic styles and
/// their parents), lists, sections, tables row by row, text boxes as paragraphs of their own. Tracked deletions, hidden
/// text, notes and the table of contents are not read.
/// </summary>
internal static class OdtTextReader
{
    private static readonly XNamespace Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static readonly XNamespace Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static readonly XNamespace Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static readonly XNamespace Draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    private sealed record Piece(string Text, bool Bold, bool Subdued);

    public static DocumentText Read(Stream stream, ReportReaderOptions options, CancellationToken cancellationToken)
    {
        try
        {
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var content = Load(zip.GetEntry("content.xml")
                ?? throw new UnreadableReportException(ProblemCodes.Corrupt, "The OpenDocument file has no content; it looks damaged.", ReportFormats.Odt), options);
            var root = content.Root;
            var body = root?.Element(Office + "body")?.Element(Office + "text")
                ?? throw new UnreadableReportException(ProblemCodes.Corrupt, "The OpenDocument file has no text body; it is not a text document.", ReportFormats.Odt);

            // Named styles ("Heading 2", a "Question" style based on it) live in styles.xml; a file without it still reads.
            var stylesRoot = zip.GetEntry("styles.xml") is { } entry ? Load(entry, options).Root : null;
            var styles = new OdtStyles(stylesRoot, root!);
            var blocks = new List<DocumentBlock>();
            ReadContainer(body, styles, blocks, cancellationToken);
            return new DocumentText(ReportFormats.Odt, blocks, styles.PageBreaks(body) + 1) { ActiveContent = ActiveContent.InOdt(root, stylesRoot) };
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

    private static XDocument Load(ZipArchiveEntry entry, ReportReaderOptions options)
    {
        using var content = entry.Open();
        using var reader = XmlReader.Create(content, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxPartBytes,
            IgnoreComments = true,
        });
        return XDocument.Load(reader);
    }

    private static void ReadContainer(XElement container, OdtStyles styles, List<DocumentBlock> blocks, CancellationToken cancellationToken)
    {
        foreach (var element in container.Elements())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (element.Name == Text + "h" || element.Name == Text + "p")
            {
                ReadParagraph(element, styles, blocks, cancellationToken);
            }
            else if (element.Name == Table + "table")
            {
                foreach (var row in element.Descendants(Table + "table-row"))
                {
                    ReadRow(row, styles, blocks, cancellationToken);
                }
            }
            else if (element.Name == Text + "tracked-changes" || element.Name == Text + "table-of-content" || element.Name == Text + "hidden-paragraph")
            {
                // Deleted text kept for review, the table of contents and hidden paragraphs are not what LibreOffice shows.
            }
            else if (element.Name.Namespace == Text || element.Name.Namespace == Draw)
            {
                // text:list, text:section, draw:frame, draw:text-box and the like only wrap paragraphs.
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
            var parts = new List<DocumentBlock>();
            ReadContainer(cells[0], styles, parts, cancellationToken);
            if (DocumentBlock.TableLabel(parts) is { } label)
            {
                blocks.Add(label);
            }

            first = 1;
        }

        foreach (var cell in cells.Skip(first))
        {
            ReadContainer(cell, styles, blocks, cancellationToken);
        }
    }

    private static void ReadParagraph(XElement paragraph, OdtStyles styles, List<DocumentBlock> blocks, CancellationToken cancellationToken)
    {
        var paragraphStyle = paragraph.Attribute(Text + "style-name")?.Value;
        var pieces = new List<Piece>();
        var emails = new List<string>();
        var frames = new List<XElement>();
        Collect(paragraph, styles, paragraphStyle, [], pieces, emails, frames);
        var text = TextCleaner.Collapse(string.Concat(pieces.Select(p => p.Text)));
        if (text.Length > 0)
        {
            var visible = pieces.Where(p => !string.IsNullOrWhiteSpace(p.Text)).ToList();
            var emphasized = paragraph.Name == Text + "h" || styles.IsHeading(paragraphStyle) || visible.All(p => p.Bold);

            // A bold start followed by plain text is a question with its answer.
            var prefix = emphasized ? "" : TextCleaner.Collapse(string.Concat(pieces.TakeWhile(p => p.Bold || string.IsNullOrWhiteSpace(p.Text)).Select(p => p.Text)));
            blocks.Add(new DocumentBlock(text, emphasized ? BlockKind.Emphasized : BlockKind.Text, prefix.Length > 0 ? prefix : null)
            {
                IsSubdued = visible.All(p => p.Subdued),
                LinkedEmails = [.. emails.Distinct(StringComparer.OrdinalIgnoreCase)],
            });
        }

        // A frame anchored in the paragraph is a text box: its paragraphs are read once, after it, never glued into it.
        foreach (var frame in frames)
        {
            ReadContainer(frame, styles, blocks, cancellationToken);
        }
    }

    /// <summary>The visible text of a paragraph, piece by piece with the formatting each span gives it.</summary>
    private static void Collect(XElement element, OdtStyles styles, string? paragraphStyle, IReadOnlyList<string> spans,
        List<Piece> pieces, List<string> emails, List<XElement> frames)
    {
        Piece Styled(string text) => new(text, styles.IsBold(paragraphStyle, spans), styles.IsSubdued(paragraphStyle, spans));

        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    if (!styles.IsHidden(paragraphStyle, spans))
                    {
                        pieces.Add(Styled(t.Value));
                    }

                    break;
                case XElement e when e.Name == Text + "s":
                    pieces.Add(Styled(new string(' ', int.TryParse(e.Attribute(Text + "c")?.Value, out var count) ? Math.Clamp(count, 1, 100) : 1)));
                    break;
                case XElement e when e.Name == Text + "tab" || e.Name == Text + "line-break":
                    pieces.Add(Styled(" "));
                    break;
                case XElement e when e.Name == Text + "note" || e.Name == Office + "annotation" || e.Name == Text + "hidden-text":
                    break;
                case XElement e when e.Name.Namespace == Draw:
                    frames.Add(e);
                    break;
                case XElement e:
                    if (e.Name == Text + "a" && e.Attribute(XLink + "href")?.Value is { } target)
                    {
                        emails.AddRange(TextCleaner.MailtoAddresses(target));
                    }

                    // text:span, text:a and fields show their text, with their own text style over the ones around them.
                    var inner = e.Attribute(Text + "style-name")?.Value is { } style && e.Name != Text + "p" ? [style, .. spans] : spans;
                    Collect(e, styles, paragraphStyle, inner, pieces, emails, frames);
                    break;
            }
        }
    }
}
