using System.Text.Json;
using PacSubmissions.Cli;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Cli;

public sealed class LinkCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PacCommand.Create(output, error).Parse(args).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }

    private static string SettingsFile(TestPipeline pipeline, Action<Dictionary<string, string?>>? change = null)
    {
        var settings = TestSettings.Create(pipeline.Storage, pipeline.Names, pipeline.Outbox.Path, "https://pac.example.org");
        change?.Invoke(settings);
        // Configuration keys are flat strings: a top-level JSON property "Links:SigningSecret" is that setting.
        var path = pipeline.Outbox.Path + "-settings.json";
        File.WriteAllText(path, JsonSerializer.Serialize(settings));
        return path;
    }

    [Fact]
    public async Task LinkCommandPrintsAWorkingUploadLink()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await TestData.SeedAsync(pipeline.Services, TestData.OpenCampaign(DateTimeOffset.UtcNow), TestData.Centre());

        var (exit, output, _) = await RunAsync("link", "kz-almaty", "--year", "2030", "--settings", SettingsFile(pipeline));

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

        var (exit, _, error) = await RunAsync("link", "nowhere", "--settings", SettingsFile(pipeline));

        Assert.Equal(1, exit);
        Assert.Contains("No centre 'nowhere'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSettingIsNamed()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var (exit, _, error) = await RunAsync("link", "kz-almaty", "--settings", SettingsFile(pipeline, s => s["Links:SigningSecret"] = ""));

        Assert.Equal(2, exit);
        Assert.Contains("Links:SigningSecret", error, StringComparison.Ordinal);
    }
}
