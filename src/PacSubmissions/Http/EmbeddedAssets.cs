using System.Reflection;

namespace PacSubmissions.Http;

/// <summary>
/// Script and style files embedded in the library, loaded once, so the Functions app and the local host serve the same
/// bytes from the app itself and a strict CSP can allow only <c>'self'</c>.
/// </summary>
internal sealed class EmbeddedAssets
{
    private readonly Dictionary<string, (string ContentType, byte[] Bytes)> _files;

    /// <param name="folder">The folder the files are embedded from, as a resource name prefix ("PacSubmissions.Upload.Page.Assets").</param>
    public EmbeddedAssets(string folder, params string[] names) =>
        _files = names.ToDictionary(name => name, name => (ContentType(name), Load($"{folder}.{name}")), StringComparer.Ordinal);

    public (string ContentType, byte[] Bytes)? Find(string name) => _files.TryGetValue(name, out var file) ? file : null;

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        var other => throw new ArgumentException($"No content type is known for {other} assets.", nameof(name)),
    };

    private static byte[] Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The asset {resource} is not embedded in the library.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
