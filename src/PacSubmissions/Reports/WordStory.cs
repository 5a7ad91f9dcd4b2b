using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PacSubmissions.Reports;

/// <summary>
/// Walks one story of a Word document (the body, or a text box's content) the way Word displays it. Complex fields
/// (fldChar begin … instrText … separate … result … end) can span paragraphs, so their state lives for the whole story:
/// an instruction is never text, a TOC field's result is not content, and a HYPERLINK field's mailto: target is kept.
/// </summary>
internal sealed partial class WordStory(OpenXmlPart part, WordStyles styles, IReadOnlyDictionary<string, string> placeholderTexts, CancellationToken cancellationToken)
{
    private const int MaxNesting = 32;

    /// <summary>The content control a block stands in: its tag and whether it still shows its placeholder.</summary>
    public sealed record Control(string? Tag, bool Placeholder);

    public static readonly Control NoControl = new(null, false);

    private sealed record Piece(string Text, bool Bold, bool Subdued, bool Placeholder);

    private sealed class Field
    {
        public StringBuilder Instruction { get; } = new();

        public bool InResult { get; set; }

        public bool IsTableOfContents => IsTableOfContentsInstruction(Instruction.ToString());
    }

    private sealed class ParagraphContent
    {
        public List<Piece> Pieces { get; } = [];

        public List<string> Emails { get; } = [];

        public List<DocumentBlock> TextBoxes { get; } = [];

        public string? Tag { get; set; }
    }

    private readonly Stack<Field> fields = new();
    private int depth;

    /// <summary>Nothing shows while a field's instruction is being read, nor anywhere inside a table-of-contents field.</summary>
    private bool Concealed => fields.Any(f => !f.InResult || f.IsTableOfContents);

    public void ReadContainer(OpenXmlElement container, List<DocumentBlock> blocks, Control control)
    {
        if (++depth > MaxNesting)
        {
            depth--;
            return;
        }

        foreach (var element in container.ChildElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (element)
            {
                case Paragraph paragraph:
                    ReadParagraph(paragraph, blocks, control);
                    break;
                case Table table:
                    ReadTable(table, blocks, control);
                    break;
                case SdtBlock sdt when Inner(sdt.SdtProperties, sdt.SdtContentBlock, control) is { } inner:
                    ReadContainer(sdt.SdtContentBlock!, blocks, inner);
                    break;
                case CustomXmlBlock or InsertedRun or MoveToRun:
                    ReadContainer(element, blocks, control);
                    break;
            }
        }

        depth--;
    }

    /// <summary>The control a w:sdt opens inside the one around it; null for a table of contents, which is not read.</summary>
    private Control? Inner(SdtProperties? properties, OpenXmlElement? content, Control outer)
    {
        if (content is null || properties?.Descendants<DocPartGallery>().Any(g => IsTableOfContentsGallery(g.Val?.Value)) == true)
        {
            return null;
        }

        var tag = properties?.GetFirstChild<Tag>()?.Val?.Value;
        return new Control(string.IsNullOrWhiteSpace(tag) ? outer.Tag : tag, outer.Placeholder || ShowsPlaceholder(properties, content));
    }

    /// <summary>
    /// w:showingPlcHdr says the control shows its placeholder; where the glossary still has that placeholder's text, the
    /// content must also still be it (a producer that keeps the flag after the text was replaced does not hide an answer).
    /// </summary>
    private bool ShowsPlaceholder(SdtProperties? properties, OpenXmlElement content)
    {
        if (properties?.GetFirstChild<ShowingPlaceholder>() is not { } showing || !(showing.Val?.Value ?? true))
        {
            return false;
        }

        var docPart = properties.GetFirstChild<SdtPlaceholder>()?.GetFirstChild<DocPartReference>()?.Val?.Value;
        return docPart is null || !placeholderTexts.TryGetValue(docPart, out var placeholder) || placeholder.Length == 0
            || TextCleaner.Collapse(string.Concat(content.Descendants<Text>().Select(t => t.Text))) == placeholder;
    }

