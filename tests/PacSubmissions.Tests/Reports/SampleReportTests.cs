using System.Text.Json;
using PacSubmissions.Reports;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Reports;

/// <summary>Every real-shaped sample in samples/reports read as its expected.json says a correct reader reads it.</summary>
public sealed class SampleReportTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Samples.Folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name is not ("README.md" or "expected.json"))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task SampleIsReadAsExpected(string file)
    {
        using var expectedJson = JsonDocument.Parse(await File.ReadAllTextAsync(Samples.PathOf("expected.json")));
        Assert.True(expectedJson.RootElement.TryGetProperty(file, out var expected), $"expected.json has no entry for {file}");

        await using var stream = File.OpenRead(Samples.PathOf(file));
        var reading = await TestDocuments.Reader().ReadAsync(stream, CancellationToken.None);

        Assert.Equal(expected.GetProperty("status").GetString(), JsonSerializer.SerializeToElement(reading.Status).GetString());
        if (expected.TryGetProperty("problem", out var problem))
        {
            Assert.Contains(reading.Problems, p => p.Code == problem.GetString());
        }

        if (expected.TryGetProperty("sections_found", out var found))
        {
            Assert.Equal(Strings(found).Order(), reading.Sections.Select(s => s.Key).Order());
            Assert.Equal(Strings(expected.GetProperty("sections_answered")).Order(), reading.Sections.Where(s => s.Answered).Select(s => s.Key).Order());
        }

        if (expected.TryGetProperty("emails", out var emails))
        {
            Assert.Equal(Strings(emails).Order(), reading.Emails.Order());
        }

        if (expected.TryGetProperty("institution", out var institution))
        {
            Assert.Equal(institution.GetString(), reading.Institution);
        }

        if (expected.TryGetProperty("prepared_by", out var preparedBy))
        {
            Assert.Equal(preparedBy.GetString(), reading.PreparedBy);
        }
    }

    [Fact]
    public async Task ClosingInstructionsAndPreparedByLineBelongToNoAnswer()
    {
        foreach (var file in new[] { "central-asia-2020.docx", "central-asia-2020.pdf" })
        {
            await using var stream = File.OpenRead(Samples.PathOf(file));
            var reading = await TestDocuments.Reader().ReadAsync(stream, CancellationToken.None);

            Assert.DoesNotContain(reading.Sections, s => s.Text.Contains("Add additional resources", StringComparison.Ordinal));
            Assert.DoesNotContain(reading.Sections, s => s.Text.Contains("Kindly submit", StringComparison.Ordinal));
            Assert.DoesNotContain(reading.Sections, s => s.Text.Contains("prepared by", StringComparison.Ordinal));
            Assert.False(reading.Sections.Single(s => s.Key == FormSections.OtherComments).Answered);
        }
    }

    [Fact]
    public async Task PdfAndDocxOfTheSameReportGiveTheSameAnswers()
    {
        await using var docx = File.OpenRead(Samples.PathOf("central-asia-2020.docx"));
        await using var pdf = File.OpenRead(Samples.PathOf("central-asia-2020.pdf"));
        var fromDocx = await TestDocuments.Reader().ReadAsync(docx, CancellationToken.None);
        var fromPdf = await TestDocuments.Reader().ReadAsync(pdf, CancellationToken.None);

        Assert.Equal(fromDocx.Sections.Select(s => (s.Key, s.Answered, s.Words)), fromPdf.Sections.Select(s => (s.Key, s.Answered, s.Words)));
        Assert.Equal(2, fromPdf.Pages);
    }

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);
}
