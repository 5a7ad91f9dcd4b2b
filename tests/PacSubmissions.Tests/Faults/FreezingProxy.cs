using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace PacSubmissions.Tests.Faults;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of each of Azurite's three ports that can be frozen: while frozen it still
/// accepts connections and reads requests but forwards nothing, as a storage account that has stopped answering
/// looks to the app (harder than refused connections, which fail at once).
/// </summary>
public sealed partial class FreezingProxy : IAsyncDisposable
{
    private readonly List<TcpListener> _listeners = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private TaskCompletionSource _thawed = NewGate(open: true);

    private FreezingProxy()
    {
    }

    /// <summary>The storage connection string with every endpoint going through the proxy.</summary>
    public string ConnectionString { get; private set; } = "";

    public static FreezingProxy Start(string storageConnectionString)
    {
        var proxy = new FreezingProxy();
        proxy.ConnectionString = Endpoint().Replace(storageConnectionString, match =>
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            proxy._listeners.Add(listener);
            proxy._loops.Add(proxy.AcceptAsync(listener, int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture)));
            return $"{match.Groups["prefix"].Value}{((IPEndPoint)listener.LocalEndpoint).Port}";
        });
        return proxy;
    }

    public void Freeze() => Interlocked.Exchange(ref _thawed, NewGate(open: false));

    public void Thaw() => _thawed.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Thaw();
        foreach (var listener in _listeners)
        {
            listener.Stop();
        }

        await Task.WhenAll(_loops.Select(loop => loop.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stopping.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, int targetPort)
    {
        while (!_stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(_stopping.Token);
            _ = RelayAsync(client, targetPort);
        }
    }

    private async Task RelayAsync(TcpClient client, int targetPort)
    {
        using (client)
        using (var target = new TcpClient())
        {
            try
            {
                await target.ConnectAsync(IPAddress.Loopback, targetPort, _stopping.Token);
                await Task.WhenAny(PumpAsync(client.GetStream(), target.GetStream()), PumpAsync(target.GetStream(), client.GetStream()));
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // Either side went away: close both.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stopping.Token)) > 0)
        {
            await _thawed.Task.WaitAsync(_stopping.Token);
            await to.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
        }
    }

    private static TaskCompletionSource NewGate(bool open)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
        {
            gate.SetResult();
        }

        return gate;
    }

    [GeneratedRegex(@"(?<prefix>(Blob|Queue|Table)Endpoint=http://127\.0\.0\.1:)(?<port>\d+)")]
    private static partial Regex Endpoint();
}
