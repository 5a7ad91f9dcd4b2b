using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PacSubmissions.Forms;
using PacSubmissions.Http;
using PacSubmissions.Upload.Page;

namespace PacSubmissions.Upload;

/// <summary>Serves the upload page, the status of one upload, and the page's script and style sheet.</summary>
public sealed class UploadPageHandler(
    UploadAccess access,
    UploadHistory history,
    UploadResponses responses,
    LinkOperations operations,
    IOptions<UploadOptions> options,
    TimeProvider clock)
{
    public async Task<IActionResult> PageAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var upload = await access.ResolveAsync(token, cancellationToken);
        if (upload is null)
        {
            return await responses.LinkInvalidAsync(request, token, cancellationToken);
        }

        var uploads = await history.ListAsync(upload.Campaign.Year, upload.Centre.Id, cancellationToken);
        var page = responses.Page(request, token, upload.Centre.Language);
        return await responses.HtmlAsync<UploadMainPage>(StatusCodes.Status200OK, new Dictionary<string, object?>
        {
            [nameof(UploadMainPage.Page)] = page,
            [nameof(UploadMainPage.Upload)] = upload,
            [nameof(UploadMainPage.Uploads)] = uploads,
            [nameof(UploadMainPage.Now)] = clock.GetUtcNow(),
            [nameof(UploadMainPage.MaxBytes)] = options.Value.MaxBytes,
        }, cancellationToken);
    }

    public async Task<IActionResult> StatusAsync(HttpRequest request, string token, string submissionId, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var upload = await access.ResolveAsync(token, cancellationToken);
        if (upload is null)
        {
            return await responses.LinkInvalidAsync(request, token, cancellationToken);
        }

        var status = await history.FindAsync(upload.Campaign.Year, upload.Centre.Id, submissionId, cancellationToken);
        if (status is null)
        {
            return Problems.Result(StatusCodes.Status404NotFound, "Unknown upload", "This link has no upload with that id.");
        }

        // The result page's link (no JavaScript) asks for HTML; the page's script asks for JSON.
        var page = responses.Page(request, token, upload.Centre.Language);
        return UploadResponses.WantsHtml(request)
            ? await responses.HtmlAsync<CheckPage>(StatusCodes.Status200OK, new Dictionary<string, object?>
            {
                [nameof(CheckPage.Page)] = page,
                [nameof(CheckPage.Status)] = status,
            }, cancellationToken)
            : new OkObjectResult(UploadPage.Localised(status, page.Texts));
    }

    /// <summary>The form for the link's centre in the page's language, its contact block filled in, as the campaign's form version has it.</summary>
    public async Task<IActionResult> TemplateAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        var upload = await access.ResolveAsync(token, cancellationToken);
        if (upload is null)
        {
            return await responses.LinkInvalidAsync(request, token, cancellationToken);
        }

        var language = FormTemplate.LanguageFor(responses.Page(request, token, upload.Centre.Language).Texts.Code, upload.Centre);
        var form = upload.Campaign.Form();
        var document = new MemoryStream();
        FormTemplate.Write(form, upload.Centre, language, document);
        return new FileContentResult(document.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        {
            FileDownloadName = $"pac-{upload.Campaign.Year}-{upload.Centre.Id}-form-{language}.docx",
        };
    }

    /// <summary>
    /// A dead link's "send a fresh link": the operation decides, and audits, whether a link goes out; the answer is the
    /// same whatever the token was, so it tells no one which links or centres exist.
    /// </summary>
    public async Task<IActionResult> FreshLinkAsync(HttpRequest request, string token, CancellationToken cancellationToken)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        // Kestrel's peer in the local host; in Azure the worker's ASP.NET Core integration applies the forwarded-headers
        // middleware, so this is the client the App Service front end put last in X-Forwarded-For, not the Functions host.
        var client = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        await operations.RequestFreshLinkAsync(token, client, cancellationToken);
        return await responses.FreshLinkRequestedAsync(request, cancellationToken);
    }

    public static IActionResult Asset(HttpRequest request, string name)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        return UploadAssets.Find(name) is { } asset
            ? new FileContentResult(asset.Bytes, asset.ContentType)
            : new NotFoundResult();
    }
}
