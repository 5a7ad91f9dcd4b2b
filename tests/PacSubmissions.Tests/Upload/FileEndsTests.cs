using System.IO.Compression;
using System.Text;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Upload;

/// <summary>What counts as a whole file at upload: the last 64 KiB must close the format's structure.</summary>
public sealed class FileEndsTests
{
    private static bool IsWhole(string format, byte[] file) =>
        FileEnds.IsWhole(format, file.AsSpan(Math.Max(0, file.Length - FileEnds.TailBytes)), file.Length);

    private static byte[] Zip(string? comment = null)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                writer.Write("<Types/>");
            }

            if (comment is not null)
            {
                zip.Comment = comment;
            }
        }

        return memory.ToArray();
    }

    [Fact]
    public void AZipWithItsDirectoryAndEndRecordIsWhole() => Assert.True(IsWhole(ReportFormat.Docx, Zip()));

    [Fact]
    public void AZipWithALongCommentAfterItsEndRecordIsWhole() => Assert.True(IsWhole(ReportFormat.Odt, Zip(new string('c', 30_000))));

    [Fact]
    public void AZipCutAnywhereBeforeItsEndIsNotWhole()
    {
        var zip = Zip();

        Assert.All(Enumerable.Range(1, 21), cut => Assert.False(IsWhole(ReportFormat.Docx, zip[..^cut])));
    }

    [Fact]
    public void AnEndRecordWhoseDirectoryLiesPastItIsNotWhole()
    {
        // The first half of a package with an end record pasted on: its directory offset points beyond what is there.
        var zip = Zip();
        var end = zip[^22..];
        byte[] forged = [.. zip[..(zip.Length / 3)], .. end];

        Assert.False(IsWhole(ReportFormat.Docx, forged));
    }

    [Fact]
    public void APdfWithItsTrailerIsWholeEvenWithBytesAfterIt()
    {
        var pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\nxref\n0 1\ntrailer\n<<>>\nstartxref\n9\n%%EOF\n"u8.ToArray();

        Assert.True(IsWhole(ReportFormat.Pdf, pdf));
        Assert.True(IsWhole(ReportFormat.Pdf, [.. pdf, .. new byte[2000]]));
        Assert.False(IsWhole(ReportFormat.Pdf, pdf[..^8]));
        Assert.False(IsWhole(ReportFormat.Pdf, "%PDF-1.7\n%%EOF\n"u8.ToArray()));
    }

    [Fact]
    public void APdfWhoseTrailerIsFurtherThan64KibFromTheEndIsNotWhole()
    {
        var pdf = "%PDF-1.7\nstartxref\n9\n%%EOF\n"u8.ToArray();

        Assert.False(IsWhole(ReportFormat.Pdf, [.. pdf, .. new byte[FileEnds.TailBytes]]));
    }
}
