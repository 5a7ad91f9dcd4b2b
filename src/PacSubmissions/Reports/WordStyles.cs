using DocumentFormat.OpenXml.Wordprocessing;

namespace PacSubmissions.Reports;

/// <summary>Answers "is this bold?" and "is this a heading?" through a DOCX's style chain (styles inherit via basedOn).</summary>
internal sealed class WordStyles(Styles? styles)
{
    private const int MaxDepth = 10;

    private readonly Dictionary<string, Style> byId = (styles?.Elements<Style>() ?? [])
        .Where(s => s.StyleId?.Value is not null)
        .GroupBy(s => s.StyleId!.Value!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public bool IsBold(Run run, string? paragraphStyleId)
    {
        if (run.RunProperties?.Bold is { } bold)
        {
            return bold.Val?.Value ?? true;
        }

        return StyleBold(run.RunProperties?.RunStyle?.Val?.Value) ?? StyleBold(paragraphStyleId) ?? false;
    }

    public bool IsHeading(string? styleId)
    {
        for (var (id, depth) = (styleId, 0); id is not null && depth < MaxDepth; depth++)
        {
            if (id.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || id.Equals("Title", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (!byId.TryGetValue(id, out var style))
            {
                return false;
            }

            // Built-in style names stay English ("heading 1") whatever the UI language; the ids do not ("berschrift1").
            var name = style.StyleName?.Val?.Value ?? "";
            if (name.StartsWith("heading", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase)
                || style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is < 9)
            {
                return true;
            }

            id = style.BasedOn?.Val?.Value;
        }

        return false;
    }

    private bool? StyleBold(string? styleId)
    {
        for (var (id, depth) = (styleId, 0); id is not null && depth < MaxDepth; depth++)
        {
            if (!byId.TryGetValue(id, out var style))
            {
                return null;
            }

            if (style.StyleRunProperties?.Bold is { } bold)
            {
                return bold.Val?.Value ?? true;
            }

            id = style.BasedOn?.Val?.Value;
        }

        return null;
    }
}
