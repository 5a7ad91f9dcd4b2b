using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Http;
using PacSubmissions.Upload;

namespace PacSubmissions.Functions.Upload;

internal sealed class DownloadFormTemplate(UploadPageHandler handler)
{
    [Function(nameof(DownloadFormTemplate))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = UploadRoutes.Template)] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        handler.TemplateAsync(request, token, cancellationToken);
}
