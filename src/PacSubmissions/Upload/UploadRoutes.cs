namespace PacSubmissions.Upload;

/// <summary>The HTTP routes of the upload feature, shared by the function attributes and the links HQ sends.</summary>
public static class UploadRoutes
{
    /// <summary>The Functions host's default route prefix (host.json <c>extensions.http.routePrefix</c>).</summary>
    public const string Prefix = "api";

    public const string Upload = "upload/{token}";
}
