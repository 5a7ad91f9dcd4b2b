using System.IO.Compression;
using PacSubmissions.Exports;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Storage;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Exports;

public sealed class ReportsZipTests
{
    [Fact]
    public async Task ZipHoldsTheNewestReportOfEachCentreByteForByte()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var newest = await ExportScenario.SeedAsync(pipeline.Services);
        var exports = pipeline.Get<CampaignExports>();
        var path = Path.Combine(Path.GetTempPath(), $"reports-{Guid.NewGuid():N}.zip");
        try
        {
            // An HTTP response cannot seek: the archive must be written forward only.
            await using (var file = new ForwardOnlyStream(File.Create(path)))
            {
                await exports.WriteAsync((await exports.LoadAsync(ExportScenario.Year, CancellationToken.None))!, CampaignExportKind.Reports, file, CancellationToken.None);
            }

            using var archive = ZipFile.OpenRead(path);
            Assert.Equal(
                // Rio's newest file is a truncated DOCX the reader could not tell apart from noise: its format is unknown, so .bin.
                ["au-melbourne-2030.docx", "br-rio-2030.bin", "cn-beijing-2030.docx", "kr-seoul-2030.docx"],
                archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            foreach (var entry in archive.Entries)
            {
                var centre = entry.FullName[..entry.FullName.IndexOf("-2030", StringComparison.Ordinal)];
                var stored = (await pipeline.Get<PacStorage>().Reports.GetBlobClient(newest[centre]).DownloadContentAsync()).Value.Content.ToArray();
                await using var content = entry.Open();
                using var copy = new MemoryStream();
                await content.CopyToAsync(copy);
                Assert.Equal(stored, copy.ToArray());
            }

            // The newest version, not the first: Beijing's second upload.
            Assert.Equal(ExportScenario.Sample("china-2021.docx"), Read(archive.GetEntry("cn-beijing-2030.docx")!));
            Assert.Null(archive.GetEntry("za-pretoria-2030.docx"));
            Assert.DoesNotContain(archive.Entries, e => e.FullName.StartsWith("xx-closed", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ANewestReportMarkedMaliciousIsLeftOutAndTheZipSaysWhose()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var newest = await ExportScenario.SeedAsync(pipeline.Services);
        var store = pipeline.Get<SubmissionStore>();
        var seoul = Assert.Single(await store.ListAsync(ExportScenario.Year, CancellationToken.None), s => s.BlobName == newest["kr-seoul"]);
        await store.SaveAsync(seoul with { Check = seoul.Check! with { Problems = [new ReportProblem(ProblemCodes.Malicious, "The malware scan found a threat.")] } }, CancellationToken.None);
        var exports = pipeline.Get<CampaignExports>();

        using var zip = new MemoryStream();
        await exports.WriteAsync((await exports.LoadAsync(ExportScenario.Year, CancellationToken.None))!, CampaignExportKind.Reports, zip, CancellationToken.None);

        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        Assert.Null(archive.GetEntry("kr-seoul-2030.docx"));
        Assert.NotNull(archive.GetEntry("cn-beijing-2030.docx"));
        using var note = new StreamReader(archive.GetEntry(ReportsZip.LeftOutNoteName)!.Open());
        Assert.Contains("kr-seoul: ", await note.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pdf", "kz-almaty-2030.pdf")]
    [InlineData("odt", "kz-almaty-2030.odt")]
    [InlineData("docx", "kz-almaty-2030.docx")]
    [InlineData("unknown", "kz-almaty-2030.bin")]
    [InlineData(null, "kz-almaty-2030.bin")]
    public void EntryIsNamedAfterCentreYearAndFormat(string? format, string expected)
    {
        var at = DateTimeOffset.UnixEpoch;
        var check = format is null ? null : new SubmissionCheck(ReportStatus.Valid, format, [], [], [], null, null, null, [], [], 1, 1);
        Assert.Equal(expected, ReportFileNames.Of(new Submission("kz-almaty", 2030, "id", "b", "x.docx", 1, "", at, false, at, check)));
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var content = entry.Open();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>A stream that only goes forward, like a response body.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
