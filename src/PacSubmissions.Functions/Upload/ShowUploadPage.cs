using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Http;
using PacSubmissions.Upload;

namespace PacSubmissions.Functions.Upload;

internal sealed class ShowUploadPage(UploadPageHandler handler)
{
    [Function(nameof(ShowUploadPage))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = UploadRoutes.Upload)] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        handler.PageAsync(request, token, cancellationToken);
}