    private void ReadTable(Table table, List<DocumentBlock> blocks, Control control)
    {
        foreach (var (row, rowControl) in Unwrapped<TableRow>(table, control))
        {
            var cells = Unwrapped<TableCell>(row, rowControl).ToList();
            var first = 0;
            if (cells.Count == 2)
            {
                // A question/answer table: the left cell is where the question sits, whatever its formatting.
                var parts = new List<DocumentBlock>();
                ReadContainer(cells[0].Item, parts, cells[0].Control);
                if (DocumentBlock.TableLabel(parts) is { } label)
                {
                    blocks.Add(label);
                }

                first = 1;
            }

            foreach (var (cell, cellControl) in cells.Skip(first))
            {
                ReadContainer(cell, blocks, cellControl);
            }
        }
    }

    /// <summary>
    /// The rows of a table, or the cells of a row, with the control each stands in: a row-level or cell-level w:sdt, or
    /// w:customXml, wraps them without being one.
    /// </summary>
    private IEnumerable<(T Item, Control Control)> Unwrapped<T>(OpenXmlElement parent, Control control)
        where T : OpenXmlElement
    {
        foreach (var element in parent.ChildElements)
        {
            if (element is T item)
            {
                yield return (item, control);
                continue;
            }

            var (inner, innerControl) = element switch
            {
                SdtElement sdt when sdt.ChildElements.FirstOrDefault(c => c.LocalName == "sdtContent") is { } content
                    && Inner(sdt.SdtProperties, content, control) is { } opened => (content, opened),
                CustomXmlElement custom => ((OpenXmlElement?)custom, control),
                _ => (null, null),
            };
            if (inner is not null && innerControl is not null)
            {
                foreach (var nested in Unwrapped<T>(inner, innerControl))
                {
                    yield return nested;
                }
            }
        }
    }

    private void ReadParagraph(Paragraph paragraph, List<DocumentBlock> blocks, Control control)
    {
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var content = new ParagraphContent();
        ReadInline(paragraph, content, styleId, placeholder: false);
        var pieces = content.Pieces;
        var text = TextCleaner.Collapse(string.Concat(pieces.Select(p => p.Text)));
        if (text.Length > 0)
        {
            var visible = pieces.Where(p => !string.IsNullOrWhiteSpace(p.Text)).ToList();
            var heading = styles.IsHeading(styleId) || paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is < 9;
            var lead = pieces.TakeWhile(p => p.Bold || string.IsNullOrWhiteSpace(p.Text)).ToList();
            var prefix = TextCleaner.Collapse(string.Concat(lead.Select(p => p.Text)));
            var emphasized = heading || visible.All(p => p.Bold);
            var rest = visible.Skip(emphasized ? 0 : lead.Count(p => !string.IsNullOrWhiteSpace(p.Text))).ToList();
            blocks.Add(new DocumentBlock(text, emphasized ? BlockKind.Emphasized : BlockKind.Text, emphasized || prefix.Length == 0 ? null : prefix)
            {
                ControlTag = control.Tag ?? content.Tag,

                // A run-level control still showing its placeholder after a bold question leaves that question unanswered.
                IsPlaceholder = control.Placeholder || (rest.Count > 0 && rest.All(p => p.Placeholder)),
                IsSubdued = visible.All(p => p.Subdued),
                LinkedEmails = [.. content.Emails.Distinct(StringComparer.OrdinalIgnoreCase)],
            });
        }

        blocks.AddRange(content.TextBoxes);
    }

    private void ReadInline(OpenXmlElement parent, ParagraphContent content, string? styleId, bool placeholder)
    {
        foreach (var element in parent.ChildElements)
        {
            switch (element)
            {
                case Run run:
                    ReadRun(run, content, styleId, placeholder);
                    break;
                case Hyperlink hyperlink:
                    if (hyperlink.Id?.Value is { } id && !Concealed
                        && part.HyperlinkRelationships.FirstOrDefault(r => r.Id == id)?.Uri.OriginalString is { } target)
                    {
                        content.Emails.AddRange(TextCleaner.MailtoAddresses(target));
                    }

                    ReadInline(hyperlink, content, styleId, placeholder);
                    break;
                case SimpleField field:
                    var instruction = field.Instruction?.Value ?? "";
                    if (!IsTableOfContentsInstruction(instruction))
                    {
                        content.Emails.AddRange(HyperlinkField().Match(instruction) is { Success: true } link ? TextCleaner.MailtoAddresses(link.Groups["target"].Value) : []);
                        ReadInline(field, content, styleId, placeholder);
                    }

                    break;
                case SdtRun sdt:
                    if (Inner(sdt.SdtProperties, sdt.SdtContentRun, NoControl) is { } control)
                    {
                        content.Tag ??= control.Tag;
                        ReadInline(sdt.SdtContentRun!, content, styleId, placeholder || control.Placeholder);
                    }

                    break;
                case AlternateContent alternate:
                    ReadInline(Branch(alternate), content, styleId, placeholder);
                    break;
                case DeletedRun or MoveFromRun or ParagraphProperties:
                    // A deletion Word still tracks is struck out, not the report's text.
                    break;
                case OpenXmlCompositeElement composite:
                    // w:ins, w:moveTo, w:smartTag, w:customXml, w:dir, w:bdo: wrappers around runs that show.
                    ReadInline(composite, content, styleId, placeholder);
                    break;
            }
        }
    }

