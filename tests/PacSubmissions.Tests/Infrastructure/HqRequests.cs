using Microsoft.Extensions.Options;
using PacSubmissions.Dashboard;

namespace PacSubmissions.Tests.Infrastructure;

/// <summary>HQ's dashboard asked by a script: the dashboard key in its header, as no browser on another site can send it.</summary>
public static class HqRequests
{
    public static HttpRequestMessage Request(LocalHostServer server, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(DashboardAccess.KeyHeader, server.Get<IOptions<DashboardOptions>>().Value.Key);
        return request;
    }

    public static async Task<string> PageAsync(LocalHostServer server, string path)
    {
        using var request = Request(server, HttpMethod.Get, path);
        using var response = await server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
