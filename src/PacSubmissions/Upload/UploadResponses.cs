using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PacSubmissions.Email;
using PacSubmissions.Http;
using PacSubmissions.Languages;
using PacSubmissions.Upload.Page;

namespace PacSubmissions.Upload;

/// <summary>
/// Answers an upload request the way its caller reads: a page for a browser (it asks for <c>text/html</c>), JSON for
/// everyone else. Both carry the same status code and the security headers.
/// </summary>
public sealed class UploadResponses(IOptions<EmailOptions> email)
{
    public static bool WantsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList([.. request.Headers.Accept.OfType<string>()], out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && a.Quality is null or > 0)
        && !accepted.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    public PageContext Page(HttpRequest request, string? token, string? centreLanguage) =>
        new(UploadLanguage.Choose(request, centreLanguage), token, email.Value.HqAddress);

    public static IActionResult Html(int status, string html) =>
        new ContentResult { StatusCode = status, ContentType = "text/html; charset=utf-8", Content = html };

    public IActionResult LinkInvalid(HttpRequest request) => WantsHtml(request)
        ? Html(StatusCodes.Status403Forbidden, UploadPage.LinkInvalid(Page(request, null, null)))
        : Problems.Result(StatusCodes.Status403Forbidden, "Invalid upload link", Page(request, null, null).Texts.LinkInvalid);

    /// <summary>A refusal: a page with the message and a way back for a browser, an RFC 9457 problem for an API caller.</summary>
    public IActionResult Refused(HttpRequest request, UploadContext upload, string token, int status, string title, Func<Texts, string> message)
    {
        var page = Page(request, token, upload.Centre.Language);
        return WantsHtml(request)
            ? Html(status, UploadPage.Refused(page, page.Texts.NotSentTitle, message(page.Texts)))
            : Problems.Result(status, title, message(page.Texts));
    }
}
