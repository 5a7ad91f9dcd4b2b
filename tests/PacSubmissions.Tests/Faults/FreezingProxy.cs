using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace PacSubmissions.Tests.Faults;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of each of Azurite's three ports that can be frozen: while frozen it still
/// accepts connections and reads requests but forwards nothing, as a storage account that has stopped answering
/// looks to the app (harder than refused connections, which fail at once). <see cref="InFrontOf"/> puts one in front of
/// an HTTP server instead, cutting each connection after so many bytes from the client: a link that keeps dropping.
/// </summary>
public sealed partial class FreezingProxy : IAsyncDisposable
{
    private readonly List<TcpListener> _listeners = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private TaskCompletionSource _thawed = NewGate(open: true);
    private Func<int, long?> _cutAfter = _ => null;
    private int _connections;
    private int _cuts;

    private FreezingProxy()
    {
    }

    /// <summary>The storage connection string with every endpoint going through the proxy.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The proxy's address, for <see cref="InFrontOf"/>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The connections cut so far.</summary>
    public int Cuts => Volatile.Read(ref _cuts);

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

    /// <summary>
    /// A proxy on 127.0.0.1 in front of <paramref name="server"/> that resets connection n (counting from 1) once the
    /// client has sent <paramref name="cutAfter"/>(n) bytes through it (never, for null), in the middle of whatever
    /// request it carries: the browser sees the connection drop, the server a body that stops.
    /// </summary>
    public static FreezingProxy InFrontOf(Uri server, Func<int, long?> cutAfter)
    {
        var proxy = new FreezingProxy { _cutAfter = cutAfter };
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        proxy._listeners.Add(listener);
        proxy._loops.Add(proxy.AcceptAsync(listener, server.Port));
        proxy.Url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
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
            _ = RelayAsync(client, targetPort, _cutAfter(Interlocked.Increment(ref _connections)));
        }
    }

    private async Task RelayAsync(TcpClient client, int targetPort, long? cutAfter)
    {
        using (client)
        using (var target = new TcpClient())
        {
            try
            {
                await target.ConnectAsync(IPAddress.Loopback, targetPort, _stopping.Token);
                var upstream = PumpAsync(client.GetStream(), target.GetStream(), cutAfter);
                if (await Task.WhenAny(upstream, PumpAsync(target.GetStream(), client.GetStream(), null)) == upstream && await upstream)
                {
                    // A reset, not a polite close: as a dropped link looks to both ends.
                    Interlocked.Increment(ref _cuts);
                    client.Client.LingerState = new LingerOption(true, 0);
                    target.Client.LingerState = new LingerOption(true, 0);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // Either side went away: close both.
            }
        }
    }

    /// <summary>Copies until either side closes (false) or <paramref name="cutAfter"/> bytes have passed (true: cut here).</summary>
    private async Task<bool> PumpAsync(NetworkStream from, NetworkStream to, long? cutAfter)
    {
        var buffer = new byte[64 * 1024];
        var left = cutAfter ?? long.MaxValue;
        int read;
        while ((read = await from.ReadAsync(buffer, _stopping.Token)) > 0)
        {
            await _thawed.Task.WaitAsync(_stopping.Token);
            var passing = (int)Math.Min(read, left);
            await to.WriteAsync(buffer.AsMemory(0, passing), _stopping.Token);
            left -= passing;
            if (left == 0)
            {
                return true;
            }
        }

        return false;
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
