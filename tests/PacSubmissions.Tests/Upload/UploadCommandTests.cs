using System.Text.Json;
using PacSubmissions.Campaigns;
using PacSubmissions.Cli;
using PacSubmissions.Tests.Infrastructure;
using PacSubmissions.Upload;

namespace PacSubmissions.Tests.Upload;

/// <summary>The <c>pac</c> commands HQ uses on links and deadlines, run against the test's own storage.</summary>
public sealed class UploadCommandTests
{
    [Fact]
    public async Task ExtendSetsAndClearsOneCentresDeadlineInTheCampaignsZone()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var campaign = Campaign.WithDefaults(2030, DateTimeOffset.UtcNow.AddDays(-1), "America/New_York");
        await TestData.SeedAsync(pipeline.Services, campaign, TestData.Centre());
        using var settings = new SettingsFile(pipeline);
        var deadlines = pipeline.Get<CentreDeadlines>();

        var (extendCode, extendOut, _) = await RunAsync(settings, "extend", "kz-almaty", "--until", "2030-07-31 23:59", "--year", "2030");
        var extended = await deadlines.FindAsync(2030, "kz-almaty", CancellationToken.None);
        var (clearCode, _, _) = await RunAsync(settings, "extend", "kz-almaty", "--clear");
        var cleared = await deadlines.FindAsync(2030, "kz-almaty", CancellationToken.None);
        var (badCode, _, badError) = await RunAsync(settings, "extend", "kz-almaty", "--until", "31/07/2030");

        Assert.Equal(0, extendCode);
        Assert.Contains("2030-08-01 03:59 UTC", extendOut, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2030, 8, 1, 3, 59, 0, TimeSpan.Zero), extended);
        Assert.Equal(0, clearCode);
        Assert.Null(cleared);
        Assert.Equal(1, badCode);
        Assert.Contains("'31/07/2030' is not a date (2027-07-15) or a date and time (2027-07-15T23:59).", badError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkRevokeInvalidatesTheOldLinkAndPrintsAWorkingOne()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var campaign = TestData.OpenCampaign(DateTimeOffset.UtcNow);
        await TestData.SeedAsync(pipeline.Services, campaign, TestData.Centre());
        using var settings = new SettingsFile(pipeline);
        var access = pipeline.Get<UploadAccess>();

        var (_, first, _) = await RunAsync(settings, "link", "kz-almaty");
        await Task.Delay(5);
        var (code, second, error) = await RunAsync(settings, "link", "kz-almaty", "--revoke");

        Assert.Equal(0, code);
        Assert.Contains("Revoked every link of kz-almaty", error, StringComparison.Ordinal);
        Assert.Null(await access.ResolveAsync(TokenOf(first), CancellationToken.None));
        Assert.NotNull(await access.ResolveAsync(TokenOf(second), CancellationToken.None));
    }

    private static string TokenOf(string url) => url.Trim()[(url.Trim().LastIndexOf('/') + 1)..];

    private static async Task<(int Code, string Output, string Error)> RunAsync(SettingsFile settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PacCommand.Create(output, error).Parse([.. args, "--settings", settings.Path]).InvokeAsync();
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The pipeline's settings as the JSON file <c>pac --settings</c> reads.</summary>
    private sealed class SettingsFile : IDisposable
    {
        public SettingsFile(TestPipeline pipeline)
        {
            var values = TestSettings.Create(pipeline.Storage, pipeline.Names, pipeline.Outbox.Path);
            var nested = new Dictionary<string, object?>();
            foreach (var (key, value) in values)
            {
                var parts = key.Split(':');
                if (parts.Length == 1)
                {
                    nested[key] = value;
                    continue;
                }

                if (!nested.TryGetValue(parts[0], out var section) || section is not Dictionary<string, object?> sectionValues)
                {
                    sectionValues = [];
                    nested[parts[0]] = sectionValues;
                }

                sectionValues[parts[1]] = value;
            }

            File.WriteAllText(Path, JsonSerializer.Serialize(nested));
        }

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pac-settings-{Guid.NewGuid():N}.json");

        public void Dispose() => File.Delete(Path);
    }
}
