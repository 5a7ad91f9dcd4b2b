namespace PacSubmissions.Http;

/// <summary>
/// The HTTP routes of the upload feature, bound by the function attributes; the page's links, the status URL and the
/// links HQ sends are made from them by <see cref="RouteUrl"/>.
/// </summary>
public static class UploadRoutes
{
    /// <summary>The route prefix, for callers that name it (<see cref="RouteUrl.Prefix"/>).</summary>
    public const string Prefix = RouteUrl.Prefix;

    /// <summary>GET shows the page, POST takes the report.</summary>
    public const string Upload = "upload/{token}";

    public const string Status = "upload/{token}/status/{submissionId}";

    /// <summary>A resumable upload (the page's script): GET lists the blocks staged so far, POST commits them as the report.</summary>
    public const string Resumable = "upload/{token}/resumable/{uploadId}";

    /// <summary>PUT stages one block of a resumable upload, by its index in the file.</summary>
    public const string ResumableBlock = "upload/{token}/resumable/{uploadId}/{index}";

    /// <summary>The form as a Word document for the link's centre, in the page's language (<c>pac form template</c>'s file).</summary>
    public const string Template = "upload/{token}/template";

    /// <summary>POST from a dead link's page: e-mail a fresh link to the address the register has for the link's centre.</summary>
    public const string FreshLink = "upload/{token}/fresh-link";

    /// <summary>The page's script and style sheet, served by a function so the strict CSP can say <c>'self'</c>.</summary>
    public const string Asset = "upload-assets/{name}";

    /// <summary>The query parameter that chooses the page's language.</summary>
    public const string LanguageParameter = "lang";

    public static string PagePath(string token) => RouteUrl.Path(Upload, ("token", token));

    /// <summary>The link's page, in <paramref name="language"/> when one is given.</summary>
    public static string PagePath(string token, string language) =>
        RouteUrl.WithQuery(PagePath(token), [(LanguageParameter, language)]);

    public static string StatusPath(string token, string submissionId) =>
        RouteUrl.Path(Status, ("token", token), ("submissionId", submissionId));

    /// <summary>An upload's check page, in <paramref name="language"/>.</summary>
    public static string StatusPath(string token, string submissionId, string language) =>
        RouteUrl.WithQuery(StatusPath(token, submissionId), [(LanguageParameter, language)]);

    public static string ResumablePath(string token, string uploadId) =>
        RouteUrl.Path(Resumable, ("token", token), ("uploadId", uploadId));

    public static string ResumableBlockPath(string token, string uploadId, string index) =>
        RouteUrl.Path(ResumableBlock, ("token", token), ("uploadId", uploadId), ("index", index));

    public static string TemplatePath(string token, string language) =>
        RouteUrl.WithQuery(RouteUrl.Path(Template, ("token", token)), [(LanguageParameter, language)]);

    /// <summary>Where a dead link's page posts its request for a fresh link; the answer comes in <paramref name="language"/>.</summary>
    public static string FreshLinkPath(string token, string language) =>
        RouteUrl.WithQuery(RouteUrl.Path(FreshLink, ("token", token)), [(LanguageParameter, language)]);

    public static string AssetPath(string name) => RouteUrl.Path(Asset, ("name", name));
}
