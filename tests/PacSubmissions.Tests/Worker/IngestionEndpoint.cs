using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PacSubmissions.Tests.Worker;

/// <summary>One telemetry item as Application Insights receives it: its type (a request, a dependency, a log message), its name or message, its own id and the operation (trace) it belongs to.</summary>
internal sealed record TelemetryItem(string Type, string? Name, string? Id, string? Message, string? OperationId, string? ParentId, JsonElement Envelope)
{
    public string? Property(string name) =>
        Envelope.GetProperty("data").GetProperty("baseData").TryGetProperty("properties", out var properties)
        && properties.TryGetProperty(name, out var value) ? value.GetString() : null;
}

/// <summary>
/// Application Insights' ingestion endpoint, on loopback: a connection string's <c>IngestionEndpoint</c> points the worker's
/// Azure Monitor exporter here, and this keeps what it posts to <c>v2.1/track</c> (newline-delimited JSON envelopes,
/// gzipped) and answers as the service does, so a test sees exactly the items Azure would store. Every other path
/// (live metrics) is answered 200 and ignored.
/// </summary>
internal sealed class IngestionEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TelemetryItem> _items = new();

    private IngestionEndpoint(WebApplication app) => _app = app;

    public IReadOnlyCollection<TelemetryItem> Items => _items;

    /// <summary>The connection string the worker is given: a made-up resource whose ingestion (and live metrics) are this endpoint.</summary>
    public string ConnectionString
    {
        get
        {
            var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return $"InstrumentationKey=00000000-0000-4000-8000-000000000015;IngestionEndpoint={address}/;LiveEndpoint={address}/";
        }
    }

    public static async Task<IngestionEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var endpoint = new IngestionEndpoint(app);
        app.MapPost("/v2.1/track", endpoint.TrackAsync);
        app.MapFallback(() => Results.Ok());
        await app.StartAsync();
        return endpoint;
    }

    private async Task<IResult> TrackAsync(HttpRequest request)
    {
        await using var body = request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(request.Body, CompressionMode.Decompress)
            : request.Body;
        using var reader = new StreamReader(body);
        var received = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var envelope = JsonDocument.Parse(line);
            _items.Enqueue(Read(envelope.RootElement.Clone()));
            received++;
        }

        return Results.Json(new { itemsReceived = received, itemsAccepted = received, errors = Array.Empty<object>() });
    }

    private static TelemetryItem Read(JsonElement envelope)
    {
        var tags = envelope.TryGetProperty("tags", out var t) ? t : default;
        string? Tag(string name) => tags.ValueKind == JsonValueKind.Object && tags.TryGetProperty(name, out var value) ? value.GetString() : null;
        var data = envelope.GetProperty("data");
        var baseData = data.GetProperty("baseData");
        string? Field(string name) => baseData.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new TelemetryItem(data.GetProperty("baseType").GetString()!, Field("name"), Field("id"), Field("message"), Tag("ai.operation.id"), Tag("ai.operation.parentId"), envelope);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
