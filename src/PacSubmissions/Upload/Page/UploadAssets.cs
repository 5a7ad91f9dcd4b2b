using PacSubmissions.Http;

namespace PacSubmissions.Upload.Page;

/// <summary>The upload page's script and style sheet.</summary>
internal static class UploadAssets
{
    public const string Script = "upload.js";
    public const string StyleSheet = "upload.css";

    private static readonly EmbeddedAssets Files = new("PacSubmissions.Upload.Page.Assets", Script, StyleSheet);

    public static (string ContentType, byte[] Bytes)? Find(string name) => Files.Find(name);
}
