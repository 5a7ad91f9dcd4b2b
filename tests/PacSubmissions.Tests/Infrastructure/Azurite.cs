using PacSubmissions.LocalHost;
using PacSubmissions.LocalHost.Azurite;

namespace PacSubmissions.Tests.Infrastructure;

/// <summary>
/// One in-memory Azurite for the whole test run, on free ports, started on first use and stopped when the run ends.
/// Tests stay apart by their own container and table names (<see cref="TestStorageNames"/>), so they can run in parallel.
/// Set PAC_TEST_STORAGE to a connection string to test against another storage instead.
/// </summary>
public static class Azurite
{
    private static readonly Lazy<Task<string>> Shared = new(StartAsync);

    public static Task<string> ConnectionStringAsync() => Shared.Value;

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("PAC_TEST_STORAGE") is { Length: > 0 } configured)
        {
            return configured;
        }

        var azurite = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), dataPath: null, ports: null, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite.ConnectionString;
    }
}
