using System.Globalization;
using System.Xml.Linq;

namespace PacSubmissions.Reports;

/// <summary>
/// The formatting of an ODT's styles as LibreOffice resolves it: a span's text style (and its parents), then the
/// paragraph's style (automatic styles in content.xml, named ones in styles.xml, each through its parents), then the
/// default paragraph style. Text and paragraph styles are separate families that may share a name.
/// </summary>
internal sealed class OdtStyles
{
    private const int MaxDepth = 10;
    private const double DefaultBodyPoints = 12;

    private static readonly XNamespace Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static readonly XNamespace Style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static readonly XNamespace Fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
    private static readonly XNamespace Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    private sealed record Entry(string? Parent, string? Weight, string? FontStyle, string? Size, string? Display, bool PageBreak, bool Outline);

    private readonly Dictionary<(string Family, string Name), Entry> byName = [];
    private readonly Entry? paragraphDefault;
    private readonly double bodyPoints;

    public OdtStyles(XElement? stylesRoot, XElement contentRoot)
    {
        // Later sources win: automatic styles in content.xml are the ones the body names.
        foreach (var container in new[]
        {
            stylesRoot?.Element(Office + "styles"), stylesRoot?.Element(Office + "automatic-styles"), contentRoot.Element(Office + "automatic-styles"),
        })
        {
            foreach (var style in container?.Elements(Style + "style") ?? [])
            {
                if (style.Attribute(Style + "name")?.Value is { } name)
                {
                    byName[(style.Attribute(Style + "family")?.Value ?? "paragraph", name)] = Read(style);
                }
            }
        }

        paragraphDefault = stylesRoot?.Element(Office + "styles")?.Elements(Style + "default-style")
            .Where(s => s.Attribute(Style + "family")?.Value == "paragraph").Select(Read).FirstOrDefault();
        bodyPoints = Points(Resolve("paragraph", "Standard", e => e.Size) ?? paragraphDefault?.Size, DefaultBodyPoints) ?? DefaultBodyPoints;
    }

    private static Entry Read(XElement style)
    {
        var text = style.Element(Style + "text-properties");
        return new Entry(style.Attribute(Style + "parent-style-name")?.Value,
            text?.Attribute(Fo + "font-weight")?.Value,
            text?.Attribute(Fo + "font-style")?.Value,
            text?.Attribute(Fo + "font-size")?.Value,
            text?.Attribute(Text + "display")?.Value,
            style.Element(Style + "paragraph-properties")?.Attribute(Fo + "break-before")?.Value == "page",
            style.Attribute(Style + "default-outline-level") is not null);
    }

    public bool IsBold(string? paragraphStyle, IReadOnlyList<string> spans)
    {
        foreach (var span in spans)
        {
            if (Bold("text", span) is { } bold)
            {
                return bold;
            }
        }

        return Bold("paragraph", paragraphStyle) ?? false;
    }

    /// <summary>Italic, or smaller than the body text: how forms print their hints.</summary>
    public bool IsSubdued(string? paragraphStyle, IReadOnlyList<string> spans)
    {
        var fontStyle = First(paragraphStyle, spans, e => e.FontStyle);
        var size = First(paragraphStyle, spans, e => e.Size);
        return fontStyle is "italic" or "oblique" || Points(size, bodyPoints) < bodyPoints - 0.25;
    }

    public bool IsHidden(string? paragraphStyle, IReadOnlyList<string> spans) => First(paragraphStyle, spans, e => e.Display) == "none";

    public bool IsHeading(string? paragraphStyle) =>
        Resolve("paragraph", paragraphStyle, e => e.Outline ? "yes" : null, name => name.StartsWith("Heading", StringComparison.OrdinalIgnoreCase)) is not null;

    public int PageBreaks(XElement body) =>
        body.Descendants().Count(e => e.Attribute(Text + "style-name")?.Value is { } name
            && byName.TryGetValue(("paragraph", name), out var style) && style.PageBreak);

    private bool? Bold(string family, string? name) =>
        Resolve(family, name, e => e.Weight, n => n.Contains("Heading", StringComparison.OrdinalIgnoreCase) || n.Contains("Strong", StringComparison.OrdinalIgnoreCase))
            is { } weight ? weight is "bold" or "600" or "700" or "800" or "900" || weight == KnownByName : null;

    private string? First(string? paragraphStyle, IReadOnlyList<string> spans, Func<Entry, string?> property) =>
        spans.Select(span => Resolve("text", span, property)).FirstOrDefault(v => v is not null)
        ?? Resolve("paragraph", paragraphStyle, property)
        ?? (paragraphDefault is null ? null : property(paragraphDefault));

    /// <summary>Stands for "bold by its name" when a file names a style ("Strong_20_Emphasis") it does not define.</summary>
    private const string KnownByName = "\u0001";

    private string? Resolve(string family, string? name, Func<Entry, string?> property, Func<string, bool>? byItsName = null)
    {
        for (var depth = 0; name is not null && depth < MaxDepth; depth++)
        {
            if (!byName.TryGetValue((family, name), out var entry))
            {
                return byItsName?.Invoke(name) == true ? KnownByName : null;
            }

            if (property(entry) is { } value)
            {
                return value;
            }

            name = entry.Parent;
        }

        return null;
    }

    /// <summary>A font size in points: "9pt", "0.35cm", or a percentage of <paramref name="relativeTo"/>.</summary>
    private static double? Points(string? size, double relativeTo)
    {
        if (size is null)
        {
            return null;
        }

        (string Unit, double Factor)[] units = [("pt", 1), ("cm", 72 / 2.54), ("mm", 72 / 25.4), ("in", 72), ("pc", 12), ("px", 0.75), ("%", relativeTo / 100)];
        foreach (var (unit, factor) in units)
        {
            if (size.EndsWith(unit, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(size[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value * factor;
            }
        }

        return null;
    }
}
