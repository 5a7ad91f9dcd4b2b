using System.Text.Json;

namespace PacSubmissions.LocalHost.Functions;

/// <summary>The parts of the Functions app's host.json the local host honours, read from the same file Azure uses.</summary>
internal sealed record HostJson(
    string RoutePrefix,
    int PoisonBlobThreshold,
    int BlobParallelism,
    int QueueMaxDequeueCount = 5,
    int QueueBatchSize = 16,
    TimeSpan QueueVisibilityTimeout = default,
    string QueueMessageEncoding = HostJson.Base64)
{
    /// <summary>The queue trigger's default <c>messageEncoding</c>: messages are base64 on the wire, text to the function.</summary>
    public const string Base64 = "base64";

    public static readonly HostJson Defaults = new("api", 5, 4);

    public static HostJson Load(string path)
    {
        if (!File.Exists(path))
        {
            return Defaults;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var extensions = document.RootElement.TryGetProperty("extensions", out var e) ? e : default;
        return new HostJson(
            Read(extensions, "http", "routePrefix")?.GetString() ?? Defaults.RoutePrefix,
            Read(extensions, "blobs", "poisonBlobThreshold")?.GetInt32() ?? Defaults.PoisonBlobThreshold,
            Read(extensions, "blobs", "maxDegreeOfParallelism")?.GetInt32() ?? Defaults.BlobParallelism,
            Read(extensions, "queues", "maxDequeueCount")?.GetInt32() ?? Defaults.QueueMaxDequeueCount,
            Read(extensions, "queues", "batchSize")?.GetInt32() ?? Defaults.QueueBatchSize,
            Read(extensions, "queues", "visibilityTimeout")?.GetString() is { } timeout
                ? TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) : Defaults.QueueVisibilityTimeout,
            Read(extensions, "queues", "messageEncoding")?.GetString()?.ToLowerInvariant() ?? Defaults.QueueMessageEncoding);
    }

    private static JsonElement? Read(JsonElement extensions, string section, string property) =>
        extensions.ValueKind == JsonValueKind.Object
        && extensions.TryGetProperty(section, out var s)
        && s.TryGetProperty(property, out var value) ? value : null;
}
