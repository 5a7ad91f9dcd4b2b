using System.Net.Sockets;
using System.Text;

namespace PacSubmissions.Tests.Sweep;

/// <summary>
/// A TCP connection to the local host on 127.0.0.1, for requests HttpClient refuses to send (bodies cut short, broken
/// chunking): the test writes the bytes, then stops sending and reads the answer, or drops the connection.
/// </summary>
public sealed class RawHttp : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public static async Task<RawHttp> ConnectAsync(Uri server)
    {
        var connection = new RawHttp();
        await connection._socket.ConnectAsync(server.Host, server.Port);
        return connection;
    }

    /// <summary>Sends a request head (lines joined by \n, sent as CRLF, the blank line added) and the first bytes of its body.</summary>
    public async Task SendAsync(string head, ReadOnlyMemory<byte> body)
    {
        await _socket.SendAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n"));
        await _socket.SendAsync(body);
    }

    /// <summary>Stops sending (the client's half of the connection ends) and reads until the server closes.</summary>
    /// <returns>The status code the server answered, or 0 when it closed without answering.</returns>
    public async Task<RawResponse> StopSendingAsync()
    {
        _socket.Shutdown(SocketShutdown.Send);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException)
        {
            // A reset after (or instead of) the answer: keep what arrived.
        }

        var text = Encoding.UTF8.GetString(received.ToArray());
        var parts = text.Split(' ', 3);
        return new RawResponse(parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : 0, text);
    }

    /// <summary>Drops the connection with a reset, as a crashed client or a cut network does.</summary>
    public void Abort()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    public void Dispose() => _socket.Dispose();
}

public sealed record RawResponse(int StatusCode, string Text);
