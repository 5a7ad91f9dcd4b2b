using System.Reflection;

namespace PacSubmissions.Dashboard;

/// <summary>The dashboard's script and style sheet, embedded in the library, so the strict CSP allows only <c>'self'</c>.</summary>
public static class DashboardAssets
{
    public const string Script = "dashboard.js";
    public const string StyleSheet = "dashboard.css";

    private static readonly Dictionary<string, (string ContentType, byte[] Bytes)> Files = new(StringComparer.Ordinal)
    {
        [Script] = ("text/javascript; charset=utf-8", Load(Script)),
        [StyleSheet] = ("text/css; charset=utf-8", Load(StyleSheet)),
    };

    public static (string ContentType, byte[] Bytes)? Find(string name) => Files.TryGetValue(name, out var file) ? file : null;

    private static byte[] Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"PacSubmissions.Dashboard.Assets.{name}")
            ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded in the library.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
