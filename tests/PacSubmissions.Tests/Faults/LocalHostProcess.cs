using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using PacSubmissions.LocalHost;

namespace PacSubmissions.Tests.Faults;

/// <summary>
/// The local host as a real child process (<c>dotnet PacSubmissions.LocalHost.dll</c> from the test's bin folder),
/// configured by environment variables, on one loopback port kept across restarts. It can be killed (SIGKILL, as a
/// crash or an out-of-memory kill would) and started again; what it printed is kept for failure messages, and it is
/// always killed at dispose.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private const int KeptLines = 400;

    private readonly Dictionary<string, string> _environment;
    private readonly Queue<string> _output = new();
    private Process? _process;
    private int _runs;

    private LocalHostProcess(Dictionary<string, string> environment, Uri baseAddress)
    {
        _environment = environment;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The exit code of the last run that ended (137 for SIGKILL on Linux); null while none has.</summary>
    public int? LastExitCode { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    /// <param name="settings">
    /// Its configuration for the address it will listen on: keys (<c>Section:Name</c>) and values, passed as
    /// <c>Section__Name</c> environment variables.
    /// </param>
    public static async Task<LocalHostProcess> StartAsync(
        Func<Uri, IReadOnlyDictionary<string, string?>> settings, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}");
        var environment = settings(baseAddress).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");
        // The way README tells a person to move the local host to another port.
        environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        var host = new LocalHostProcess(environment, baseAddress);
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <summary>Starts (again) on the same port with the same settings, and returns once it answers HTTP.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The local host is already running.");
        }

        _process?.Dispose();
        var run = ++_runs;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PacSubmissions.LocalHost.dll"));
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the local host.");
        process.OutputDataReceived += (_, e) => Record(run, e.Data);
        process.ErrorDataReceived += (_, e) => Record(run, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilAnsweringAsync(process, cancellationToken);
    }

    /// <summary>SIGKILL: no shutdown, no flush, whatever was in progress is cut off where it stood.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException("The local host was never started.");
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None);
        LastExitCode = process.ExitCode;
    }

    /// <summary>The last lines it printed, across runs, for a failure message.</summary>
    public string Output()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            await KillAsync();
        }

        _process?.Dispose();
    }

    private async Task WaitUntilAnsweringAsync(Process process, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with code {process.ExitCode} while starting:\n{Output()}");
            }

            if (started.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The local host did not answer on {BaseAddress} within {StartTimeout.TotalSeconds} s:\n{Output()}");
            }

            try
            {
                // Any answer (404 included) means Kestrel is up, and the app's hosted services have started before it.
                using var response = await client.GetAsync(BaseAddress, cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or SocketException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private void Record(int run, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue($"[run {run.ToString(CultureInfo.InvariantCulture)}] {line}");
            while (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }
}
