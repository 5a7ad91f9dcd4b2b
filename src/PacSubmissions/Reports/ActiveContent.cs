using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace PacSubmissions.Reports;

/// <summary>
/// Finds what makes a document act when HQ opens it, beyond showing text and pictures: a Word package's external
/// relationships other than hyperlinks (an attached template from a share, a linked sub-document or frame), imported
/// chunks, OLE objects, embedded files and ActiveX controls; an ODT's script bindings and its objects and sections linked
/// from outside; a PDF's JavaScript, launch, form-submission and rich-media actions and embedded files. The reading
/// still counts (the answers are the same), but the problem <see cref="ProblemCodes.ActiveContent"/> names each thing
/// found, so HQ opens the file knowing. Macros (a VBA project, LibreOffice Basic) stay <see cref="ProblemCodes.MacroEnabled"/>.
/// </summary>
internal static class ActiveContent
{
    private const int MaxNamed = 8;
    private const int MaxTargetLength = 100;
    private const int MaxPdfObjects = 200_000;

    /// <summary>Adds the <see cref="ProblemCodes.ActiveContent"/> problem naming what the reader found; the status stays the answers'.</summary>
    public static ReportReading Note(DocumentText document, ReportReading reading) =>
        document.ActiveContent.Count == 0
            ? reading
            : reading.WithProblem(new ReportProblem(ProblemCodes.ActiveContent,
                $"The file carries active content, which can fetch files from elsewhere or run when the file is opened: {string.Join("; ", document.ActiveContent)}. The answers were read; open the file with care, or ask the centre to save it again without it."));

    // ---------- Word ----------

    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>What each relationship type (by its last segment, the same in transitional and strict Open XML) is, in words.</summary>
    private static readonly Dictionary<string, string> WordRelationships = new(StringComparer.OrdinalIgnoreCase)
    {
        ["attachedTemplate"] = "an attached template",
        ["oleObject"] = "an OLE object",
        ["package"] = "an embedded file",
        ["control"] = "an ActiveX control",
        ["aFChunk"] = "imported content (altChunk)",
        ["subDocument"] = "a sub-document",
        ["frame"] = "a frame",
    };

    /// <summary>Every relationship part of a Word package, read for what makes the document fetch or run things.</summary>
    public static IReadOnlyList<string> InWordPackage(Stream package, ReportReaderOptions options)
    {
        package.Position = 0;
        var found = new List<string>();
        using (var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                // A chart keeps its data as an embedded workbook (a "package" relationship): that is how Word draws charts, nothing more.
                var fromChart = entry.FullName.Contains("/charts/", StringComparison.OrdinalIgnoreCase);
                foreach (var relationship in Relationships(entry, options))
                {
                    var type = ((string?)relationship.Attribute("Type") ?? "").Split('/')[^1];
                    var target = (string?)relationship.Attribute("Target") ?? "";
                    var external = string.Equals((string?)relationship.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
                    if (type.Equals("hyperlink", StringComparison.OrdinalIgnoreCase) || (fromChart && type.Equals("package", StringComparison.OrdinalIgnoreCase) && !external))
                    {
                        continue;
                    }

                    if (WordRelationships.TryGetValue(type, out var what))
                    {
                        found.Add(external ? $"{what} from {Shorten(target)}" : what);
                    }
                    else if (external)
                    {
                        found.Add($"a link ({type}) to {Shorten(target)}");
                    }
                }
            }
        }

        package.Position = 0;
        return Distinct(found);
    }

