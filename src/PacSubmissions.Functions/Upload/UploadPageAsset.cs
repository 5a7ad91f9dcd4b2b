using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Http;
using PacSubmissions.Upload;

namespace PacSubmissions.Functions.Upload;

/// <summary>The page's script and style sheet: served from the app itself, so the CSP allows only <c>'self'</c>.</summary>
internal sealed class UploadPageAsset
{
    [Function(nameof(UploadPageAsset))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = UploadRoutes.Asset)] HttpRequest request,
        string name) =>
        UploadPageHandler.Asset(request, name);
}