    private void ReadRun(Run run, ParagraphContent content, string? styleId, bool placeholder)
    {
        var hidden = styles.IsHidden(run, styleId);
        var text = new StringBuilder();
        foreach (var child in run.ChildElements)
        {
            switch (child)
            {
                case FieldChar { FieldCharType.Value: var type }:
                    if (type == FieldCharValues.Begin)
                    {
                        fields.Push(new Field());
                    }
                    else if (type == FieldCharValues.Separate && fields.TryPeek(out var field))
                    {
                        field.InResult = true;
                        if (!Concealed && HyperlinkField().Match(field.Instruction.ToString()) is { Success: true } link)
                        {
                            content.Emails.AddRange(TextCleaner.MailtoAddresses(link.Groups["target"].Value));
                        }
                    }
                    else if (type == FieldCharValues.End)
                    {
                        fields.TryPop(out _);
                    }

                    break;
                case FieldCode code:
                    if (fields.TryPeek(out var open) && !open.InResult)
                    {
                        open.Instruction.Append(code.Text);
                    }

                    break;
                case Text t: text.Append(t.Text); break;
                case TabChar or PositionalTab or Break or CarriageReturn: text.Append(' '); break;
                case NoBreakHyphen: text.Append('-'); break;
                case AlternateContent or Drawing or Picture or EmbeddedObject when !hidden && !Concealed:
                    ReadTextBoxes(child is AlternateContent alternate ? Branch(alternate) : child, content);
                    break;
            }
        }

        if (!hidden && !Concealed && text.Length > 0)
        {
            content.Pieces.Add(new Piece(text.ToString(), styles.IsBold(run, styleId), styles.IsSubdued(run, styleId), placeholder));
        }
    }

    /// <summary>A text box is its own story, read as paragraphs of its own after the paragraph that anchors it.</summary>
    private void ReadTextBoxes(OpenXmlElement drawing, ParagraphContent content)
    {
        var enclosing = drawing.Ancestors<TextBoxContent>().FirstOrDefault();
        foreach (var box in drawing.Descendants<TextBoxContent>().Where(b => b.Ancestors<TextBoxContent>().FirstOrDefault() == enclosing))
        {
            if (depth < MaxNesting)
            {
                var story = new WordStory(part, styles, placeholderTexts, cancellationToken) { depth = depth + 1 };
                story.ReadContainer(box, content.TextBoxes, NoControl);
            }
        }
    }

    /// <summary>
    /// mc:AlternateContent holds the same drawing twice (DrawingML for Word 2010 on, VML for older readers); Word shows
    /// one, so one is read: the first branch that has a text box, else the first.
    /// </summary>
    private static OpenXmlElement Branch(AlternateContent alternate) =>
        alternate.ChildElements.FirstOrDefault(b => b.Descendants<TextBoxContent>().Any()) ?? alternate.FirstChild ?? alternate;

    private static bool IsTableOfContentsGallery(string? gallery) =>
        gallery?.Trim().Equals("Table of Contents", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsTableOfContentsInstruction(string instruction) => TableOfContentsField().IsMatch(instruction);

    [GeneratedRegex(@"^\s*TOC(?:\s|\\|$)", RegexOptions.IgnoreCase)]
    private static partial Regex TableOfContentsField();

    [GeneratedRegex("""^\s*HYPERLINK\s+"?(?<target>[^"\s]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex HyperlinkField();

}
