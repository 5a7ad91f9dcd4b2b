using Microsoft.AspNetCore.Http;

namespace PacSubmissions.Upload.Page;

/// <summary>
/// The headers every upload response carries. The token is in the URL, so no referrer and no caching; the page loads
/// only its own script and style sheet, never inline code, and may not be framed. HSTS keeps a browser that has once
/// reached the app over HTTPS from ever asking over plain HTTP again, where a token in the URL could be read; browsers
/// ignore it on a plain-HTTP answer (a local run), so it is always sent.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>One year, the value browsers' preload lists ask for; no includeSubDomains: a custom domain's other hosts are not ours.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.StrictTransportSecurity = StrictTransportSecurity;
    }
}
