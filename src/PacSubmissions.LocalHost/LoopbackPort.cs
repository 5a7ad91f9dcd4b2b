using System.Net;
using System.Net.Sockets;

namespace PacSubmissions.LocalHost;

/// <summary>Ports on 127.0.0.1, for servers started side by side (Azurite, test hosts, test stand-ins).</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
