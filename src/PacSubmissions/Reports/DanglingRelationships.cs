using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace PacSubmissions.Reports;

/// <summary>
/// Word packages whose relationships name a part the package does not hold (27 of ONLYOFFICE's 45 blank templates
/// have one, so documents begun from them do too). Word opens them; the Open XML SDK refuses the whole package. Such a
/// relationship points at nothing, so it is dropped from a copy of the package before the SDK opens it; a package that
/// has none is passed on as it is. A part the document really needs (its body) stays missing, and is reported so.
/// </summary>
internal static class DanglingRelationships
{
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    public static Stream Remove(Stream package, ReportReaderOptions options)
    {
        package.Position = 0;
        var repaired = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true))
        {
            var parts = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                if (WithoutDangling(entry, parts, options) is { } fixedXml)
                {
                    repaired[entry.FullName] = fixedXml;
                }
            }

            if (repaired.Count > 0)
            {
                return Rewrite(zip, repaired);
            }
        }

        package.Position = 0;
        return package;
    }

    /// <summary>The relationships part without its dangling relationships, or null when it has none (or cannot be parsed: the SDK will say so).</summary>
    private static string? WithoutDangling(ZipArchiveEntry entry, HashSet<string> parts, ReportReaderOptions options)
    {
        XDocument document;
        try
        {
            using var content = entry.Open();
            using var reader = XmlReader.Create(content, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = options.MaxPartBytes });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        // "word/_rels/document.xml.rels" describes "word/document.xml": its relative targets start from "word/".
        var folder = entry.FullName[..(entry.FullName.LastIndexOf("_rels/", StringComparison.Ordinal) is var at and >= 0 ? at : 0)];
        var dangling = document.Root?.Elements(Relationships + "Relationship")
            .Where(r => !string.Equals((string?)r.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
            .Where(r => Resolve(folder, (string?)r.Attribute("Target")) is { } target && !parts.Contains(target))
            .ToList() ?? [];
        if (dangling.Count == 0)
        {
            return null;
        }

        dangling.ForEach(r => r.Remove());
        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The zip entry name a relationship target means, or null for one that is no part name at all.</summary>
    private static string? Resolve(string folder, string? target)
    {
        if (string.IsNullOrEmpty(target) || !Uri.TryCreate(new Uri("pack://package/" + folder), target, out var resolved))
        {
            return null;
        }

        return Uri.UnescapeDataString(resolved.AbsolutePath).TrimStart('/');
    }

    private static MemoryStream Rewrite(ZipArchive zip, Dictionary<string, string> repaired)
    {
        var copy = new MemoryStream();
        using (var output = new ZipArchive(copy, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in zip.Entries)
            {
                using var target = output.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (repaired.TryGetValue(entry.FullName, out var xml))
                {
                    using var writer = new StreamWriter(target, new System.Text.UTF8Encoding(false));
                    writer.Write(xml);
                }
                else
                {
                    using var source = entry.Open();
                    source.CopyTo(target);
                }
            }
        }

        copy.Position = 0;
        return copy;
    }
}
