using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Exports;

/// <summary><c>pac export</c> against real Azurite, with the reports the real processor recorded.</summary>
public sealed class ExportCommandTests
{
    [Fact]
    public async Task ExportCommandWritesEachExportToItsFile()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var newest = await ExportScenario.SeedAsync(pipeline.Services);
        var folder = Directory.CreateTempSubdirectory("pac-export-");
        try
        {
            string PathOf(string name) => Path.Combine(folder.FullName, name);

            Assert.Equal(0, (await Pac.RunWithSettingsAsync(pipeline, null, "export", "table", "2030", "--output", PathOf("t.csv"))).Exit);
            Assert.Equal(0, (await Pac.RunWithSettingsAsync(pipeline, null, "export", "reports", "2030", "--output", PathOf("r.zip"))).Exit);
            var (exit, output, _) = await Pac.RunWithSettingsAsync(pipeline, null, "export", "compiled", "2030", "--output", PathOf("c.docx"));
            Assert.Equal(0, exit);
            Assert.Contains("pac-2030-compiled.docx", output, StringComparison.Ordinal);
            Assert.Equal(0, (await Pac.RunWithSettingsAsync(pipeline, null, "export", "compiled", "2030", "--format", "html", "--output", PathOf("c.html"))).Exit);

            Assert.Equal([0xEF, 0xBB, 0xBF], (await File.ReadAllBytesAsync(PathOf("t.csv")))[..3]);
            using (var zip = ZipFile.OpenRead(PathOf("r.zip")))
            {
                Assert.Equal(newest.Count, zip.Entries.Count);
            }

            using (var document = WordprocessingDocument.Open(PathOf("c.docx"), false))
            {
                Assert.Contains(ExportScenario.Beijing.Name.Split('\n')[0], document.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
            }

            Assert.Contains("&lt;script&gt;", await File.ReadAllTextAsync(PathOf("c.html")), StringComparison.Ordinal);
            // Only the finished files: no temporary file left behind.
            Assert.Equal(["c.docx", "c.html", "r.zip", "t.csv"], folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ExportOfAYearWithoutCampaignSaysSoAndWritesNothing()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"none-{Guid.NewGuid():N}.csv");

        var (exit, _, error) = await Pac.RunWithSettingsAsync(pipeline, null, "export", "table", "2031", "--output", path);

        Assert.Equal(1, exit);
        Assert.Contains("no campaign for 2031", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
