using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PacSubmissions.Exports;
using PacSubmissions.Reports;
using PacSubmissions.Submissions;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Exports;

public sealed class CompiledReportTests
{
    private static async Task<byte[]> ExportAsync(TestPipeline pipeline, CampaignExportKind kind)
    {
        var exports = pipeline.Get<CampaignExports>();
        using var output = new MemoryStream();
        await exports.WriteAsync((await exports.LoadAsync(ExportScenario.Year, CancellationToken.None))!, kind, output, CancellationToken.None);
        return output.ToArray();
    }

    /// <summary>Each reporting centre's archived reading: what the compiled report must carry, answer for answer.</summary>
    private static async Task<Dictionary<string, ReportReading>> ReadingsAsync(TestPipeline pipeline, IReadOnlyDictionary<string, string> newest)
    {
        var readings = new Dictionary<string, ReportReading>(StringComparer.Ordinal);
        foreach (var (centre, blob) in newest)
        {
            readings[centre] = (await pipeline.Get<ReadingArchive>().FindAsync(blob, CancellationToken.None))!;
        }

        return readings;
    }

    private static string Answer(ReportReading reading, string key) =>
        string.Join("\n\n", reading.Sections.Where(s => s.Key == key && s.Answered).Select(s => s.Text.Trim())).ReplaceLineEndings("\n");

    [Fact]
    public async Task DocxHasEveryAnswerOfEveryCentreUnderItsNameInFormOrder()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var newest = await ExportScenario.SeedAsync(pipeline.Services);
        var readings = await ReadingsAsync(pipeline, newest);

        using var stream = new MemoryStream(await ExportAsync(pipeline, CampaignExportKind.CompiledDocx));
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: p.InnerText)).ToList();

        // The questions, as Heading 2, in the form's order.
        var questionTitles = FormSections.All.Select(SectionTitles.Of).ToList();
        Assert.Equal(questionTitles, paragraphs.Where(p => p.Style == "Heading2").Select(p => p.Text));
        // The table's order: by centre name.
        var reporting = ExportScenario.Active.Where(c => newest.ContainsKey(c.Id)).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        foreach (var key in FormSections.All)
        {
            var start = paragraphs.FindIndex(p => p.Style == "Heading2" && p.Text == SectionTitles.Of(key));
            var end = paragraphs.FindIndex(start + 1, p => p.Style is "Heading1" or "Heading2") is var next and >= 0 ? next : paragraphs.Count;
            var section = paragraphs[(start + 1)..end];
            Assert.Equal(reporting.Select(c => c.Name), section.Where(p => p.Style == "Heading3").Select(p => p.Text));
            foreach (var centre in reporting)
            {
                var at = section.FindIndex(p => p.Style == "Heading3" && p.Text == centre.Name);
                var until = section.FindIndex(at + 1, p => p.Style == "Heading3") is var n and >= 0 ? n : section.Count;
                var written = string.Join("\n", section[(at + 1)..until].Select(p => p.Text));
                var expected = Answer(readings[centre.Id], key);
                Assert.Equal(expected.Length > 0 ? expected : CompiledReportText.NoAnswer, written);
            }
        }

        // Real answers from real reports made it in, not just headings.
        Assert.Contains(readings[ExportScenario.Seoul.Id].Sections, s => s.Answered && s.Words > 5);
        Assert.Equal(8, readings[ExportScenario.Seoul.Id].Sections.Count(s => s.Answered));

        var table = Assert.Single(body.Elements<Table>());
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(CompiledReportText.TableHeaders, rows[0]);
        Assert.Equal(ExportScenario.Active.Select(c => c.Name).Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.Equal("not yet", rows.Single(r => r[0] == ExportScenario.Pretoria.Name)[2]);
        Assert.Equal(("late", "2"), (rows.Single(r => r[0] == ExportScenario.Beijing.Name)[2], rows.Single(r => r[0] == ExportScenario.Beijing.Name)[4]));
        Assert.Equal("", rows.Single(r => r[0] == ExportScenario.Pretoria.Name)[3]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d \(UTC[+-]\d\d:\d\d\)$", rows.Single(r => r[0] == ExportScenario.Seoul.Name)[3]);
        Assert.DoesNotContain(rows, r => r[0] == ExportScenario.Closed.Name);
    }

    [Fact]
    public async Task HtmlShowsMarkupAndScriptInAnswersAsText()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var newest = await ExportScenario.SeedAsync(pipeline.Services);
        var readings = await ReadingsAsync(pipeline, newest);
        var workshops = Answer(readings[ExportScenario.Melbourne.Id], FormSections.Workshops);
        Assert.Contains("<script>", workshops, StringComparison.Ordinal);

        var html = System.Text.Encoding.UTF8.GetString(await ExportAsync(pipeline, CampaignExportKind.CompiledHtml));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>three", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(workshops).Replace("&#39;", "&#x27;", StringComparison.Ordinal), html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Seoul, &quot;Korea&quot; PAC Centre", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        // Every question in form order, each with every reporting centre's name under it.
        var positions = FormSections.All.Select(key => html.IndexOf($"<section id=\"{key}\">", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(FormSections.All.Count * newest.Count, CountOf(html, "<h3>"));
        Assert.Contains("<tr><th scope=\"row\">PAC Centre Pretoria</th><td>South Africa</td><td>not yet</td>", html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
