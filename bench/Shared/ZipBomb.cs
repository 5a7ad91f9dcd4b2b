using System.IO.Compression;

namespace PacSubmissions.Bench;

/// <summary>A DOCX-shaped zip whose document part inflates to a given size of spaces (about 1 MB compressed per GB).</summary>
internal static class ZipBomb
{
    public static void Write(Stream destination, long expandedBytes)
    {
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
        {
            types.Write("""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
        }

        using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
        var chunk = new byte[1024 * 1024];
        chunk.AsSpan().Fill((byte)' ');
        for (long written = 0; written < expandedBytes; written += chunk.Length)
        {
            part.Write(chunk);
        }
    }
}
