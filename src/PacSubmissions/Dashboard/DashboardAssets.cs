using PacSubmissions.Http;

namespace PacSubmissions.Dashboard;

/// <summary>The dashboard's script and style sheet.</summary>
internal static class DashboardAssets
{
    public const string Script = "dashboard.js";
    public const string StyleSheet = "dashboard.css";

    private static readonly EmbeddedAssets Files = new("PacSubmissions.Dashboard.Assets", Script, StyleSheet);

    public static (string ContentType, byte[] Bytes)? Find(string name) => Files.Find(name);
}
