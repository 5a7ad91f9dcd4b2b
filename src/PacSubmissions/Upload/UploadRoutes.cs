namespace PacSubmissions.Upload;

/// <summary>The HTTP routes of the upload feature, shared by the function attributes, the page and the links HQ sends.</summary>
public static class UploadRoutes
{
    /// <summary>The Functions host's default route prefix (host.json <c>extensions.http.routePrefix</c>).</summary>
    public const string Prefix = "api";

    /// <summary>GET shows the page, POST takes the report.</summary>
    public const string Upload = "upload/{token}";

    public const string Status = "upload/{token}/status/{submissionId}";

    /// <summary>The form as a Word document for the link's centre, in the page's language (<c>pac form template</c>'s file).</summary>
    public const string Template = "upload/{token}/template";

    /// <summary>The page's script and style sheet, served by a function so the strict CSP can say <c>'self'</c>.</summary>
    public const string Asset = "upload-assets/{name}";

    public static string PagePath(string token) => $"/{Prefix}/upload/{Uri.EscapeDataString(token)}";

    public static string StatusPath(string token, string submissionId) =>
        $"{PagePath(token)}/status/{Uri.EscapeDataString(submissionId)}";

    public static string TemplatePath(string token, string language) =>
        $"{PagePath(token)}/template?{Page.UploadLanguage.QueryParameter}={Uri.EscapeDataString(language)}";

    public static string AssetPath(string name) => $"/{Prefix}/upload-assets/{name}";
}
