using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using PacSubmissions.Dashboard;
using PacSubmissions.Http;

namespace PacSubmissions.Exports;

/// <summary>The dashboard's export downloads: 404 for a year without a campaign or a name that is no export.</summary>
public sealed class CampaignExportHandler(CampaignExports exports, DashboardAccess access, DashboardHandler dashboard)
{
    public async Task<IActionResult> ExportAsync(HttpRequest request, int year, string name, CancellationToken cancellationToken)
    {
        if (access.Identify(request) is { IsRefused: true } caller)
        {
            if (SignInReasons.IsBrowser(request))
            {
                // A browser (a bookmarked export after the session ended) gets the sign-in page, and the export after it.
                return await dashboard.RefusalAsync(request, caller, cancellationToken);
            }

            return Problems.Result(caller.RefusalStatus!.Value, "Not signed in as HQ", caller.Refusal!);
        }

        if (CampaignExport.FromName(name) is not { } kind)
        {
            return Problems.Result(StatusCodes.Status404NotFound, "No such export",
                $"There is no export named '{name}'. The exports are: {string.Join(", ", DashboardRoutes.ExportNames)}.");
        }

        if (await exports.LoadAsync(year, cancellationToken) is not { } overview)
        {
            return Problems.Result(StatusCodes.Status404NotFound, "No such campaign",
                string.Create(CultureInfo.InvariantCulture, $"There is no campaign for {year}. Open it first (pac campaign open {year})."));
        }

        return new StreamedExport(CampaignExport.ContentType(kind), CampaignExport.FileName(year, kind),
            (body, token) => exports.WriteAsync(overview, kind, body, token));
    }

    /// <summary>Headers first, then the export written straight into the response body as it is produced.</summary>
    private sealed class StreamedExport(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = contentType;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers.XContentTypeOptions = "nosniff";
            // The compiled HTML holds what centres wrote: even opened in the browser, it may run nothing and load nothing.
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
            response.Headers.CacheControl = "no-store";
            await write(response.Body, context.HttpContext.RequestAborted);
        }
    }
}
