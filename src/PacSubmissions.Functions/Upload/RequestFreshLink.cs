using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PacSubmissions.Http;
using PacSubmissions.Upload;

namespace PacSubmissions.Functions.Upload;

internal sealed class RequestFreshLink(UploadPageHandler handler)
{
    [Function(nameof(RequestFreshLink))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = UploadRoutes.FreshLink)] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        handler.FreshLinkAsync(request, token, cancellationToken);
}
