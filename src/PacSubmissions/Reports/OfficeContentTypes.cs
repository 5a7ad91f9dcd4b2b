using System.Xml;
using System.Xml.Linq;

namespace PacSubmissions.Reports;

/// <summary>
/// Reads an Office file's <c>[Content_Types].xml</c> to tell whether the document itself carries macros: its main part
/// is macro-enabled (.docm, .dotm) or it has a VBA project of its own. A spreadsheet embedded in a chart may be an
/// .xlsm; its content type is listed too, but its macros live inside that embedded file and never run in the report.
/// </summary>
internal static class OfficeContentTypes
{
    private static readonly XNamespace Types = "http://schemas.openxmlformats.org/package/2006/content-types";

    public static bool HasMacros(string contentTypesXml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(contentTypesXml.TrimStart('\uFEFF')), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            // Unparseable: judge by the text, as a damaged file with macros must still not slip through.
            return contentTypesXml.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
                || contentTypesXml.Contains("vbaProject", StringComparison.OrdinalIgnoreCase);
        }

        var overrides = document.Root?.Elements(Types + "Override")
            .Select(o => (Part: (string?)o.Attribute("PartName") ?? "", Type: (string?)o.Attribute("ContentType") ?? ""))
            .ToList() ?? [];
        var defaults = document.Root?.Elements(Types + "Default")
            .Select(d => (Extension: (string?)d.Attribute("Extension") ?? "", Type: (string?)d.Attribute("ContentType") ?? ""))
            .ToList() ?? [];
        // The document's own parts are named by an Override, or by the Default for .xml (and .bin for a VBA project);
        // a Default for .xlsm or .docm only says how embedded files of that kind are typed.
        var macroMain = overrides.Any(o => !IsEmbedded(o.Part) && IsMacroType(o.Type))
            || defaults.Any(d => d.Extension is "xml" or "bin" && IsMacroType(d.Type));
        return macroMain;
    }

    private static bool IsMacroType(string contentType) =>
        contentType.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || contentType.Contains("vbaProject", StringComparison.OrdinalIgnoreCase);

    private static bool IsEmbedded(string partName) =>
        partName.Contains("/embeddings/", StringComparison.OrdinalIgnoreCase);
}
