using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using System.Xml.Linq;

namespace PacSubmissions.Tests.Upload;

/// <summary>
/// A real sample report made as large as reports with photographs are: the sample's DOCX with a big picture added the
/// way Word keeps one (a PNG under <c>word/media/</c>, its relationship and its content type). The picture is noise,
/// so it does not compress: the file is as large on the wire as it is on disk.
/// </summary>
public static class LargeReport
{
    public static byte[] Docx(string sample, int approximateBytes)
    {
        using var buffer = new MemoryStream();
        buffer.Write(UploadSite.Sample(sample));
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            Rewrite(zip, "[Content_Types].xml", types =>
            {
                XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
                if (!types.Root!.Elements(ns + "Default").Any(d => string.Equals((string?)d.Attribute("Extension"), "png", StringComparison.OrdinalIgnoreCase)))
                {
                    types.Root.AddFirst(new XElement(ns + "Default", new XAttribute("Extension", "png"), new XAttribute("ContentType", "image/png")));
                }
            });
            Rewrite(zip, "word/_rels/document.xml.rels", relationships =>
            {
                XNamespace ns = "http://schemas.openxmlformats.org/package/2006/relationships";
                relationships.Root!.Add(new XElement(ns + "Relationship", new XAttribute("Id", "rIdLargePhoto"),
                    new XAttribute("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"),
                    new XAttribute("Target", "media/large-photo.png")));
            });
            using var picture = zip.CreateEntry("word/media/large-photo.png", CompressionLevel.NoCompression).Open();
            var side = (int)Math.Sqrt(approximateBytes / 3.0);
            WriteNoisePng(picture, side, side);
        }

        return buffer.ToArray();
    }

    private static void Rewrite(ZipArchive zip, string name, Action<XDocument> change)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"The sample has no {name}.");
        XDocument document;
        using (var stream = entry.Open())
        {
            document = XDocument.Load(stream);
        }

        change(document);
        entry.Delete();
        using var rewritten = zip.CreateEntry(name).Open();
        document.Save(rewritten);
    }

    /// <summary>An 8-bit RGB PNG of seeded noise: signature, IHDR, one IDAT of stored zlib blocks, IEND.</summary>
    private static void WriteNoisePng(Stream output, int width, int height)
    {
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        WriteChunk(output, "IHDR", header);

        var random = new Random(16);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.NoCompression, leaveOpen: true))
        {
            var row = new byte[1 + (width * 3)];
            for (var y = 0; y < height; y++)
            {
                random.NextBytes(row.AsSpan(1));
                row[0] = 0; // no filter
                zlib.Write(row);
            }
        }

        WriteChunk(output, "IDAT", pixels.ToArray());
        WriteChunk(output, "IEND", []);
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        Span<byte> checksum = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(checksum, crc.GetCurrentHashAsUInt32());
        output.Write(checksum);
    }
}
