using PacSubmissions.LocalHost;
using PacSubmissions.Tests.Infrastructure;

namespace PacSubmissions.Tests.Worker;

/// <summary>How the built worker starts when what it needs is not there.</summary>
[Trait("Category", "Slow")]
public sealed class WorkerStartupTests
{
    /// <summary>The worker exits with a failure and the message, and never connects: the host never sends it work.</summary>
    private static async Task AssertStopsBeforeItConnectsAsync(Dictionary<string, string?> settings, string message)
    {
        await using var worker = await WorkerProcess.LaunchAsync(settings);

        var code = await worker.Exited.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.False(worker.Connected, $"The worker connected to the host:{Environment.NewLine}{worker.Output}");
        Assert.NotEqual(0, code);
        Assert.Contains(message, worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkerThatCannotReachStorageStopsBeforeItConnectsToTheHost()
    {
        // Azurite's account on a loopback port nothing listens on: every storage request is refused.
        var port = LoopbackPort.Free();
        var unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1";
        using var outbox = new Outbox();

        // It said why, naming the setting, after the SDK's retries (about 25 s); the host starts it again.
        await AssertStopsBeforeItConnectsAsync(TestSettings.Create(unreachable, TestStorageNames.Unique(), outbox.Path),
            "Storage cannot be reached through AzureWebJobsStorage");
    }

    [Fact]
    public async Task WorkerThatWouldAcceptUploadsTheHostRefusesDoesNotStart()
    {
        // 100 MB reports, but the host forwards no body over its default 100 MB: the form around the file would not fit.
        using var outbox = new Outbox();
        var settings = TestSettings.Create(await Azurite.ConnectionStringAsync(), TestStorageNames.Unique(), outbox.Path);
        settings["Upload:MaxBytes"] = "104857600";

        await AssertStopsBeforeItConnectsAsync(settings,
            "Upload:MaxBytes must stay at least 1 MB below the Functions host's FUNCTIONS_REQUEST_BODY_SIZE_LIMIT");
    }

    [Fact]
    public async Task WorkerWithAnApplicationInsightsAuthenticationItCannotUseDoesNotStart()
    {
        // Application Insights' keys are off (monitoring.bicep): telemetry sent without the identity would be refused, unseen.
        using var outbox = new Outbox();
        var settings = TestSettings.Create(await Azurite.ConnectionStringAsync(), TestStorageNames.Unique(), outbox.Path);
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-4000-8000-000000000015;IngestionEndpoint=http://127.0.0.1:9/";
        settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Authorization=Key";

        await AssertStopsBeforeItConnectsAsync(settings, "APPLICATIONINSIGHTS_AUTHENTICATION_STRING must be 'Authorization=AAD'");
    }

    [Fact]
    public async Task WorkerLeavesWhenTheHostTerminatesIt()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await using var worker = await WorkerProcess.StartAsync(TestSettings.Create(pipeline.Storage, pipeline.Names, pipeline.Outbox.Path));

        var code = await worker.TerminateAsync(TimeSpan.FromSeconds(5));

        // WorkerTerminate is the host's way of shutting a worker down (scale-in, restart, deployment): a clean exit.
        Assert.True(code == 0, $"The worker exited with {code}:{Environment.NewLine}{worker.Output}");
    }
}
