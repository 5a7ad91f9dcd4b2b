using System.Reflection;

namespace PacSubmissions.Upload.Page;

/// <summary>The page's script and style sheet, embedded in the library so the Functions app and the local host serve the same bytes.</summary>
public static class UploadAssets
{
    public const string Script = "upload.js";
    public const string StyleSheet = "upload.css";

    private static readonly Dictionary<string, (string ContentType, byte[] Bytes)> Files = new(StringComparer.Ordinal)
    {
        [Script] = ("text/javascript; charset=utf-8", Load(Script)),
        [StyleSheet] = ("text/css; charset=utf-8", Load(StyleSheet)),
    };

    public static (string ContentType, byte[] Bytes)? Find(string name) => Files.TryGetValue(name, out var file) ? file : null;

    private static byte[] Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"PacSubmissions.Upload.Page.Assets.{name}")
            ?? throw new InvalidOperationException($"The upload page asset {name} is not embedded in the library.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
