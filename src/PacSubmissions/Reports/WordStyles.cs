using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PacSubmissions.Reports;

/// <summary>
/// Answers "is this run bold, italic, hidden, how large?" and "is this a heading?" the way Word decides it: the run's
/// own properties, then its character style, then its paragraph style (or the default paragraph style), each through
/// its basedOn chain, then the document defaults.
/// </summary>
internal sealed class WordStyles
{
    private const int MaxDepth = 10;

    /// <summary>Word's size when neither the styles nor the defaults give one: 10 pt, in half-points.</summary>
    private const int WordDefaultHalfPoints = 20;

    private readonly Dictionary<string, Style> byId;
    private readonly string? defaultParagraphStyleId;
    private readonly OpenXmlElement? documentDefaults;

    public WordStyles(Styles? styles)
    {
        var all = styles?.Elements<Style>().ToList() ?? [];
        byId = all.Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        defaultParagraphStyleId = all.FirstOrDefault(s => s.Type?.Value == StyleValues.Paragraph && s.Default?.Value == true)?.StyleId?.Value;
        documentDefaults = styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle;
        BodyHalfPoints = Resolve(null, null, HalfPoints) ?? WordDefaultHalfPoints;
    }

    /// <summary>The size of the body text (the default paragraph style's), in half-points, which subdued text is smaller than.</summary>
    public int BodyHalfPoints { get; }

    public bool IsBold(Run run, string? paragraphStyleId) => Resolve(run, paragraphStyleId, Toggle<Bold>) ?? false;

    public bool IsHidden(Run run, string? paragraphStyleId) => Resolve(run, paragraphStyleId, Toggle<Vanish>) ?? false;

    /// <summary>Italic, or set smaller than the body text: how forms print their hints.</summary>
    public bool IsSubdued(Run run, string? paragraphStyleId) =>
        (Resolve(run, paragraphStyleId, Toggle<Italic>) ?? false)
        || (Resolve(run, paragraphStyleId, HalfPoints) ?? BodyHalfPoints) < BodyHalfPoints;

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

    private static bool? Toggle<T>(OpenXmlElement properties)
        where T : OnOffType =>
        properties.GetFirstChild<T>() is { } toggle ? toggle.Val?.Value ?? true : null;

    private static int? HalfPoints(OpenXmlElement properties) =>
        int.TryParse(properties.GetFirstChild<FontSize>()?.Val?.Value, out var halfPoints) && halfPoints > 0 ? halfPoints : null;

    private T? Resolve<T>(Run? run, string? paragraphStyleId, Func<OpenXmlElement, T?> read)
        where T : struct
    {
        if (run?.RunProperties is { } direct && read(direct) is { } value)
        {
            return value;
        }

        return FromStyle(run?.RunProperties?.RunStyle?.Val?.Value, read)
            ?? FromStyle(paragraphStyleId ?? defaultParagraphStyleId, read)
            ?? (documentDefaults is null ? null : read(documentDefaults));
    }

    private T? FromStyle<T>(string? styleId, Func<OpenXmlElement, T?> read)
        where T : struct
    {
        for (var (id, depth) = (styleId, 0); id is not null && depth < MaxDepth; depth++)
        {
            if (!byId.TryGetValue(id, out var style))
            {
                return null;
            }

            if (style.StyleRunProperties is { } properties && read(properties) is { } value)
            {
                return value;
            }

            id = style.BasedOn?.Val?.Value;
        }

        return null;
    }
}
