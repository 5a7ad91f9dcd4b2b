namespace PacSubmissions.Reports;

/// <summary>How a block of text stands out on the page, which decides whether it can be one of the form's questions.</summary>
internal enum BlockKind
{
    /// <summary>Ordinary body text: an answer, unless it is short and reads exactly like a question.</summary>
    Text,

    /// <summary>Bold or a heading style: where people put the form's questions.</summary>
    Emphasized,

    /// <summary>The left cell of a two-column row: the question column of a question/answer table.</summary>
    TableLabel,
}

/// <summary>
/// One paragraph, heading or table cell of a document, in reading order, in the same shape whatever the format.
/// <see cref="EmphasizedPrefix"/> is the bold start of a paragraph that goes on in plain text ("Local cooperation: we …").
/// The format readers fill the other facts where the format has them; the form analysis decides what they mean.
/// </summary>
internal sealed record DocumentBlock(string Text, BlockKind Kind, string? EmphasizedPrefix = null)
{
    /// <summary>The tag of the Word content control (<c>w:sdt</c>) the block stands in, as Word saved it; null outside one.</summary>
    public string? ControlTag { get; init; }

    /// <summary>The block is a content control still showing its placeholder (<c>w:showingPlcHdr</c>): no one typed it.</summary>
    public bool IsPlaceholder { get; init; }

    /// <summary>Every run of the block is de-emphasised against the body (italic, or smaller than the body text): how forms print hints.</summary>
    public bool IsSubdued { get; init; }

    /// <summary>E-mail addresses the block links to (<c>mailto:</c> targets) that its visible text may not show.</summary>
    public IReadOnlyList<string> LinkedEmails { get; init; } = [];

    /// <summary>The left cell of a question/answer row as one label block, carrying what its paragraphs carried; null when the cell is empty.</summary>
    public static DocumentBlock? TableLabel(IReadOnlyList<DocumentBlock> parts)
    {
        var text = TextCleaner.Collapse(string.Join(" ", parts.Select(p => p.Text)));
        return text.Length == 0
            ? null
            : new DocumentBlock(text, BlockKind.TableLabel)
            {
                ControlTag = parts.Select(p => p.ControlTag).FirstOrDefault(t => t is not null),
                IsPlaceholder = parts.All(p => p.IsPlaceholder),
                IsSubdued = parts.All(p => p.IsSubdued),
                LinkedEmails = [.. parts.SelectMany(p => p.LinkedEmails).Distinct(StringComparer.OrdinalIgnoreCase)],
            };
    }
}

/// <summary>What a format reader hands to the form analysis: the blocks in reading order and the page count.</summary>
internal sealed record DocumentText(string Format, IReadOnlyList<DocumentBlock> Blocks, int Pages)
{
    /// <summary>Pages (1-based) that could not be read and were left out; the rest of the document was read.</summary>
    public IReadOnlyList<int> SkippedPages { get; init; } = [];

    /// <summary>What in the file acts when it is opened (<see cref="Reports.ActiveContent"/>), each in a few words; empty for a plain document.</summary>
    public IReadOnlyList<string> ActiveContent { get; init; } = [];
}
