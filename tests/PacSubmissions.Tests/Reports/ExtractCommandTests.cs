using System.CommandLine;
using System.Text.Json;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Reports;

/// <summary><c>pac extract</c> run in-process, with no app settings at all.</summary>
public sealed class ExtractCommandTests
{
    [Fact]
    public async Task JsonPrintsOneObjectPerFileWithTheIssuesFields()
    {
        var (exitCode, output, _) = await Pac.RunAsync("extract", Samples.PathOf("korea-2021.docx"), Samples.PathOf("brazil-2021.pdf"), Samples.PathOf("renamed-binary.docx"), "--json");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var korea = JsonDocument.Parse(lines[0]);
        var root = korea.RootElement;
        string[] fields = ["file", "format", "bytes", "sha256", "status", "problems", "sections", "institution", "centreName", "emails", "phones", "preparedBy", "pages", "words", "formVersion", "reviewReasons", "needsReview"];
        Assert.All(fields, f => Assert.True(root.TryGetProperty(f, out _), $"missing field {f}"));
        Assert.Equal("korea-2021.docx", root.GetProperty("file").GetString());
        Assert.Equal("docx", root.GetProperty("format").GetString());
        Assert.Equal("valid", root.GetProperty("status").GetString());
        Assert.Equal("pac-annual-report-2020", root.GetProperty("formVersion").GetString());
        Assert.False(root.GetProperty("needsReview").GetBoolean());
        Assert.Equal(new FileInfo(Samples.PathOf("korea-2021.docx")).Length, root.GetProperty("bytes").GetInt64());
        Assert.Equal("National Library of Korea", root.GetProperty("institution").GetString());
        var first = root.GetProperty("sections")[0];
        Assert.Equal("centre", first.GetProperty("key").GetString());
        Assert.True(first.GetProperty("answered").GetBoolean());
        Assert.True(first.GetProperty("words").GetInt32() > 0);
        Assert.StartsWith("PAC Centre", first.GetProperty("question").GetString(), StringComparison.Ordinal);
        Assert.Contains("National Library of Korea", first.GetProperty("text").GetString(), StringComparison.Ordinal);

        using var brazil = JsonDocument.Parse(lines[1]);
        Assert.Equal("pdf", brazil.RootElement.GetProperty("format").GetString());
        Assert.Equal(1, brazil.RootElement.GetProperty("pages").GetInt32());

        using var program = JsonDocument.Parse(lines[2]);
        Assert.Equal("unreadable", program.RootElement.GetProperty("status").GetString());
        Assert.Equal("unsupported-format", program.RootElement.GetProperty("problems")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task WithoutJsonPrintsASummaryForAPerson()
    {
        var (exitCode, output, _) = await Pac.RunAsync("extract", Samples.PathOf("incomplete-2021.docx"));

        Assert.Equal(0, exitCode);
        Assert.StartsWith("incomplete-2021.docx: incomplete", output, StringComparison.Ordinal);
        Assert.Contains("National Library of South Africa", output, StringComparison.Ordinal);
        Assert.Contains("missing-section (local-cooperation)", output, StringComparison.Ordinal);
        Assert.Contains("unanswered-section (workshops)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreadableFilesStillExitZero()
    {
        var (exitCode, output, _) = await Pac.RunAsync("extract", Samples.PathOf("empty.pdf"), Samples.PathOf("truncated.docx"));

        Assert.Equal(0, exitCode);
        Assert.Contains("empty-file", output, StringComparison.Ordinal);
        Assert.Contains("corrupt", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFileIsAUsageErrorThatNamesIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-report-{Guid.NewGuid():N}.docx");
        var (exitCode, output, error) = await Pac.RunAsync("extract", Samples.PathOf("korea-2021.docx"), missing, "--json");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task NoFileIsAUsageError()
    {
        var (exitCode, _, _) = await Pac.RunAsync("extract");

        Assert.NotEqual(0, exitCode);
    }
}