    private static List<XElement> Relationships(ZipArchiveEntry entry, ReportReaderOptions options)
    {
        try
        {
            using var content = entry.Open();
            using var reader = XmlReader.Create(content, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = options.MaxPartBytes });
            return XDocument.Load(reader).Root?.Elements(PackageRelationships + "Relationship").ToList() ?? [];
        }
        catch (XmlException)
        {
            // A relationship part that does not parse is the Word reader's to call damaged.
            return [];
        }
    }

    // ---------- OpenDocument ----------

    private static readonly XNamespace Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static readonly XNamespace Script = "urn:oasis:names:tc:opendocument:xmlns:script:1.0";
    private static readonly XNamespace Presentation = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0";
    private static readonly XNamespace Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static readonly XNamespace Draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>The elements whose xlink:href LibreOffice fetches on opening, in words.</summary>
    private static readonly Dictionary<XName, string> OdtLinkedElements = new()
    {
        [Text + "section-source"] = "a section linked",
        [Draw + "object"] = "an object linked",
        [Draw + "object-ole"] = "an OLE object linked",
        [Draw + "floating-frame"] = "a frame",
        [Draw + "plugin"] = "a plug-in",
        [Draw + "applet"] = "an applet",
        [Draw + "image"] = "a picture linked",
    };

    /// <summary>An ODT's content and styles, read for script bindings, embedded OLE objects, and objects or sections linked from outside.</summary>
    public static IReadOnlyList<string> InOdt(params XElement?[] roots)
    {
        var found = new List<string>();
        foreach (var element in roots.OfType<XElement>().SelectMany(r => r.DescendantsAndSelf()))
        {
            var href = element.Attribute(XLink + "href")?.Value ?? "";
            if (element.Name == Script + "event-listener" || element.Name == Presentation + "event-listener")
            {
                found.Add($"a script run on an event ({Shorten(element.Attribute(Script + "event-name")?.Value ?? "")}{(href.Length > 0 ? ": " + Shorten(href) : "")})");
            }
            else if (IsScriptUrl(href))
            {
                found.Add($"a link that runs a script ({Shorten(href)})");
            }
            else if (element.Name == Draw + "object-ole" && href.Length > 0 && !IsExternal(href))
            {
                found.Add("an embedded OLE object");
            }
            else if (OdtLinkedElements.TryGetValue(element.Name, out var what) && IsExternal(href)
                && !(element.Name == Draw + "image" && IsWebAddress(href)))
            {
                found.Add(element.Name == Draw + "floating-frame" || element.Name == Draw + "plugin" || element.Name == Draw + "applet"
                    ? $"{what} ({Shorten(href)})"
                    : $"{what} from {Shorten(href)}");
            }
        }

        return Distinct(found);
    }

    private static bool IsScriptUrl(string href) =>
        href.StartsWith("vnd.sun.star.script:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("macro:", StringComparison.OrdinalIgnoreCase)
        || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase);

    /// <summary>A target outside the package: an address with a scheme, a UNC or absolute path, or a path leaving the package.</summary>
    private static bool IsExternal(string href) =>
        href.Length > 0
        && (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is not "vnd.sun.star.pkg"
            || href.StartsWith('/') || href.StartsWith('\\') || href.StartsWith("../", StringComparison.Ordinal));

    private static bool IsWebAddress(string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    // ---------- PDF ----------

    /// <summary>Actions (the /S of an action dictionary) that run or send something, in words.</summary>
    private static readonly Dictionary<string, string> PdfActions = new(StringComparer.Ordinal)
    {
        ["JavaScript"] = "JavaScript",
        ["Launch"] = "an action that launches a program or file",
        ["SubmitForm"] = "a form that submits data",
        ["ImportData"] = "an action that imports data from a file",
        ["RichMediaExecute"] = "a rich-media action",
    };

    /// <summary>
    /// Every object the PDF's catalog and trailers lead to (its pages, annotations, name trees, actions), read as PdfPig
    /// parsed them, so a key hidden in a compressed object stream is found as surely as one in plain text.
    /// </summary>
    public static IReadOnlyList<string> InPdf(UglyToad.PdfPig.Structure structure, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var seen = new HashSet<IndirectReference>();
        var pending = new Stack<IToken>();
        pending.Push(structure.Catalog.CatalogDictionary);
        // Each revision's trailer too: LibreOffice's hybrid PDF names the document it carries there.
        foreach (var trailer in structure.CrossReferenceTable.Parts.Select(part => part.Dictionary).OfType<DictionaryToken>())
        {
            pending.Push(trailer);
        }

        while (pending.Count > 0 && seen.Count < MaxPdfObjects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (pending.Pop())
            {
                case IndirectReferenceToken reference when seen.Add(reference.Data):
                    if (Resolve(structure, reference.Data) is { } resolved)
                    {
                        pending.Push(resolved);
                    }

                    break;
                case StreamToken stream:
                    pending.Push(stream.StreamDictionary);
                    break;
                case ArrayToken array:
                    array.Data.ToList().ForEach(pending.Push);
                    break;
                case DictionaryToken dictionary:
                    Inspect(structure, dictionary, found);
                    foreach (var value in dictionary.Data.Values)
                    {
                        pending.Push(value);
                    }

                    break;
            }
        }

        return Distinct(found);
    }

    private static void Inspect(UglyToad.PdfPig.Structure structure, DictionaryToken dictionary, List<string> found)
    {
        if (Name(dictionary, "S") is { } action && PdfActions.TryGetValue(action, out var what))
        {
            found.Add(what);
        }
        else if (dictionary.Data.ContainsKey("JS"))
        {
            found.Add("JavaScript");
        }

        if (dictionary.Data.TryGetValue("OpenAction", out var open)
            && (open is IndirectReferenceToken reference ? Resolve(structure, reference.Data) : open) is DictionaryToken openAction
            && Name(openAction, "S") is "JavaScript" or "Launch")
        {
            found.Add($"an action run on opening ({(Name(openAction, "S") == "Launch" ? "launch" : "JavaScript")})");
        }

        if (dictionary.Data.ContainsKey("JavaScript"))
        {
            // The document's name tree of scripts (/Names << /JavaScript … >>), run when the file opens.
            found.Add("JavaScript");
        }

        if (dictionary.Data.ContainsKey("EmbeddedFiles") || Name(dictionary, "Type") == "EmbeddedFile" || Name(dictionary, "Subtype") == "FileAttachment")
        {
            found.Add("an embedded file");
        }

        if (dictionary.Data.ContainsKey("AdditionalStreams"))
        {
            // LibreOffice's hybrid PDF: LibreOffice opens the document it carries instead of the PDF's pages, unread here.
            found.Add("an embedded copy of the document it was made from (a LibreOffice hybrid PDF), which LibreOffice opens instead of the PDF");
        }

        if (Name(dictionary, "Subtype") == "RichMedia" || dictionary.Data.ContainsKey("RichMediaContent"))
        {
            found.Add("rich media (Flash or video that plays itself)");
        }
    }

    private static IToken? Resolve(UglyToad.PdfPig.Structure structure, IndirectReference reference)
    {
        try
        {
            return structure.GetObject(reference)?.Data;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An object PdfPig cannot parse holds nothing it could run either; the text reader decides about damage.
            return null;
        }
    }

    private static string? Name(DictionaryToken dictionary, string key) =>
        dictionary.Data.TryGetValue(key, out var value) && value is NameToken name ? name.Data : null;

    // ---------- shared ----------

    private static string Shorten(string text) =>
        text.Length <= MaxTargetLength ? text : string.Concat(text.AsSpan(0, MaxTargetLength), "…");

    private static List<string> Distinct(List<string> found) => [.. found.Distinct(StringComparer.Ordinal).Take(MaxNamed)];
}
