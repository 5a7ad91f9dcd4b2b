using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PacSubmissions.Email;
using PacSubmissions.Html;
using PacSubmissions.Http;
using PacSubmissions.Languages;
using PacSubmissions.Upload.Page;

namespace PacSubmissions.Upload;

/// <summary>
/// Answers an upload request the way its caller reads: a page for a browser (it asks for <c>text/html</c>), JSON for
/// everyone else. Both carry the same status code and the security headers.
/// </summary>
public sealed class UploadResponses(IOptions<EmailOptions> email, HtmlPages pages)
{
    public static bool WantsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList([.. request.Headers.Accept.OfType<string>()], out var accepted)
        && accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && a.Quality is null or > 0)
        && !accepted.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    public PageContext Page(HttpRequest request, string? token, string? centreLanguage) =>
        new(UploadLanguage.Choose(request, centreLanguage), token, email.Value.HqAddress);

    /// <summary>One of the upload pages (a component of <see cref="Upload.Page"/>) rendered with its parameters, as the response.</summary>
    public async Task<IActionResult> HtmlAsync<TPage>(int status, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
        where TPage : IComponent =>
        new ContentResult
        {
            StatusCode = status,
            ContentType = "text/html; charset=utf-8",
            Content = await pages.RenderAsync<TPage>(parameters, cancellationToken),
        };

    /// <summary>
    /// The one answer to a dead link (tampered, expired, revoked, other-year, unknown, or past its centre's late window):
    /// HQ's address, and for a browser the form that asks for a fresh link for <paramref name="token"/>.
    /// </summary>
    public async Task<IActionResult> LinkInvalidAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        var page = Page(request, null, null);
        return WantsHtml(request)
            ? await HtmlAsync<LinkInvalidPage>(StatusCodes.Status403Forbidden, new Dictionary<string, object?>
            {
                [nameof(LinkInvalidPage.Page)] = page,
                [nameof(LinkInvalidPage.Token)] = token,
            }, cancellationToken)
            : Problems.Result(StatusCodes.Status403Forbidden, "Invalid upload link", $"{page.Texts.LinkInvalid} {page.Texts.DeadLinkWriteToHq} {page.HqAddress}");
    }

    /// <summary>The answer to a fresh-link request, the same whatever the link was: a page for a browser, the sentence for anyone else.</summary>
    public async Task<IActionResult> FreshLinkRequestedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var page = Page(request, null, null);
        return WantsHtml(request)
            ? await HtmlAsync<FreshLinkRequestedPage>(StatusCodes.Status200OK, new Dictionary<string, object?> { [nameof(FreshLinkRequestedPage.Page)] = page }, cancellationToken)
            : new OkObjectResult(new FreshLinkAnswer($"{page.Texts.FreshLinkRequested} {page.HqAddress}"));
    }

    /// <summary>A refusal: a page with the message and a way back for a browser, an RFC 9457 problem for an API caller.</summary>
    public Task<IActionResult> RefusedAsync(HttpRequest request, UploadContext upload, string token, int status, string title, Func<Texts, string> message,
        CancellationToken cancellationToken) =>
        RefusedAsync(request, Page(request, token, upload.Centre.Language), status, title, message, cancellationToken);

    /// <summary>A refusal on a page that may have no link to go back to (<see cref="PageContext.Token"/> null).</summary>
    public async Task<IActionResult> RefusedAsync(HttpRequest request, PageContext page, int status, string title, Func<Texts, string> message,
        CancellationToken cancellationToken) =>
        WantsHtml(request)
            ? await HtmlAsync<RefusedPage>(status, new Dictionary<string, object?>
            {
                [nameof(RefusedPage.Page)] = page,
                [nameof(RefusedPage.Message)] = message(page.Texts),
            }, cancellationToken)
            : Problems.Result(status, title, message(page.Texts));
}

/// <summary>What an API caller is told after asking for a fresh link: the page's sentence, HQ's address included.</summary>
public sealed record FreshLinkAnswer(string Message);
