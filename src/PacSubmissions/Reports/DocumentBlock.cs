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
/// </summary>
internal sealed record DocumentBlock(string Text, BlockKind Kind, string? EmphasizedPrefix = null);

/// <summary>What a format reader hands to the form analysis: the blocks in reading order and the page count.</summary>
internal sealed record DocumentText(string Format, IReadOnlyList<DocumentBlock> Blocks, int Pages);
