using System.Text;
using PacSubmissions.Html;

namespace PacSubmissions.Email;

/// <summary>
/// Builds an e-mail's two parts from the same pieces, in order: the plain text here, the HTML as the
/// <see cref="EmailHtml"/> component, so every value (a centre's name, a file name, a problem) is escaped by Razor's
/// encoder and none can become markup.
/// </summary>
internal sealed partial class EmailBody(string language = "en", bool rightToLeft = false)
{
    private readonly List<EmailBlock> _blocks = [];

    public EmailBody Paragraph(string text) => Add(new EmailParagraph(text));

    /// <summary>
    /// Text someone typed (HQ's message): a paragraph at each blank line, each line break kept, every character
    /// encoded as text in the HTML part like any other value.
    /// </summary>
    public EmailBody Typed(string text)
    {
        foreach (var paragraph in ParagraphBreak().Split(text.ReplaceLineEndings("\n").Trim()).Where(p => p.Trim().Length > 0))
        {
            Add(new EmailLines([.. paragraph.Split('\n').Select(line => line.TrimEnd())]));
        }

        return this;
    }

    public EmailBody Facts(IEnumerable<(string Label, string Value)> facts) =>
        Add(new EmailFacts([.. facts.Select(f => new EmailFact(f.Label, f.Value))]));

    public EmailBody List(IEnumerable<string> items) => Add(new EmailList([.. items]));

    public EmailBody Link(Uri url) => Add(new EmailLink(url.AbsoluteUri));

    public async Task<(string Text, string Html)> BuildAsync(HtmlPages pages, CancellationToken cancellationToken)
    {
        var html = await pages.RenderAsync<EmailHtml>(new Dictionary<string, object?>
        {
            [nameof(EmailHtml.Language)] = language,
            [nameof(EmailHtml.RightToLeft)] = rightToLeft,
            [nameof(EmailHtml.Blocks)] = _blocks,
        }, cancellationToken);
        return (PlainText(), html);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\n[ \t]*\n")]
    private static partial System.Text.RegularExpressions.Regex ParagraphBreak();

    private EmailBody Add(EmailBlock block)
    {
        _blocks.Add(block);
        return this;
    }

    private string PlainText()
    {
        var text = new StringBuilder();
        foreach (var block in _blocks)
        {
            _ = block switch
            {
                EmailParagraph paragraph => text.Append(paragraph.Text).Append("\n\n"),
                EmailFacts facts => facts.Facts.Aggregate(text, (t, f) => t.Append(f.Label).Append(": ").Append(f.Value).Append('\n')).Append('\n'),
                EmailList list => list.Items.Aggregate(text, (t, item) => t.Append("- ").Append(item).Append('\n')).Append('\n'),
                EmailLines lines => text.AppendJoin('\n', lines.Lines).Append("\n\n"),
                EmailLink link => text.Append(link.Address).Append("\n\n"),
                _ => throw new InvalidOperationException($"An e-mail piece of unknown kind: {block.GetType().Name}."),
            };
        }

        return text.ToString().TrimEnd() + "\n";
    }
}

/// <summary>One piece of an e-mail, shown the same way in its plain-text and HTML parts.</summary>
public abstract record EmailBlock;

internal sealed record EmailParagraph(string Text) : EmailBlock;

/// <summary>Labelled values ("File: report.docx"): a table in the HTML part.</summary>
/// <summary>A paragraph whose line breaks are kept: someone's own typed text.</summary>
internal sealed record EmailLines(IReadOnlyList<string> Lines) : EmailBlock;

internal sealed record EmailFacts(IReadOnlyList<EmailFact> Facts) : EmailBlock;

internal sealed record EmailFact(string Label, string Value);

internal sealed record EmailList(IReadOnlyList<string> Items) : EmailBlock;

/// <summary>An address on a line of its own, written out in full (a mail program may show no link).</summary>
internal sealed record EmailLink(string Address) : EmailBlock;
