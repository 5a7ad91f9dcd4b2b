using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PacSubmissions.LocalHost.Azurite;

/// <summary>
/// Azurite, the Azure Storage emulator, run from the repository's node_modules on free loopback ports.
/// It is started with --skipApiVersionCheck because the current Azure SDKs speak a newer API version than it knows.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly string? _dataPath;
    private readonly StringBuilder _output = new();

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort, string? dataPath)
    {
        _process = process;
        _dataPath = dataPath;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <param name="repositoryRoot">Where node_modules/.bin/azurite is (installed by <c>npm ci</c>).</param>
    /// <summary>The ports <c>UseDevelopmentStorage=true</c> means, so Core Tools and the pac command find the local run's Azurite.</summary>
    public static readonly (int Blob, int Queue, int Table) StandardPorts = (10000, 10001, 10002);

    /// <param name="dataPath">Folder to keep data in; null keeps everything in memory (tests).</param>
    /// <param name="ports">The ports to listen on; null picks free ones (tests, which run many at once).</param>
    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot, string? dataPath, (int Blob, int Queue, int Table)? ports, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(repositoryRoot, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed: run 'npm ci' in {repositoryRoot} first (it installs the version package.json pins).");
        }

        if (dataPath is not null && Directory.Exists(dataPath))
        {
            await AzuritePidFile.StopLeftoverAsync(dataPath, cancellationToken);
        }

        var (blobPort, queuePort, tablePort) = ports ?? (LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free());
        foreach (var port in new[] { blobPort, queuePort, tablePort })
        {
            if (!LoopbackPort.IsFree(port))
            {
                throw new InvalidOperationException(
                    $"Port {port} is in use: is another Azurite running? Stop it, or set AzureWebJobsStorage=UseDevelopmentStorage=true to use that one.");
            }
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--disableProductStyleUrl",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (dataPath is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataPath);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataPath);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var azurite = new AzuriteProcess(process, blobPort, queuePort, tablePort, dataPath);
        process.OutputDataReceived += (_, e) => azurite.Record(e.Data);
        process.ErrorDataReceived += (_, e) => azurite.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await azurite.WaitUntilListeningAsync(cancellationToken);
            if (dataPath is not null)
            {
                await AzuritePidFile.WriteAsync(dataPath, process.Id, cancellationToken);
            }

            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var processId = _process.Id;
        if (!_process.HasExited)
        {
            await StopAsync(_process, CancellationToken.None);
        }

        _process.Dispose();
        if (_dataPath is not null)
        {
            AzuritePidFile.Delete(_dataPath, processId);
        }
    }

    /// <summary>Stops an Azurite process, ours or one a killed host left: SIGTERM first, since Azurite saves its database on a clean stop, and a kill would lose recent writes.</summary>
    internal static async Task StopAsync(Process process, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
        {
            using var terminate = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OperatingSystem.IsWindows() ? TimeSpan.Zero : StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} while starting: {Output()}");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Azurite did not listen on port {port} within {StartTimeout.TotalSeconds} s: {Output()}");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    break;
                }
                catch (SocketException)
                {
                    await Task.Delay(100, cancellationToken);
                }
            }
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
