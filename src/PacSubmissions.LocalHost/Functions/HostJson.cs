using System.Text.Json;

namespace PacSubmissions.LocalHost.Functions;

/// <summary>The parts of the Functions app's host.json the local host honours, read from the same file Azure uses.</summary>
public sealed record HostJson(string RoutePrefix, int PoisonBlobThreshold, int BlobParallelism)
{
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
            Read(extensions, "blobs", "maxDegreeOfParallelism")?.GetInt32() ?? Defaults.BlobParallelism);
    }

    private static JsonElement? Read(JsonElement extensions, string section, string property) =>
        extensions.ValueKind == JsonValueKind.Object
        && extensions.TryGetProperty(section, out var s)
        && s.TryGetProperty(property, out var value) ? value : null;
}
