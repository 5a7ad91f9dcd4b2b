using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Cli;

public sealed class LinkCommandTests
{
    [Fact]
    public async Task LinkCommandPrintsAWorkingUploadLink()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow), TestData.Centre());

        var (exit, output, _) = await Pac.RunWithSettingsAsync(pipeline, null, "link", "kz-almaty", "--year", "2030");

        Assert.Equal(0, exit);
        var url = new Uri(output.Trim());
        Assert.Equal("pac.example.org", url.Host);
        var link = pipeline.Get<UploadLinks>().Verify(url.Segments[^1]);
        Assert.Equal(("kz-almaty", 2030), (link?.CentreId, link?.Year));
    }

    [Fact]
    public async Task LinkForAnUnknownCentreSaysSo()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow));

        var (exit, _, error) = await Pac.RunWithSettingsAsync(pipeline, null, "link", "nowhere");

        Assert.Equal(1, exit);
        Assert.Contains("No centre 'nowhere'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSettingIsNamed()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var (exit, _, error) = await Pac.RunWithSettingsAsync(pipeline, s => s["Links:SigningSecret"] = "", "link", "kz-almaty");

        Assert.Equal(2, exit);
        Assert.Contains("Links:SigningSecret", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutSettingsEveryMissingSettingGetsOneLineAndNoStackTrace()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"pac-empty-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(empty, "{}");
        try
        {
            var (exit, output, error) = await Pac.RunAsync("link", "kz-almaty", "--settings", empty);

            Assert.Equal(2, exit);
            Assert.Equal("", output);
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.All(lines, line => Assert.StartsWith("Setting problem: ", line, StringComparison.Ordinal));
            foreach (var setting in new[] { "AzureWebJobsStorage", "Links:SigningSecret", "Links:PublicBaseUrl", "Email:From", "Email:HqAddress", TriggerOptions.ReminderScheduleSetting })
            {
                Assert.Single(lines, line => line.Contains(setting, StringComparison.Ordinal));
            }

            Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
            Assert.DoesNotContain("DataAnnotation", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(empty);
        }
    }
}
