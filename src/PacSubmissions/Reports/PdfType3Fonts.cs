using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Graphics.Operations.TextShowing;
using UglyToad.PdfPig.Graphics.Operations.TextState;
using UglyToad.PdfPig.Tokens;

namespace PacSubmissions.Reports;

/// <summary>
/// Which letters of a page are drawn in a bold Type 3 font. PdfPig names every Type 3 font "Type3", with no weight, but
/// browsers embed CJK (CFF) fonts as Type 3 fonts whose font descriptor keeps the real name and weight
/// ("NotoSansCJKsc-Bold", /FontWeight 700). PdfPig makes one letter per glyph code of the content stream's text
/// operations, in order, so the font set before each operation is matched to its letters; when the count of codes and
/// letters disagree (text in form XObjects, say), nothing is claimed. A browser also draws the synthetic bold of a font
/// that has no bold face as a Type 3 copy of it, named like the regular face it embeds beside it.
/// </summary>
internal static class PdfType3Fonts
{
    /// <summary>A font's name without the subset tag ("AAAAAA+DejaVuSans" is "DejaVuSans").</summary>
    private static string Face(string fontName) => fontName.Length > 7 && fontName[6] == '+' ? fontName[7..] : fontName;

    /// <summary>A font named for a bold weight ("Arial-BoldMT", "…-Black", "…-Heavy", "…-Semibold").</summary>
    public static bool IsBoldName(string fontName) =>
        fontName.Contains("Bold", StringComparison.OrdinalIgnoreCase) || fontName.Contains("Black", StringComparison.OrdinalIgnoreCase)
        || fontName.Contains("Heavy", StringComparison.OrdinalIgnoreCase) || fontName.Contains("Semibold", StringComparison.OrdinalIgnoreCase);

    private sealed record FontFacts(bool TwoByteCodes, bool Bold);

    public static HashSet<Letter> BoldLetters(Page page, PdfDocument document)
    {
        var bold = new HashSet<Letter>(ReferenceEqualityComparer.Instance);
        var letters = page.Letters;
        if (!letters.Any(l => l.FontName == "Type3"))
        {
            return bold;
        }

        var fonts = Fonts(page, document);
        var current = new FontFacts(false, false);
        var index = 0;
        foreach (var operation in page.Operations)
        {
            var bytes = operation switch
            {
                SetFontAndSize set => Set(fonts.GetValueOrDefault(set.Font.Data) ?? new FontFacts(false, false)),
                ShowText show => show.Bytes.Length,
                MoveToNextLineShowText show => show.Bytes.Length,
                MoveToNextLineShowTextWithSpacing show => show.Bytes.Length,
                ShowTextsWithPositioning show => show.Array.Sum(t => t switch { HexToken hex => hex.Memory.Length, StringToken text => text.GetBytes().Length, _ => 0 }),
                _ => 0,
            };
            var codes = current.TwoByteCodes ? bytes / 2 : bytes;
            for (var i = 0; i < codes && index < letters.Count; i++, index++)
            {
                if (current.Bold)
                {
                    bold.Add(letters[index]);
                }
            }
        }

        return index == letters.Count ? bold : [];

        int Set(FontFacts facts)
        {
            current = facts;
            return 0;
        }
    }

    private static Dictionary<string, FontFacts> Fonts(Page page, PdfDocument document)
    {
        IToken? Resolve(IToken? token) => token is IndirectReferenceToken reference ? document.Structure.GetObject(reference.Data)?.Data : token;

        var fonts = new Dictionary<string, FontFacts>(StringComparer.Ordinal);
        if (Resolve(page.Dictionary.TryGet(NameToken.Resources, out var resources) ? resources : null) is not DictionaryToken resourceDictionary
            || Resolve(resourceDictionary.TryGet(NameToken.Font, out var fontToken) ? fontToken : null) is not DictionaryToken fontDictionary)
        {
            return fonts;
        }

        var described = new List<(string Resource, string Subtype, string FontName, double Weight, double ItalicAngle)>();
        foreach (var (name, value) in fontDictionary.Data)
        {
            if (Resolve(value) is not DictionaryToken font)
            {
                continue;
            }

            var subtype = font.TryGet(NameToken.Subtype, out var subtypeToken) && subtypeToken is NameToken n ? n.Data : "";
            var descriptor = Resolve(font.TryGet(NameToken.FontDescriptor, out var descriptorToken) ? descriptorToken : null) as DictionaryToken;
            if (subtype == "Type0" && font.TryGet(NameToken.BaseFont, out var baseFont) && baseFont is NameToken b)
            {
                described.Add((name, subtype, b.Data, 0, 0));
                continue;
            }

            var fontName = descriptor is not null && descriptor.TryGet(NameToken.FontName, out var fontNameToken) && fontNameToken is NameToken f ? f.Data : "";
            var weight = descriptor is not null && descriptor.TryGet(NameToken.FontWeight, out var weightToken) && weightToken is NumericToken w ? w.Double : 0;
            var angle = descriptor is not null && descriptor.TryGet(NameToken.ItalicAngle, out var angleToken) && angleToken is NumericToken a ? a.Double : 0;
            described.Add((name, subtype, fontName, weight, angle));
        }

        // A Type 3 copy of a face the page also embeds as a real font, upright, is the browser's synthetic bold of it.
        var embedded = described.Where(d => d.Subtype != "Type3").Select(d => Face(d.FontName)).ToHashSet(StringComparer.Ordinal);
        foreach (var (resource, subtype, fontName, weight, angle) in described)
        {
            fonts[resource] = new FontFacts(subtype == "Type0",
                subtype == "Type3" && (weight >= 600 || IsBoldName(fontName) || (angle == 0 && fontName.Length > 0 && embedded.Contains(Face(fontName)))));
        }

        return fonts;
    }
}
