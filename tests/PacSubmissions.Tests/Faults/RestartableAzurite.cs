using PacSubmissions.LocalHost;
using PacSubmissions.LocalHost.Azurite;

namespace PacSubmissions.Tests.Faults;

/// <summary>
/// An Azurite of the test's own that can be stopped and started again: its data in a temporary folder (--location)
/// and its ports picked once, so a restart comes back at the same address with the same blobs and tables, as a
/// storage outage looks to the app. The folder is deleted at dispose.
/// </summary>
public sealed class RestartableAzurite : IAsyncDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "pac-azurite-" + Guid.NewGuid().ToString("N"));
    private readonly (int Blob, int Queue, int Table) _ports = (LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free());
    private AzuriteProcess? _process;

    private RestartableAzurite()
    {
    }

    public string ConnectionString { get; private set; } = "";

    public static async Task<RestartableAzurite> StartAsync()
    {
        var azurite = new RestartableAzurite();
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>Stops it cleanly (SIGTERM: Azurite writes its data out), so that what was stored survives the restart.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async Task StartAgainAsync()
    {
        _process = await AzuriteProcess.StartAsync(RepositoryRoot.Find(), _dataPath, _ports, CancellationToken.None);
        ConnectionString = _process.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}
